// brief-search end to end on queries that once went wrong: NEAR/ADJ snippets, NEAR/ADJ over
// words the analyser splits, wildcards over words it keeps whole, and a regression corpus
// of real-world query strings that must each be answered or refused cleanly.
#include <chrono>
#include <fstream>

#include "tests/e2e/e2e_support.h"
#include "tests/support/regression_queries.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

// Briefs written for these tests, indexed into home/db.
class BriefFolder {
 public:
  explicit BriefFolder(const std::vector<std::pair<std::string, std::string>>& files) {
    std::filesystem::create_directories(home_ / "briefs");
    for (const auto& [name, text] : files) std::ofstream(home_ / "briefs" / name) << text;
    const ProcessResult indexed =
        brief_index(home_, {"--db", (home_ / "db").string(), (home_ / "briefs").string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }

  ProcessResult search(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--db", (home_ / "db").string()});
    return brief_search(home_, std::move(arguments));
  }

  // A --format json search for query, which must succeed with exit code exit_code.
  json search_json(const std::string& query, int exit_code = 0) const {
    const ProcessResult result = search({"--format", "json", "--", query});
    INFO(query << ": " << result.err);
    REQUIRE(result.exit_code == exit_code);
    return json::parse(result.out);
  }

 private:
  TemporaryFolder home_;
};

std::string scraped_brief(const std::string& title, const std::string& description,
                          const std::string& impact) {
  return title + "\n\nBy December 27, 2024No Comments\n\nDescription: " + description +
         "\n\nImpact: " + impact + "\n";
}

// The hit's snippet with each highlight in brackets.
std::string marked(const json& hit) {
  const std::string snippet = hit["snippet"];
  std::string result;
  std::size_t at = 0;
  for (const json& range : hit["highlights"]) {
    const std::size_t begin = range[0];
    const std::size_t end = range[1];
    result += snippet.substr(at, begin - at) + "[" + snippet.substr(begin, end - begin) + "]";
    at = end;
  }
  return result + snippet.substr(at);
}

// The hit's file name: ids depend on how the folder was named, paths do not.
std::string file_name(const json& hit) {
  return std::filesystem::path(hit["path"].get<std::string>()).filename().string();
}

const std::string kShadowDescription =
    "The shadow of the probe fell on several firms. A fleet of tugs assisted the coast guard.";
const std::string kShadowImpact =
    "Analysts said the tanker belongs to the shadow fleet used to move Russian oil.";

// The brief, and one with the words near each other several times.
BriefFolder shadow_briefs() {
  return BriefFolder({
      {"b.txt", scraped_brief("Baltic: Tanker Detained", kShadowDescription, kShadowImpact)},
      {"c.txt", scraped_brief("Arctic: Patrols Increase",
                              "Their fleet shadow sailed north; later another fleet, far from "
                              "any of the ships watching it, with a shadow behind.",
                              "Patrols will continue.")},
  });
}

}  // namespace

TEST_CASE("a NEAR or ADJ snippet is a passage where the words lie within the window",
          "[e2e][query]") {
  const BriefFolder briefs = shadow_briefs();
  SECTION("the issue's example: the Impact passage, only \"shadow fleet\" marked") {
    const json output = briefs.search_json("shadow ADJ/1 fleet");
    REQUIRE(output["hits"].size() == 1);
    CHECK(marked(output["hits"][0]) ==
          "Analysts said the tanker belongs to the [shadow] [fleet] "
          "used to move Russian oil.");
  }
  SECTION("NEAR in the reversed order finds the same pair") {
    const json output = briefs.search_json("fleet NEAR/1 shadow");
    REQUIRE(output["hits"].size() == 2);
    for (const json& hit : output["hits"]) {
      const std::string text = marked(hit);
      INFO(text);
      CHECK((text.find("the [shadow] [fleet] used") != std::string::npos ||
             text.starts_with("Their [fleet] [shadow] sailed north; later another fleet,")));
    }
  }
  SECTION("ADJ in the reversed order matches only where the order holds") {
    const json output = briefs.search_json("fleet ADJ/1 shadow");
    REQUIRE(output["hits"].size() == 1);
    CHECK(file_name(output["hits"][0]) == "c.txt");
    CHECK(marked(output["hits"][0])
              .starts_with("Their [fleet] [shadow] sailed north; later "
                           "another fleet,"));
    CHECK(briefs.search_json("title:tanker fleet ADJ/9 shadow", 1)["hits"].empty());
  }
  SECTION("a wider window takes in the Description's pair") {
    const json output = briefs.search_json("title:tanker shadow NEAR/9 fleet");
    REQUIRE(output["hits"].size() == 1);
    CHECK(marked(output["hits"][0]) ==
          "The [shadow] of the probe fell on several firms. A [fleet] of tugs assisted the coast "
          "guard.");
    CHECK(briefs.search_json("title:tanker shadow NEAR/8 fleet")["hits"][0]["snippet"] ==
          kShadowImpact);
  }
  SECTION("several windows in one passage, and words outside them unmarked") {
    const json output = briefs.search_json("title:arctic shadow NEAR/3 fleet");
    REQUIRE(output["hits"].size() == 1);
    CHECK(marked(output["hits"][0]) ==
          "Their [fleet] [shadow] sailed north; later another fleet, far from any of the ships "
          "watching it, with a shadow behind.");
    const json wider = briefs.search_json("title:arctic shadow NEAR/5 fleet");
    CHECK(marked(wider["hits"][0]) ==
          "Their [fleet] [shadow] sailed north; later another [fleet], far from any of the ships "
          "watching it, with a shadow behind.");
  }
  SECTION("inside OR and AND, and restricted to a field") {
    const json either = briefs.search_json("(shadow ADJ/1 fleet) OR transnistria");
    REQUIRE(either["hits"].size() == 1);
    CHECK(marked(either["hits"][0]).find("[shadow] [fleet]") != std::string::npos);
    const json both = briefs.search_json("russian (shadow ADJ/1 fleet)");
    REQUIRE(both["hits"].size() == 1);
    CHECK(marked(both["hits"][0]) ==
          "Analysts said the tanker belongs to the [shadow] [fleet] "
          "used to move [Russian] oil.");
    CHECK(briefs.search_json("impact:(shadow ADJ/1 fleet)")["hits"].size() == 1);
    CHECK(briefs.search_json("description:(shadow ADJ/1 fleet)", 1)["hits"].empty());
  }
  SECTION("text output marks the same words") {
    const ProcessResult text = briefs.search({"--color", "always", "shadow ADJ/1 fleet"});
    REQUIRE(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("\x1b[1;31mshadow\x1b[0m \x1b[1;31mfleet\x1b[0m"));
    CHECK(text.out.find("The shadow of") == std::string::npos);
  }
}

TEST_CASE("NEAR and ADJ over words the analyser splits, and over phrases", "[e2e][query]") {
  const BriefFolder briefs({
      {"turkey.txt", scraped_brief("Turkey: Air Defence Dispute",
                                   "Turkey took delivery of the S-400 system from Russia.",
                                   "Sanctions may follow.")},
      {"jets.txt", scraped_brief("Ukraine: New Aircraft", "The first F-16 jets arrived in Kyiv.",
                                 "Air defence improves.")},
      {"vaccine.txt", scraped_brief("Health: Booster Campaign",
                                    "A new COVID-19 vaccine was approved by regulators.",
                                    "Uptake is expected to be slow.")},
      {"china.txt", scraped_brief("China: Foreign Minister Visits",
                                  "Foreign Minister 王毅 said China would respond to tariffs.",
                                  "Talks continue.")},
      {"ab.txt", scraped_brief("Testing: Method Review", "Analysts ran a-b x comparisons.",
                               "Results pending.")},
  });
  struct Case {
    std::string query;
    std::string file;
    std::string marked;
  };
  const auto [query, file, expected] = GENERATE(values<Case>({
      {"S-400 NEAR turkey", "turkey.txt",
       "[Turkey] took delivery of the [S]-[400] system from Russia."},
      {"turkey NEAR/5 S-400", "turkey.txt",
       "[Turkey] took delivery of the [S]-[400] system from Russia."},
      {"F-16 ADJ jets", "jets.txt", "The first [F]-[16] [jets] arrived in Kyiv."},
      {"COVID-19 NEAR vaccine", "vaccine.txt",
       "A new [COVID]-[19] [vaccine] was approved by regulators."},
      {"王毅 NEAR china", "china.txt",
       "Foreign Minister [王][毅] said [China] would respond to tariffs."},
      {"a-b NEAR x", "ab.txt", "Analysts ran [a]-[b] [x] comparisons."},
      {"\"took delivery\" NEAR/4 S-400", "turkey.txt",
       "Turkey [took] [delivery] of the [S]-[400] system from Russia."},
      {"\"foreign minister\" ADJ 王毅", "china.txt",
       "[Foreign] [Minister] [王][毅] said China would respond to tariffs."},
  }));
  INFO(query);
  const json output = briefs.search_json(query);
  REQUIRE(output["hits"].size() == 1);
  CHECK(file_name(output["hits"][0]) == file);
  CHECK(marked(output["hits"][0]) == expected);
  // Out of the window or out of order: no match, exit 1, never a database error.
  CHECK(briefs.search_json("S-400 NEAR/4 turkey", 1)["hits"].empty());
  CHECK(briefs.search_json("jets ADJ F-16", 1)["hits"].empty());
  CHECK(briefs.search_json("王毅 ADJ/1 china", 1)["hits"].empty());
}

TEST_CASE("a wildcard completes the word the analyser keeps whole", "[e2e][query]") {
  const BriefFolder briefs({
      {"rates.txt",
       scraped_brief("Switzerland: Rates Held",
                     "The central bank in Zürich held rates at 2.75 percent, citing U.S. tariffs.",
                     "COVID-19 era loans end; F-16 and S-400 purchases strain budgets.")},
  });
  struct Case {
    std::string query;
    std::string highlighted;
  };
  const auto [query, highlighted] = GENERATE(values<Case>({
      {"2.7*", "[2.75]"},
      {"u.s*", "[U.S]."},
      {"zür*", "[Zürich]"},
      {"s-4*", "[S]-[400]"},
      {"f-1*", "[F]-[16]"},
      {"covid-1*", "[COVID]-[19]"},
  }));
  INFO(query);
  const json output = briefs.search_json(query);
  REQUIRE(output["hits"].size() == 1);
  CHECK_THAT(marked(output["hits"][0]), Catch::Contains(highlighted));
  CHECK(briefs.search_json("2.8*", 1)["hits"].empty());
  CHECK(briefs.search_json("s-5*", 1)["hits"].empty());
  const ProcessResult separator = briefs.search({"--", "s-*"});
  CHECK(separator.exit_code == 2);
  CHECK(separator.err ==
        "brief-search: query 's-*': a wildcard needs a letter or digit right before '*' "
        "(column 1)\n");
}

TEST_CASE("a wildcard after an abbreviation's period finds the abbreviation", "[e2e][query]") {
  const BriefFolder briefs({
      {"talks.txt", scraped_brief("Russia: Talks in St. Petersburg",
                                  "Envoys of the U.K. met in St. Petersburg, e.g. on tankers.",
                                  "The U.S. reply is due.")},
      {"usa.txt",
       scraped_brief("Mexico: Border Talks", "The U.S.A. delegation left early.", "Nothing else.")},
      {"other.txt",
       scraped_brief("Gulf: Straits Closed",
                     "The US and UK watched the strait; stations were set up.", "Nothing else.")},
  });
  struct Case {
    std::string query;
    std::vector<std::string> files;  // sorted; the first one's snippet has highlighted
    std::string highlighted;
  };
  const auto [query, files, highlighted] = GENERATE(values<Case>({
      {"U.S.*", {"talks.txt", "usa.txt"}, "The [U.S]. reply"},
      {"U.K.*", {"talks.txt"}, "the [U.K]. met"},
      {"e.g.*", {"talks.txt"}, "[e.g]. on"},
      {"U.S.A*", {"usa.txt"}, "The [U.S.A]. delegation"},
      {"U.S.A.*", {"usa.txt"}, "The [U.S.A]. delegation"},
      {"St.*", {"talks.txt"}, "in [St]. Petersburg"},
  }));
  INFO(query);
  const json output = briefs.search_json(query);
  std::vector<std::string> found;
  for (const json& hit : output["hits"]) {
    found.push_back(file_name(hit));
    if (found.back() == files.front()) CHECK_THAT(marked(hit), Catch::Contains(highlighted));
  }
  std::sort(found.begin(), found.end());
  CHECK(found == files);
  // The wildcard finds whatever the word before its '*' finds as an exact word (quoted: a
  // plain word that names a country also finds the country's other names).
  std::string word = query;
  word.pop_back();
  const json exact = briefs.search_json("\"" + word + "\"");
  for (const json& hit : exact["hits"]) {
    CHECK(std::find(files.begin(), files.end(), file_name(hit)) != files.end());
  }
}

TEST_CASE("a field's value that starts with a sign or an operator gets a true message",
          "[e2e][query]") {
  const BriefFolder briefs({
      {"yemen.txt", scraped_brief("Yemen: Houthi Strikes", "Houthi forces struck tankers.",
                                  "Energy prices rose.")},
  });
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"title:-houthi",
       "a field's value cannot start with '-'; to exclude, put '-' before the field: "
       "-title:houthi (column 7)"},
      {"country:-ye",
       "a field's value cannot start with '-'; to exclude, put '-' before the field: "
       "-country:ye (column 9)"},
      {"tag:+energy",
       "a field's value cannot start with '+'; put '+' before the field, or leave it out: "
       "tag:energy (column 5)"},
      {"date:-1d..",
       "invalid date '-1d': a date takes no sign; write 1d (Nd, Nw, Nm and Ny count back from "
       "today); to exclude dates, put '-' before the field (column 6)"},
      {"date:+2025", "invalid date '+2025': a date takes no sign; write 2025 (column 6)"},
      {"date:2024..-1d",
       "invalid date '-1d': a date takes no sign; write 1d (Nd, Nw, Nm and Ny "
       "count back from today) (column 6)"},
      {"title:desc:houthi",
       "'desc:' cannot be the value of 'title:'; use one field, or quote "
       "the value to search for its words (column 7)"},
      {") houthi", "unbalanced ')' (column 1)"},
  };
  for (const auto& [query, message] : cases) {
    const ProcessResult result = briefs.search({"--", query});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "brief-search: query '" + query + "': " + message + "\n");
  }
  // What the messages advise works, and an operator's name after a field is its value.
  CHECK(briefs.search({"--format", "count", "--", "-title:houthi"}).out == "0\n");
  CHECK(briefs.search({"--format", "count", "--", "-country:ye"}).out == "0\n");
  CHECK(briefs.search({"--format", "count", "--", "title:houthi"}).out == "1\n");
  const ProcessResult operator_word = briefs.search({"--format", "count", "--", "title:NOT"});
  CHECK(operator_word.exit_code == 1);
  CHECK(operator_word.out == "0\n");
}

namespace {

// The queries of tests/fixtures/queries/regression.txt (its header says the format).
std::vector<std::string> regression_queries() { return read_regression_queries(kFixtures); }

// Bytes that would drive a terminal: C0 controls but the newline, DEL, and C1 controls.
bool has_terminal_controls(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\n') || byte == 0x7f) return true;
    if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("every query of the regression corpus is answered or refused cleanly", "[e2e][query]") {
  IndexedCorpus corpus;
  const std::vector<std::string> queries = regression_queries();
  REQUIRE(queries.size() >= 300);

  SECTION("in one --batch run, one JSON object per query") {
    ProcessOptions options = isolated(corpus.home());
    for (const std::string& query : queries) options.input += query + "\n";
    const ProcessResult batch =
        run_process({kSearchBinary, "--db", corpus.database().string(), "--batch"}, options);
    INFO(batch.err);
    REQUIRE((batch.exit_code == 0 || batch.exit_code == 2));
    std::istringstream lines(batch.out);
    std::size_t answered = 0;
    for (std::string line; std::getline(lines, line); ++answered) {
      REQUIRE(answered < queries.size());
      INFO(queries[answered]);
      const json object = json::parse(line);
      CHECK(object.contains("error") != object.contains("hits"));
    }
    CHECK(answered == queries.size());
  }

  SECTION("one run per query: exit 0, 1 or 2, true JSON, no control characters") {
    double slowest_seconds = 0;
    std::string slowest;
    for (const std::string& query : queries) {
      if (query.find('\0') != std::string::npos) continue;  // not an argument; --batch has it
      INFO(json(query).dump(-1, ' ', true, json::error_handler_t::replace));
      const auto started = std::chrono::steady_clock::now();
      const ProcessResult result = corpus.search({"--format", "json", "--", query});
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (seconds > slowest_seconds) {
        slowest_seconds = seconds;
        slowest = query;
      }
      INFO(result.err);
      REQUIRE((result.exit_code == 0 || result.exit_code == 1 || result.exit_code == 2));
      if (result.exit_code == 2) {
        CHECK(result.out.empty());
        CHECK(result.err.starts_with("brief-search: query '"));
      } else {
        const json output = json::parse(result.out);
        CHECK(output["hits"].empty() == (result.exit_code == 1));
      }
      const ProcessResult text = corpus.search({"--", query});
      CHECK(text.exit_code == result.exit_code);
      CHECK_FALSE(has_terminal_controls(text.out));
      CHECK_FALSE(has_terminal_controls(text.err));
    }
    // Logged, not asserted: the machine may be busy.
    WARN("slowest query: "
         << slowest_seconds << " s for "
         << json(slowest.substr(0, 60)).dump(-1, ' ', true, json::error_handler_t::replace));
  }
}

// AddressSanitizer's redzones make each frame several times larger: the ASan build at 100
// levels needs more than 1 MiB (scripts/test-sanitized), the release build a fraction of it.
#ifdef BRIEFSEARCH_SANITIZED
constexpr int kSanitizerStackFactor = 4;
#else
constexpr int kSanitizerStackFactor = 1;
#endif

TEST_CASE("deep nesting is an error, not a crash, even with a small stack", "[e2e][query]") {
  IndexedCorpus corpus;
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "NOT ";
  const std::vector<std::string> queries = {
      std::string(2000, '(') + "x" + std::string(2000, ')'), nots + "x",
      "title:" + std::string(1500, '(') + "x" + std::string(1500, ')'),
      "(NOT (NOT (NOT " + nots + "x)))"};
  for (const std::string& query : queries) {
    INFO(query.substr(0, 40));
    // A 1 MiB stack, as a thread or an embedding program might give: the parser's bound
    // keeps every recursion (parser, builder, tree walks) far inside it.
    const ProcessResult result =
        run_process({"/bin/sh", "-c",
                     "ulimit -s " + std::to_string(1024 * kSanitizerStackFactor) +
                         " && exec \"$0\" --db \"$1\" --format count -- \"$2\"",
                     kSearchBinary, corpus.database().string(), query},
                    isolated(corpus.home()));
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("nested more than 100 deep"));
  }
}

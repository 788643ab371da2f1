#include <xapian.h>

#include <array>
#include <fstream>
#include <regex>
#include <utility>

#include "common/output/exit_codes.h"
#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

void write_file(const std::filesystem::path& path, const std::string& contents) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

const std::string kGoodBrief =
    "Skip to main content\nBrief\n\nTestland: Quokka Census Completed\n\n"
    "By March 3, 2024No Comments\n\nDescription: Rangers counted quokkas on the island.\n\n"
    "Impact: Tourism will grow.\n\nCopying our content is forbidden.\n";

}  // namespace

TEST_CASE("brief-index indexes the corpus and reports a summary", "[e2e][index]") {
  TemporaryFolder home;
  const auto result = brief_index(home, {"--db", (home / "db").string(), kCorpus.string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());  // stdout carries results only
  std::smatch summary;
  REQUIRE(std::regex_search(
      result.err, summary,
      std::regex(R"((\d+) added, 0 updated, 0 unchanged, 0 deleted, 0 rejected)")));
  CHECK(std::stoi(summary[1]) >= 45);

  const auto again = brief_index(home, {"--db", (home / "db").string(), kCorpus.string()});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err,
             Catch::Contains("0 added, 0 updated, " + std::string(summary[1]) + " unchanged"));
}

TEST_CASE("brief-search prints ranked hits as text and JSON", "[e2e][search]") {
  IndexedCorpus corpus;
  SECTION("text") {
    const auto result = corpus.search({"houthi", "shipping"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out,
               Catch::Contains("1. 2024-01-15  Red Sea: Houthi Attacks Divert Shipping"));
    CHECK_THAT(result.out,
               Catch::Contains("corpus/middle-east/red-sea-houthi-shipping-attacks.txt"));
    CHECK(result.out.find('\x1b') == std::string::npos);  // not a terminal: no colour
  }
  SECTION("json") {
    const json output = corpus.search_json({"--limit", "3", "sanctions"});
    CHECK(output["format_version"] == 2);
    CHECK(output["query"] == "sanctions");
    CHECK(output["limit"] == 3);
    CHECK(output["total"].get<int>() > 3);
    REQUIRE(output["hits"].size() == 3);
    for (const json& hit : output["hits"]) {
      CHECK(std::filesystem::exists(hit["path"].get<std::string>()));
      CHECK_FALSE(hit["title"].get<std::string>().empty());
      CHECK(std::regex_match(hit["date"].get<std::string>(), std::regex(R"(\d{4}-\d{2}-\d{2})")));
    }
    CHECK(output["hits"][0]["rank"] == 1);
    CHECK(output["hits"][0]["score"].get<double>() >= output["hits"][2]["score"].get<double>());
  }
  SECTION("--limit and --offset page through the same ranking") {
    const json all = corpus.search_json({"--limit", "6", "sanctions"});
    const json page = corpus.search_json({"--limit", "2", "--offset", "2", "sanctions"});
    REQUIRE(page["hits"].size() == 2);
    CHECK(page["hits"][0]["id"] == all["hits"][2]["id"]);
    CHECK(page["hits"][1]["id"] == all["hits"][3]["id"]);
    CHECK(page["hits"][0]["rank"] == 3);
  }
  SECTION("paths, jsonl and count formats") {
    const auto paths = corpus.search({"--format", "paths", "--limit", "2", "sanctions"});
    CHECK(std::count(paths.out.begin(), paths.out.end(), '\n') == 2);
    const auto count = corpus.search({"--format", "count", "\"Cape of Good Hope\""});
    CHECK(count.out == "1\n");
    const auto lines = corpus.search({"--format", "jsonl", "--limit", "2", "sanctions"});
    std::istringstream stream(lines.out);
    std::string line;
    int parsed = 0;
    while (std::getline(stream, line)) {
      CHECK(json::parse(line).contains("path"));
      ++parsed;
    }
    CHECK(parsed == 2);
  }
  SECTION("a title made of the brief's own words ranks it first") {
    const json output = corpus.search_json({"Nord", "Stream", "Pipelines", "Sabotage"});
    REQUIRE_FALSE(output["hits"].empty());
    CHECK(output["hits"][0]["id"] == "corpus/europe/germany-nord-stream-pipelines-sabotaged.txt");
  }
}

TEST_CASE("brief-search exit codes follow grep", "[e2e][search]") {
  IndexedCorpus corpus;
  CHECK(corpus.search({"houthi"}).exit_code == 0);
  const auto none = corpus.search({"xylophonequartz"});
  CHECK(none.exit_code == 1);
  CHECK(none.out.empty());
  CHECK(none.err.empty());

  const auto bad_query = corpus.search({"(houthi"});
  CHECK(bad_query.exit_code == 2);
  CHECK_THAT(bad_query.err, Catch::Contains("brief-search: query '(houthi': unbalanced '('"));
  CHECK(bad_query.out.empty());

  const auto bad_option = corpus.search({"--format", "xml", "houthi"});
  CHECK(bad_option.exit_code == 2);
  const auto dashed = corpus.search({"shipping", "-houthi"});
  CHECK(dashed.exit_code == 2);
  CHECK_THAT(dashed.err, Catch::Contains("'-houthi' is not an option"));
  CHECK(corpus.search({"-n5", "houthi"}).exit_code == 0);

  const auto missing =
      brief_search(corpus.home(), {"--db", (corpus.home() / "nowhere").string(), "houthi"});
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Catch::Contains("nowhere: no database here"));
}

TEST_CASE("both binaries answer --help without a database, listing the exit codes", "[e2e]") {
  TemporaryFolder home;
  const std::array<std::pair<std::string, std::string>, 2> runs = {{
      {kSearchBinary, briefsearch::exit_codes_help(briefsearch::kSearchExitCodes)},
      {kIndexBinary, briefsearch::exit_codes_help(briefsearch::kIndexExitCodes)},
  }};
  for (const auto& [binary, exit_codes] : runs) {
    const auto result = run_process({binary, "--help"}, isolated(home));
    CHECK(result.exit_code == 0);
    // The footer ends with the program's own table (common/output/exit_codes.h).
    CHECK_THAT(result.out, Catch::EndsWith(exit_codes + "\n"));
    CHECK_FALSE(std::filesystem::exists(home / ".local"));
  }
}

TEST_CASE("both binaries name themselves, their version and Xapian's for --version", "[e2e]") {
  TemporaryFolder home;
  for (const std::string& binary : {kSearchBinary, kIndexBinary}) {
    const auto result = run_process({binary, "--version"}, isolated(home));
    CHECK(result.exit_code == 0);
    const std::string name = std::filesystem::path(binary).filename().string();
    CHECK_THAT(result.out, Catch::StartsWith(name + " " BRIEFSEARCH_VERSION " (Xapian 1."));
  }
}

TEST_CASE("without --db both binaries use BRIEF_DB, else the XDG data folder", "[e2e]") {
  TemporaryFolder home;
  write_file(home / "briefs" / "quokka.txt", kGoodBrief);
  SECTION("XDG default under HOME") {
    CHECK(brief_index(home, {(home / "briefs").string()}).exit_code == 0);
    CHECK(std::filesystem::exists(home / ".local/share/briefsearch/index"));
    CHECK(brief_search(home, {"quokka"}).exit_code == 0);
  }
  SECTION("BRIEF_DB") {
    ProcessOptions options = isolated(home);
    options.environment["BRIEF_DB"] = (home / "elsewhere").string();
    CHECK(run_process({kIndexBinary, (home / "briefs").string()}, options).exit_code == 0);
    CHECK(std::filesystem::exists(home / "elsewhere"));
    const auto found = run_process({kSearchBinary, "quokkas"}, options);
    CHECK(found.exit_code == 0);
    CHECK_THAT(found.out, Catch::Contains("Quokka Census Completed"));
  }
}

TEST_CASE("rejected files are reported, the rest is indexed, and the exit code is 1",
          "[e2e][index]") {
  TemporaryFolder home;
  const auto briefs = home / "briefs";
  write_file(briefs / "good.txt", kGoodBrief);
  write_file(briefs / "empty.txt", "");
  write_file(briefs / "binary.txt", std::string("PK\x03\x04\0\0\x14\0", 8));
  write_file(briefs / "untitled.md", "---\ndate: 2024-01-01\n---\n");
  write_file(briefs / "export.jsonl",
             "{\"id\":\"ok-1\",\"title\":\"Pipeline "
             "Quokka\",\"sections\":[{\"name\":\"Description\",\"text\":\"Quokkas again.\"}]}\n"
             "{not json\n");
  write_file(briefs / "notes.docx", "ignored");
  write_file(briefs / ".hidden.txt", kGoodBrief);

  const auto result = brief_index(home, {"--db", (home / "db").string(), briefs.string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Catch::Contains("brief-index: " + (briefs / "empty.txt").string() + ": empty file"));
  CHECK_THAT(result.err, Catch::Contains((briefs / "binary.txt").string() + ": binary file"));
  CHECK_THAT(result.err, Catch::Contains((briefs / "untitled.md").string() + ": no title found"));
  CHECK_THAT(result.err, Catch::Contains((briefs / "export.jsonl").string() + ":2: invalid JSON"));
  CHECK_THAT(result.err,
             Catch::Contains("2 added, 0 updated, 0 unchanged, 0 deleted, 4 rejected, 2 skipped"));
  CHECK(result.out.empty());

  const auto found =
      brief_search(home, {"--db", (home / "db").string(), "--format", "json", "quokka"});
  const json output = json::parse(found.out);
  CHECK(output["total"] == 2);
}

TEST_CASE("a missing input is a usage error that names it", "[e2e][index]") {
  TemporaryFolder home;
  const auto result =
      brief_index(home, {"--db", (home / "db").string(), (home / "absent").string()});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains((home / "absent").string() + ": no such file or folder"));
}

TEST_CASE("a database of another schema version is refused with a rebuild hint", "[e2e]") {
  IndexedCorpus corpus;
  {
    Xapian::WritableDatabase database(corpus.database().string());
    database.set_metadata("briefsearch.schema_version", "999");
    database.commit();
  }
  const auto searched = corpus.search({"houthi"});
  CHECK(searched.exit_code == 3);
  CHECK_THAT(searched.err, Catch::Contains("schema version 999"));
  CHECK_THAT(searched.err,
             Catch::Contains("brief-index --full --db " + corpus.database().string()));
  const auto indexed =
      brief_index(corpus.home(), {"--db", corpus.database().string(), kCorpus.string()});
  CHECK(indexed.exit_code == 3);
}

TEST_CASE("query words may follow -- and several databases search as one", "[e2e][search]") {
  TemporaryFolder home;
  write_file(home / "first" / "quokka.txt", kGoodBrief);
  std::string second_brief = kGoodBrief;
  second_brief.replace(second_brief.find("Testland: Quokka"), 16, "Otherland: Wombat");
  second_brief.replace(second_brief.find("counted quokkas"), 15, "counted wombats");
  write_file(home / "second" / "wombat.txt", second_brief);
  REQUIRE(
      brief_index(home, {"--db", (home / "db1").string(), (home / "first").string()}).exit_code ==
      0);
  REQUIRE(
      brief_index(home, {"--db", (home / "db2").string(), (home / "second").string()}).exit_code ==
      0);

  const auto both = brief_search(home, {"--db", (home / "db1").string(), "--db",
                                        (home / "db2").string(), "--format", "count", "rangers"});
  CHECK(both.out == "2\n");
  const auto negated =
      brief_search(home, {"--db", (home / "db1").string(), "--db", (home / "db2").string(),
                          "--format", "paths", "--", "rangers", "-quokka"});
  CHECK(negated.exit_code == 0);
  CHECK(negated.out == (home / "second" / "wombat.txt").string() + "\n");
}

TEST_CASE("option errors name the program, escape the arguments and suggest an option",
          "[e2e][cli]") {
  TemporaryFolder home;
  const ProcessResult typo = brief_search(home, {"--limt", "3", "houthi"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err ==
        "brief-search: The following argument was not expected: --limt; did you mean "
        "--limit?\nRun with --help for more information.\n");
  const ProcessResult far = brief_index(home, {"--zzzzzzzz", "x"});
  CHECK(far.exit_code == 2);
  CHECK_THAT(far.err, Catch::StartsWith("brief-index: ") && !Catch::Contains("did you mean"));
  CHECK_THAT(brief_index(home, {"-V"}).err, Catch::Contains("-V"));
  // Escape sequences in an argument reach the terminal escaped.
  const ProcessResult escaped = brief_search(home, {"--li\x1b[31mmit", "houthi"});
  CHECK(escaped.exit_code == 2);
  CHECK(escaped.err.find('\x1b') == std::string::npos);
  CHECK_THAT(escaped.err, Catch::Contains("--li\\x1b[31mmit"));
}

TEST_CASE("numeric options refuse NaN, infinities and absurd counts", "[e2e][cli]") {
  TemporaryFolder home;
  for (const std::string value : {"nan", "inf", "-inf", "1e999"}) {
    INFO(value);
    const ProcessResult lock = brief_index(home, {"--lock-timeout", value, "x"});
    CHECK(lock.exit_code == 2);
    CHECK_THAT(lock.err, Catch::StartsWith("brief-index: --lock-timeout"));
    const ProcessResult timeout = brief_search(home, {"--timeout=" + value, "x"});
    CHECK(timeout.exit_code == 2);
    CHECK_THAT(timeout.err, Catch::StartsWith("brief-search: --timeout"));
  }
  const ProcessResult huge = brief_index(home, {"--commit-every", "1e308", "x"});
  CHECK(huge.exit_code == 2);
  CHECK(huge.err.size() < 200);  // no 309-digit bound in the message
}

// Hostile queries against 2,000 generated briefs: each kind a clear error with exit 2 or a
// documented lenient reading (docs/query-language.md, "Errors"), never a crash, a hang or
// exit 3. Then a seeded random query generator through --batch. Every run carries
// --timeout 60, so that a query that hangs fails its case instead of the whole suite.
#include <algorithm>
#include <random>

#include "tests/e2e/generated_corpus.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

// One hostile query (or option), what brief-search must answer, and a part of its message.
struct HostileCase {
  std::string kind;
  std::vector<std::string> arguments;
  int exit_code;
  std::string message;  // in stderr; "" for none
};

std::string repeated(const std::string& piece, int times, const std::string& separator = " ") {
  std::string text;
  for (int i = 0; i < times; ++i) text += (i > 0 ? separator : "") + piece;
  return text;
}

// Two-letter wildcards, aa* OR ab* OR ...: each matches few words, together thousands.
std::string two_letter_wildcards(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += std::string(i > 0 ? " OR " : "") + static_cast<char>('a' + i / 26 % 26) +
            static_cast<char>('a' + i % 26) + "*";
  }
  return text;
}

std::vector<HostileCase> hostile_cases() {
  std::string numbered_words;
  for (int i = 0; i < 10000; ++i) numbered_words += "w" + std::to_string(i) + " ";
  return {
      {"unbalanced quote",
       {"\"red sea"},
       2,
       "unterminated phrase: missing closing '\"' (column 1)"},
      {"unbalanced quote after a word", {"china \"red"}, 2, "unterminated phrase"},
      {"unbalanced '('", {"(china OR russia"}, 2, "unbalanced '(' (column 1)"},
      {"unbalanced ')'", {"china)"}, 2, "unbalanced ')' (column 6)"},
      {"unbalanced in a field", {"title:(china"}, 2, "unbalanced '(' (column 7)"},
      {"empty parentheses", {"()"}, 2, "empty parentheses"},
      {"lone AND", {"AND"}, 2, "'AND' needs a term before it"},
      {"lone OR", {"OR"}, 2, "'OR' needs a term before it"},
      {"lone NOT", {"NOT"}, 2, "'NOT' needs a term after it"},
      {"lone XOR", {"XOR"}, 2, "'XOR' needs a term before it"},
      {"lone NEAR", {"NEAR"}, 2, "'NEAR' needs a term before it"},
      {"trailing operator", {"china AND"}, 2, "'AND' needs a term on both sides (column 7)"},
      {"trailing ADJ", {"china ADJ/3"}, 2, "'ADJ/3' needs a term on both sides"},
      {"lone minus: nothing to search", {"-"}, 1, ""},
      {"lone plus: nothing to search", {"+"}, 1, ""},
      {"empty phrase: nothing to search", {"\"\""}, 1, ""},
      {"empty field", {"title:"}, 2, "empty field 'title:'"},
      {"empty field before a space", {"title: china"}, 2, "empty field 'title:'"},
      {"empty filter", {"country:"}, 2, "empty field 'country:'"},
      {"empty date", {"date:"}, 2, "empty field 'date:'"},
      {"unknown field", {"bogus:china"}, 2, "unknown field 'bogus:'"},
      {"a URL read as a field", {"http://example.com"}, 2, "unknown field 'http:'"},
      {"100 KB query", {repeated("china", 20000)}, 2, "is longer than the 4096-byte limit"},
      {"10,000 words", {numbered_words}, 2, "is longer than the 4096-byte limit"},
      {"300 words under the length limit",
       {repeated("oil", 300)},
       2,
       "too many terms (300, limit 256)"},
      {"300 ORed wildcards", {repeated("sanct*", 300, " OR ")}, 2, "too many terms"},
      {"200 ORed wildcards matching thousands of words",
       {two_letter_wildcards(200)},
       2,
       "wildcards match more than 4000 words together"},
      {"a wildcard matching a large part of the vocabulary",
       {"s*"},
       2,
       "a wildcard matches too many words; type more letters before '*' (column 1)"},
      {"a wildcard of nothing", {"*"}, 2, "a wildcard needs letters before '*'"},
      {"NEAR/999999",
       {"china NEAR/999999 russia"},
       2,
       "'NEAR/999999' needs a window from 1 to 1000"},
      {"ADJ/0", {"china ADJ/0 russia"}, 2, "'ADJ/0' needs a window from 1 to 1000"},
      {"NEAR over 2^64", {"china NEAR/18446744073709551616 russia"}, 2, "needs a window"},
      {"impossible date", {"date:2025-02-30"}, 2, "invalid date '2025-02-30'"},
      {"year 0", {"date:0000"}, 2, "invalid date '0000'"},
      {"month 13", {"date:2025-13"}, 2, "invalid date '2025-13'"},
      {"reversed dates", {"date:2025..2020"}, 2, "date range '2025..2020' ends before it starts"},
      {"reversed relative dates", {"date:1y..2y"}, 2, "ends before it starts"},
      {"relative date past the calendar", {"date:2025..-2147483648d"}, 2, "invalid date"},
      {"signed relative date", {"date:-1y.."}, 2, "a date takes no sign"},
      {"huge --offset",
       {"--offset", "999999999999", "china"},
       2,
       "--offset: Value 999999999999 not in range"},
      {"negative --offset", {"--offset", "-1", "china"}, 2, "--offset"},
      {"huge -n", {"-n", "99999999999999999999999", "china"}, 2, "--limit"},
      {"--offset past the last hit", {"--offset", "1000000", "china"}, 0, ""},
      {"invalid UTF-8 between words", {"\xff\xfe china"}, 0, ""},
      {"invalid UTF-8 alone: nothing to search", {"\xff"}, 1, ""},
      {"C0 controls and DEL", {"china\x01\x1f\x7f"}, 0, ""},
      {"--timeout NaN", {"--timeout", "nan", "china"}, 2, "'nan' is not a finite number"},
  };
}

ProcessResult search(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {"--format", "json"});
  if (std::find(arguments.begin(), arguments.end(), "--timeout") == arguments.end()) {
    arguments.insert(arguments.begin(), {"--timeout", "60"});
  }
  return GeneratedCorpus::instance().search(std::move(arguments));
}

// A line of random query text: words of the corpus and not, operators, fields, wildcards,
// quotes, parentheses, dates, numbers and stray bytes, in any order.
class QueryGenerator {
 public:
  explicit QueryGenerator(std::uint32_t seed) : random_(seed) {}

  std::string next() {
    std::string query;
    const int pieces = pick(1, 12);
    for (int i = 0; i < pieces; ++i) {
      if (!query.empty() && pick(0, 5) > 0) query += ' ';
      query += piece();
    }
    return query;
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <typename T>
  const T& one_of(const std::vector<T>& choices) {
    return choices[static_cast<std::size_t>(pick(0, static_cast<int>(choices.size()) - 1))];
  }

  std::string piece() {
    static const std::vector<std::string> kWords = {
        "china",    "russia",   "sanctions", "tariffs", "ceasefire", "election",
        "minister", "oil",      "the",       "of",      "zzqx",      "S-400",
        "U.S.",     "covid-19", "Zürich",    "王毅",    "2024",      "x"};
    static const std::vector<std::string> kOperators = {"AND", "OR", "NOT", "XOR",  "NEAR",
                                                        "ADJ", "-",  "+",   "near", "or"};
    static const std::vector<std::string> kFields = {
        "title:", "description:", "impact:",  "outlook:",  "country:", "region:", "tag:",
        "id:",    "date:",        "section:", "mentions:", "bogus:",   "lang:",   "source:"};
    static const std::vector<std::string> kStray = {
        "(", ")",    "\"",   "*",    "**",           ":", "/", "\\", "..",
        "'", "\xff", "\xc3", "\x01", "\xe2\x80\xae", "\t"};
    const int kind = pick(0, 99);
    if (kind < 45) return one_of(kWords);
    if (kind < 55) {
      return one_of(kOperators) + (pick(0, 3) == 0 ? "/" + std::to_string(pick(-2, 1200)) : "");
    }
    if (kind < 65) return one_of(kFields) + (pick(0, 9) == 0 ? "" : one_of(kWords));
    if (kind < 73) return one_of(kWords).substr(0, static_cast<std::size_t>(pick(0, 4))) + "*";
    if (kind < 81) {
      return "\"" + one_of(kWords) + " " + one_of(kWords) + (pick(0, 9) == 0 ? "" : "\"");
    }
    if (kind < 86) {
      return "date:" + std::to_string(pick(-5, 2100)) + (pick(0, 1) ? ".." : "") +
             (pick(0, 1) ? std::to_string(pick(0, 40)) + "d" : "");
    }
    if (kind < 93) {
      const std::size_t depth = static_cast<std::size_t>(pick(1, 3));
      const std::size_t closing = pick(0, 5) == 0 ? depth - 1 : depth;  // now and then one short
      return std::string(depth, '(') + one_of(kWords) + " " + one_of(kOperators) + " " +
             one_of(kWords) + std::string(closing, ')');
    }
    return one_of(kStray);
  }

  std::mt19937 random_;
};

}  // namespace

TEST_CASE("every kind of hostile query is a clear error or a documented reading",
          "[e2e][query][hostile]") {
  for (const HostileCase& hostile : hostile_cases()) {
    INFO(hostile.kind);
    std::vector<std::string> arguments = hostile.arguments;
    // The query goes after "--", its options before.
    arguments.insert(arguments.end() - 1, "--");
    const ProcessResult result = search(arguments);
    INFO(result.err.substr(0, 300));
    CHECK(result.exit_code == hostile.exit_code);
    if (!hostile.message.empty()) CHECK_THAT(result.err, Catch::Contains(hostile.message));
    if (result.exit_code == 2) {
      CHECK(result.out.empty());
      CHECK(result.err.starts_with("brief-search: "));
      // A query's error is one line; an option's adds CLI11's hint to run with --help.
      if (result.err.starts_with("brief-search: query '")) {
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
      }
    } else {
      CHECK(json::accept(result.out));
    }
  }
  // A NUL byte (only a --batch line can hold one) reads as punctuation.
  const GeneratedCorpus& corpus = GeneratedCorpus::instance();
  const ProcessResult batch =
      corpus.search({"--batch", "-n", "0"}, std::string("china\0russia\n\0\nchina-russia\n", 27));
  REQUIRE(batch.exit_code == 0);
  const auto lines = json_lines(batch.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["total"] == lines[2]["total"]);
  CHECK(lines[1]["total"] == 0);
  // A search that takes longer than a millisecond ends with exit 2 and says so; one that
  // does not is answered. Nothing else.
  for (const char* query : {"china", "s* OR c* OR t*", "china OR russia OR oil"}) {
    const ProcessResult timed =
        corpus.search({"--timeout", "0.001", "--facet", "country", "--", query});
    INFO(query << ": " << timed.err);
    CHECK((timed.exit_code == 0 || timed.exit_code == 1 || timed.exit_code == 2));
    if (timed.exit_code == 2) {
      CHECK_THAT(timed.err, Catch::Contains("timed out after 0.001 s; narrow the query") ||
                                Catch::Contains("wildcard"));
    }
  }
}

TEST_CASE("5000 random queries through --batch: answered or refused, never exit 3",
          "[e2e][query][hostile]") {
  const char* seed_text = std::getenv("BRIEFSEARCH_QUERY_SEED");
  const std::uint32_t seed =
      seed_text != nullptr ? static_cast<std::uint32_t>(std::atoll(seed_text)) : 12;
  QueryGenerator generator(seed);
  std::vector<std::string> queries;
  std::string input;
  for (int i = 0; i < 5000; ++i) {
    queries.push_back(generator.next());
    input += queries.back() + "\n";
  }
  const ProcessResult batch =
      GeneratedCorpus::instance().search({"--batch", "--timeout", "60", "-n", "3"}, input);
  INFO("seed " << seed << ": " << batch.err.substr(0, 500));
  CHECK((batch.exit_code == 0 || batch.exit_code == 2));
  const auto lines = json_lines(batch.out);
  REQUIRE(lines.size() == queries.size());
  std::size_t refused = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO(json(queries[i]).dump(-1, ' ', true, json::error_handler_t::replace));
    const json& line = lines[i];
    CHECK(line.contains("error") != line.contains("hits"));
    if (line.contains("error")) {
      ++refused;
      // A query's fault names the query; nothing the database would answer for.
      CHECK(line["error"].get<std::string>().starts_with("query '"));
    }
  }
  // The same queries one by one, a sample of them: exit 0, 1 or 2.
  for (std::size_t i = 0; i < queries.size(); i += 100) {
    if (queries[i].find('\n') != std::string::npos) continue;
    const ProcessResult single = search({"--", queries[i]});
    INFO(json(queries[i]).dump(-1, ' ', true, json::error_handler_t::replace)
         << ": " << single.err);
    CHECK((single.exit_code == 0 || single.exit_code == 1 || single.exit_code == 2));
    // A blank line is a query in a batch, and a usage error alone ("empty query").
    const bool blank = queries[i].find_first_not_of(" \t") == std::string::npos;
    if (!blank) CHECK((lines[i].contains("error") == (single.exit_code == 2)));
  }
  WARN(queries.size() << " random queries (seed " << seed << "), " << refused << " refused");
}

// What goes in comes out whole: stray bytes in UTF-8, heading-like words in wrapped lines
// and Latin letters without decomposition, through the real binaries in every format.
#include <xapian.h>

#include <fstream>

#include "common/store/schema.h"
#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// A folder of brief files and a database beside it, in a temporary home.
class Briefs {
 public:
  void write(const std::string& name, const std::string& contents) const {
    const std::filesystem::path path = folder() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
  }
  [[nodiscard]] std::filesystem::path folder() const { return home_ / "briefs"; }

  // Indexes the folder; fails the test unless the run exits 0. Returns its stderr.
  std::string index() const {
    const ProcessResult result =
        brief_index(home_, {"--db", (home_ / "db").string(), folder().string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result.err;
  }

  ProcessResult search(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--db", (home_ / "db").string()});
    return brief_search(home_, std::move(arguments));
  }

  // How many briefs a query finds, by --format count.
  int count(const std::string& query) const {
    const ProcessResult result = search({"--format", "count", query});
    INFO(query << ": " << result.err);
    REQUIRE((result.exit_code == 0 || result.exit_code == 1));
    return std::stoi(result.out);
  }

  // The ids a query finds, best first.
  std::vector<std::string> ids(const std::string& query) const {
    const ProcessResult result = search({"--format", "json", "-n", "50", query});
    INFO(query << ": " << result.err);
    REQUIRE((result.exit_code == 0 || result.exit_code == 1));
    const json output = json::parse(result.out);
    std::vector<std::string> found;
    for (const json& hit : output["hits"]) found.push_back(hit["id"]);
    std::sort(found.begin(), found.end());
    return found;
  }

  json first_hit(const std::string& query) const {
    const ProcessResult result = search({"--format", "json", query});
    INFO(query << ": " << result.err);
    REQUIRE(result.exit_code == 0);
    const json output = json::parse(result.out);
    REQUIRE_FALSE(output["hits"].empty());
    return output["hits"][0];
  }

 private:
  TemporaryFolder home_;
};

// The brief, with "Zürich" and "Genève" in UTF-8 and one Windows-1252 apostrophe
// pasted from an office tool, in each input format. line: where the stray byte is.
struct StrayByteBrief {
  std::string file;
  std::string contents;
  int line;
};

std::vector<StrayByteBrief> stray_byte_briefs() {
  return {
      {"stray.txt",
       "Switzerland: Z\xC3\xBCrich Talks Resume\n\nBy July 29, 2025No Comments\n\n"
       "Description: Delegates met in Z\xC3\xBCrich and Gen\xC3\xA8ve. The envoy\x92s note was "
       "pasted from Word.\n\nImpact: Observers attended.\n",
       5},
      {"stray.md",
       "---\ntitle: 'Switzerland: Z\xC3\xBCrich Talks Resume'\ndate: 2025-07-29\n---\n\n"
       "## Description\n\nDelegates met in Z\xC3\xBCrich and Gen\xC3\xA8ve. The envoy\x92s note "
       "was pasted from Word.\n\n## Impact\n\nObservers attended.\n",
       8},
      {"stray.jsonl",
       "{\"id\": \"other\", \"title\": \"Austria: Vienna Talks\", \"description\": \"Quiet.\"}\n"
       "{\"id\": \"stray\", \"title\": \"Switzerland: Z\xC3\xBCrich Talks Resume\", \"date\": "
       "\"2025-07-29\", \"description\": \"Delegates met in Z\xC3\xBCrich and Gen\xC3\xA8ve. The "
       "envoy\x92s note was pasted from Word.\", \"impact\": \"Observers attended.\"}\n",
       2},
  };
}

}  // namespace

TEST_CASE("a stray byte in a UTF-8 brief is repaired where it is, in every format",
          "[e2e][encoding]") {
  for (const StrayByteBrief& brief : stray_byte_briefs()) {
    INFO(brief.file);
    Briefs briefs;
    briefs.write(brief.file, brief.contents);
    const std::string err = briefs.index();
    CHECK_THAT(err, Contains("brief-index: warning: "));
    CHECK_THAT(err, Contains(brief.file + ":" + std::to_string(brief.line) +
                             ": invalid UTF-8 byte 0x92 at byte offset " +
                             std::to_string(brief.contents.find('\x92')) +
                             ", read as the Windows-1252 character '’'"));
    CHECK(briefs.count("zurich") == 1);
    CHECK(briefs.count("Zürich") == 1);
    CHECK(briefs.count("geneve") == 1);
    CHECK(briefs.count("\"envoy's note\"") == 1);
    const json hit = briefs.first_hit("zurich");
    CHECK(hit["title"] == "Switzerland: Zürich Talks Resume");
    CHECK(hit["snippet"] ==
          "Delegates met in Zürich and Genève. The envoy’s note was pasted from "
          "Word.");
  }
}

TEST_CASE("a legacy-encoded record in a JSON Lines export is decoded on its own",
          "[e2e][encoding]") {
  Briefs briefs;
  briefs.write("export.jsonl",
               "{\"id\": \"utf8\", \"title\": \"Switzerland: Z\xC3\xBCrich Talks\", \"text\": "
               "\"Delegates met in Gen\xC3\xA8ve.\"}\n"
               "{\"id\": \"legacy\", \"title\": \"France: Caf\351 Owners Strike\", \"text\": "
               "\"Owners in Gen\350ve and Z\374rich joined.\"}\n");
  const std::string err = briefs.index();
  CHECK_THAT(err, Contains("export.jsonl:2: not UTF-8; read as windows-1252"));
  CHECK(briefs.ids("zurich") == std::vector<std::string>{"legacy", "utf8"});
  CHECK(briefs.ids("geneve") == std::vector<std::string>{"legacy", "utf8"});
  CHECK(briefs.first_hit("cafe")["title"] == "France: Café Owners Strike");
  CHECK(briefs.first_hit("id:utf8")["title"] == "Switzerland: Zürich Talks");
}

TEST_CASE("a wrapped line that starts with a section word stays in its section",
          "[e2e][sections]") {
  // One brief hard-wrapped so that lines begin with "impact:" and "description:", in the
  // middle of its Description; another with "blockade" only in its Impact.
  const std::string wrapped_body =
      "Description: Aircraft struck the port of Hodeidah. Analysts said the\n"
      "impact: of the blockade on fuel was small. Its\n"
      "description: in the ministry's note was a warning shot.\n\n"
      "Impact: Fuel imports slow.\n";
  Briefs briefs;
  briefs.write("wrapped.txt",
               "Yemen: Port Strike\n\nBy January 5, 2025No Comments\n\n" + wrapped_body);
  briefs.write("wrapped.md", "---\ntitle: 'Yemen: Port Strike Again'\n---\n\n" + wrapped_body);
  briefs.write("plain.txt",
               "Red Sea: Shipping Diverted\n\nBy January 6, 2025No Comments\n\n"
               "Description: Carriers diverted ships around the Cape.\n\n"
               "Impact: The blockade tightens.\n");
  briefs.index();
  CHECK(briefs.ids("impact:blockade") == std::vector<std::string>{"briefs/plain.txt"});
  CHECK(briefs.ids("description:blockade") ==
        std::vector<std::string>{"briefs/wrapped.md", "briefs/wrapped.txt"});
  CHECK(briefs.ids("description:warning") ==
        std::vector<std::string>{"briefs/wrapped.md", "briefs/wrapped.txt"});
  CHECK(briefs.ids("impact:fuel") ==
        std::vector<std::string>{"briefs/wrapped.md", "briefs/wrapped.txt"});
  CHECK(briefs.ids("impact:warning").empty());
}

TEST_CASE("Latin letters whose marks do not decompose are found as analysts type them",
          "[e2e][analysis]") {
  Briefs briefs;
  briefs.write("poland.txt",
               "Poland: Wrocław and Łódź Host Drills\n\nBy May 2, 2025No Comments\n\n"
               "Description: Troops in Wrocław rehearsed manœuvres near Łódź.\n\n"
               "Impact: Ørsted paused work off Tromsø; Diyarbakır and Færoe are unaffected.\n");
  briefs.write("germany.md",
               "---\ntitle: 'Germany: Straße Closed'\ndate: 2025-05-03\n---\n\n"
               "## Description\n\nThe Straße des 17. Juni was closed for the parade.\n");
  briefs.write("export.jsonl",
               "{\"id\": \"iceland\", \"title\": \"Iceland: Þingvellir Summit\", \"text\": "
               "\"Delegates met at Þingvellir and discussed Đukanović.\"}\n");
  briefs.index();
  for (const std::string query :
       {"wroclaw", "lodz", "orsted", "tromso", "diyarbakir", "faeroe", "manoeuvres", "manoeuvre",
        "\"wroclaw rehearsed manoeuvres\"", "wrocław", "WROCŁAW", "impact:orsted", "title:lodz",
        "wrocł*", "orst*", "lodz NEAR/2 manoeuvres"}) {
    INFO(query);
    CHECK(briefs.ids(query) == std::vector<std::string>{"briefs/poland.txt"});
  }
  CHECK(briefs.ids("strasse") == std::vector<std::string>{"briefs/germany.md"});
  CHECK(briefs.ids("thingvellir dukanovic") == std::vector<std::string>{"iceland"});
  // Highlights stay on the characters as printed.
  const json hit = briefs.first_hit("wroclaw manoeuvres");
  const std::string snippet = hit["snippet"];
  std::vector<std::string> highlighted;
  for (const json& range : hit["highlights"]) {
    const std::size_t begin = range[0];
    const std::size_t end = range[1];
    highlighted.push_back(snippet.substr(begin, end - begin));
  }
  CHECK(highlighted == std::vector<std::string>{"Wrocław", "manœuvres"});
}

TEST_CASE("a database of another analyser version is refused by both binaries", "[e2e][analysis]") {
  Briefs briefs;
  briefs.write("a.txt",
               "Poland: Drills\n\nBy May 2, 2025No Comments\n\nDescription: Troops in Wrocław.\n");
  briefs.index();
  const std::filesystem::path database = briefs.folder().parent_path() / "db";
  for (const std::string stored : {"0", ""}) {
    INFO("stored analyser version: '" << stored << "'");
    {
      Xapian::WritableDatabase writable(database.string(), Xapian::DB_OPEN);
      writable.set_metadata("briefsearch.analyzer_version", stored);
      writable.commit();
    }
    const ProcessResult searched = briefs.search({"wroclaw"});
    CHECK(searched.exit_code == 3);
    CHECK_THAT(searched.err,
               Contains("analyser version " + (stored.empty() ? "(none recorded)" : stored) +
                        ", this program needs " + std::to_string(briefsearch::kAnalyserVersion)));
    CHECK_THAT(searched.err, Contains("brief-index --full --db " + database.string()));
    const ProcessResult indexed =
        brief_index(TemporaryFolder(), {"--db", database.string(), briefs.folder().string()});
    CHECK(indexed.exit_code == 3);
    CHECK_THAT(indexed.err, Contains("analyser version"));
    for (const std::string jobs : {"1", "2"}) {
      const ProcessResult rebuilt = brief_index(
          TemporaryFolder(),
          {"--db", database.string(), "--full", "--jobs", jobs, briefs.folder().string()});
      CHECK(rebuilt.exit_code == 0);
      CHECK(Xapian::Database(database.string()).get_metadata("briefsearch.analyzer_version") ==
            std::to_string(briefsearch::kAnalyserVersion));
      CHECK(briefs.count("wroclaw") == 1);
    }
  }
}

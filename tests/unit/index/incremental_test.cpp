// Incremental indexing through the library (index_incrementally) on briefs written to a temporary
// folder: what each run reports, and what the database then holds, read with Xapian.
#include "common/index/incremental.h"

#include <sys/stat.h>
#include <xapian.h>

#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "common/base/string_utils.h"
#include "common/store/database.h"
#include "common/store/file_state.h"
#include "common/store/schema.h"
#include "common/store/stored_brief.h"
#include "tests/support/database_contents.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::database_contents;
using briefsearch::testing::document_contents;
using briefsearch::testing::TemporaryFolder;
namespace fs = std::filesystem;

namespace {

std::string scraped(const std::string& title, const std::string& body) {
  return title + "\n\nBy January 28, 2025No Comments\n\nDescription: " + body +
         "\n\nImpact: Pressure is mounting.\n";
}

std::string markdown(const std::string& id, const std::string& title, const std::string& body) {
  return "---\nid: " + id + "\ntitle: " + title + "\ndate: 2024-05-06\n---\n\n## Description\n\n" +
         body + "\n";
}

// One JSON Lines record without an id: its id is derived from the file and line.
std::string record(const std::string& title, const std::string& body) {
  return R"({"title":")" + title + R"(","date":"2024-05-06","description":")" + body + "\"}\n";
}

// added, updated, unchanged, deleted, rejected
using Counts = std::array<std::size_t, 5>;

Counts counts_of(const IndexStatistics& statistics) {
  return {statistics.added, statistics.updated, statistics.unchanged, statistics.deleted,
          statistics.rejected};
}

// A folder of briefs ("briefs/") and a database ("db/") in a temporary folder.
class Space {
 public:
  Space() { fs::create_directories(folder()); }

  [[nodiscard]] fs::path folder() const { return fs::canonical(home_.path()) / "briefs"; }
  [[nodiscard]] fs::path database_path() const { return home_ / "db"; }

  void write(const std::string& name, const std::string& contents) const {
    fs::create_directories((folder() / name).parent_path());
    std::ofstream(folder() / name, std::ios::binary) << contents;
  }

  // One incremental run over inputs (the briefs folder unless given), as brief-index runs
  // it; the issues it reported are kept in errors and warnings.
  IndexStatistics index(std::vector<fs::path> inputs = {}) {
    errors.clear();
    warnings.clear();
    IndexOptions options;
    options.inputs = inputs.empty() ? std::vector<fs::path>{folder()} : std::move(inputs);
    options.jobs = 2;
    Xapian::WritableDatabase database = open_for_writing(database_path());
    const IndexStatistics statistics =
        index_incrementally(database, options, [&](const ParseIssue& issue, bool is_error) {
          (is_error ? errors : warnings).push_back(issue.describe());
        });
    database.close();
    return statistics;
  }

  [[nodiscard]] Xapian::Database database() const {
    return Xapian::Database(database_path().string());
  }

  // Every id the database holds (its unique id terms), in order.
  [[nodiscard]] std::vector<std::string> ids() const {
    const Xapian::Database db = database();
    const std::string prefix(kIdFilter.prefix);
    std::vector<std::string> found;
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
      CHECK(term.get_termfreq() == 1);
      found.push_back((*term).substr(prefix.size()));
    }
    return found;
  }

  // The stored document of id, which must be there once.
  [[nodiscard]] Xapian::Document document(const std::string& id) const {
    const Xapian::Database db = database();
    const std::string term = filter_term(kIdFilter, id);
    REQUIRE(db.get_termfreq(term) == 1);
    return db.get_document(*db.postlist_begin(term));
  }

  [[nodiscard]] Brief brief(const std::string& id) const {
    return brief_from_document_data(document(id).get_data());
  }

  // The file a document says its brief came from.
  [[nodiscard]] std::string source_path(const std::string& id) const {
    const auto source = decode_brief_source(document(id).get_value(kSourceSlot));
    REQUIRE(source.has_value());
    return source->absolute_path;
  }

  // Every document, keyed by id term.
  [[nodiscard]] std::map<std::string, std::string> snapshot() const {
    return database_contents(database_path());
  }

  // The document of id as stored (terms, values, data).
  [[nodiscard]] std::string contents(const std::string& id) const {
    return document_contents(document(id));
  }

  // The state stored for a file (by name under briefs/), if any.
  [[nodiscard]] std::optional<FileState> state_of(const std::string& name) const {
    return decode_file_state(database().get_metadata(file_state_key((folder() / name).string())));
  }

  // Briefs whose title holds word (analysed as the title is).
  [[nodiscard]] Xapian::doccount titles_with(const std::string& word) const {
    return database().get_termfreq(std::string(kTitleField.prefix) + word);
  }

  std::vector<std::string> errors;
  std::vector<std::string> warnings;

 private:
  TemporaryFolder home_;
};

using Ids = std::vector<std::string>;

// Three briefs in two formats, one in a subfolder.
void write_three(Space& space) {
  space.write("alpha.txt", scraped("Alpha: Quokka Census", "Rangers counted quokkas."));
  space.write("beta.txt", scraped("Beta: Wombat Survey", "Rangers counted wombats."));
  space.write("nested/gamma.md", markdown("G-1", "Gamma: Numbat Watch", "Rangers watched."));
}

const Ids kThreeIds = {"G-1", "briefs/alpha.txt", "briefs/beta.txt"};

}  // namespace

TEST_CASE("a first run adds every brief, with its data, source and file state",
          "[index][incremental]") {
  Space space;
  write_three(space);
  const IndexStatistics statistics = space.index();
  CHECK(counts_of(statistics) == Counts{3, 0, 0, 0, 0});
  CHECK(statistics.complete());
  CHECK(statistics.skipped == 0);
  CHECK_FALSE(statistics.interrupted);
  CHECK(space.errors.empty());
  CHECK(space.warnings.empty());

  CHECK(space.database().get_doccount() == 3);
  CHECK(space.ids() == kThreeIds);
  const Brief alpha = space.brief("briefs/alpha.txt");
  CHECK(alpha.title == "Alpha: Quokka Census");
  REQUIRE_FALSE(alpha.sections.empty());
  CHECK(alpha.sections[0] == Section{"Description", "Rangers counted quokkas."});
  CHECK(space.brief("G-1").title == "Gamma: Numbat Watch");
  CHECK(space.source_path("G-1") == (space.folder() / "nested/gamma.md").string());
  CHECK(space.titles_with("quokka") == 1);

  // Each file's state is stored, with the hash of its bytes.
  const auto state = space.state_of("alpha.txt");
  REQUIRE(state.has_value());
  const std::string bytes = scraped("Alpha: Quokka Census", "Rangers counted quokkas.");
  CHECK(state->size == bytes.size());
  CHECK(state->content_hash == hash_bytes(bytes));
  CHECK(state->absolute_path == (space.folder() / "alpha.txt").string());
  // And the folder is remembered as a root.
  const RootTable roots = stored_roots(space.database());
  REQUIRE(roots.roots().size() == 1);
  CHECK(roots.roots()[0].path == space.folder());
}

TEST_CASE("a second run over the same files changes nothing", "[index][incremental]") {
  Space space;
  write_three(space);
  (void)space.index();
  const auto before = space.snapshot();
  const Xapian::rev revision = space.database().get_revision();

  CHECK(counts_of(space.index()) == Counts{0, 0, 3, 0, 0});
  CHECK(space.snapshot() == before);
  CHECK(space.database().get_revision() == revision);  // not one commit

  // A file touched but not changed is read, found the same, and only its state refreshed.
  fs::last_write_time(space.folder() / "beta.txt", fs::file_time_type::clock::now());
  CHECK(counts_of(space.index()) == Counts{0, 0, 3, 0, 0});
  CHECK(space.snapshot() == before);
  const auto state = space.state_of("beta.txt");
  REQUIRE(state.has_value());
  struct stat status {};
  REQUIRE(::stat((space.folder() / "beta.txt").c_str(), &status) == 0);
  CHECK(state->modified_ns ==
        static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec);
}

TEST_CASE("a modified file replaces its brief", "[index][incremental]") {
  Space space;
  write_three(space);
  (void)space.index();
  const std::string alpha = space.contents("briefs/alpha.txt");
  const std::string gamma = space.contents("G-1");

  space.write("beta.txt", scraped("Beta: Bilby Survey", "Rangers counted bilbies."));
  CHECK(counts_of(space.index()) == Counts{0, 1, 2, 0, 0});
  CHECK(space.ids() == kThreeIds);
  CHECK(space.database().get_doccount() == 3);
  CHECK(space.brief("briefs/beta.txt").title == "Beta: Bilby Survey");
  CHECK(space.titles_with("wombat") == 0);  // the old words are gone
  CHECK(space.titles_with("bilby") == 1);
  CHECK(space.contents("briefs/alpha.txt") == alpha);
  CHECK(space.contents("G-1") == gamma);
  CHECK(space.state_of("beta.txt")->content_hash ==
        hash_bytes(scraped("Beta: Bilby Survey", "Rangers counted bilbies.")));
}

TEST_CASE("a modified JSON Lines file or id replaces the briefs that left it",
          "[index][incremental]") {
  Space space;
  write_three(space);
  space.write("export.jsonl",
              record("One", "Alpha.") + record("Two", "Beta.") + record("Three", "Gamma."));
  CHECK(counts_of(space.index()) == Counts{6, 0, 0, 0, 0});
  const std::string alpha = space.contents("briefs/alpha.txt");

  // Record 1 edited, record 2 removed (record 3 moves up to line 2, under a new id), and
  // the Markdown brief given another id.
  space.write("export.jsonl", record("One (corrected)", "Alpha.") + record("Three", "Gamma."));
  space.write("nested/gamma.md", markdown("G-2", "Gamma: Numbat Watch", "Rangers watched."));
  CHECK(counts_of(space.index()) == Counts{1, 2, 2, 2, 0});
  CHECK(space.ids() == Ids{"G-2", "briefs/alpha.txt", "briefs/beta.txt", "briefs/export.jsonl#1",
                           "briefs/export.jsonl#2"});
  CHECK(space.database().get_doccount() == 5);
  CHECK(space.brief("briefs/export.jsonl#1").title == "One (corrected)");
  CHECK(space.brief("briefs/export.jsonl#2").title == "Three");
  CHECK(space.titles_with("numbat") == 1);
  CHECK(space.contents("briefs/alpha.txt") == alpha);
}

TEST_CASE("a deleted file takes its brief and its state with it", "[index][incremental]") {
  Space space;
  write_three(space);
  (void)space.index();
  REQUIRE(space.state_of("nested/gamma.md").has_value());

  fs::remove(space.folder() / "nested/gamma.md");
  CHECK(counts_of(space.index()) == Counts{0, 0, 2, 1, 0});
  CHECK(space.ids() == Ids{"briefs/alpha.txt", "briefs/beta.txt"});
  CHECK(space.database().get_doccount() == 2);
  CHECK(space.database().get_termfreq(filter_term(kIdFilter, "G-1")) == 0);
  CHECK(space.titles_with("numbat") == 0);
  CHECK_FALSE(space.state_of("nested/gamma.md").has_value());

  // Without pruning the brief of a vanished file stays.
  space.write("nested/gamma.md", markdown("G-1", "Gamma: Numbat Watch", "Rangers watched."));
  (void)space.index();
  fs::remove(space.folder() / "nested/gamma.md");
  IndexOptions options;
  options.inputs = {space.folder()};
  options.prune = false;
  Xapian::WritableDatabase database = open_for_writing(space.database_path());
  CHECK(counts_of(index_incrementally(database, options, [](const ParseIssue&, bool) {})) ==
        Counts{0, 0, 2, 0, 0});
  database.close();
  CHECK(space.database().get_doccount() == 3);
}

TEST_CASE("one record appended to a JSON Lines file is the one brief written",
          "[index][incremental]") {
  Space space;
  constexpr int kRecords = 6;
  std::string lines;
  for (int i = 1; i <= kRecords; ++i) {
    lines += record("Record " + std::to_string(i), "Tankers sailed.");
  }
  space.write("export.jsonl", lines);
  CHECK(counts_of(space.index()) == Counts{kRecords, 0, 0, 0, 0});
  const auto before = space.snapshot();

  std::ofstream(space.folder() / "export.jsonl", std::ios::app)
      << record("Record 7", "One more tanker.");
  CHECK(counts_of(space.index()) == Counts{1, 0, kRecords, 0, 0});
  CHECK(space.database().get_doccount() == kRecords + 1);
  const Brief added = space.brief("briefs/export.jsonl#7");
  CHECK(added.title == "Record 7");
  CHECK(added.line == 7);
  // The records already there were not written again.
  const auto after = space.snapshot();
  for (const auto& [id_term, contents] : before) {
    INFO(id_term);
    CHECK(after.at(id_term) == contents);
  }
}

TEST_CASE("a bad record is reported and the rest of its file indexed, every run until fixed",
          "[index][incremental]") {
  Space space;
  space.write("alpha.txt", scraped("Alpha: Quokka Census", "Rangers counted quokkas."));
  space.write("empty.txt", "");
  space.write("export.jsonl",
              record("One", "Alpha.") + "{\"title\": \"Two\",\n" + record("Three", "Gamma."));
  for (int run = 0; run < 2; ++run) {
    INFO("run " << run + 1);
    const IndexStatistics statistics = space.index();
    CHECK(counts_of(statistics) == (run == 0 ? Counts{3, 0, 0, 0, 2} : Counts{0, 0, 3, 0, 2}));
    CHECK_FALSE(statistics.complete());
    REQUIRE(space.errors.size() == 2);
    CHECK(space.errors[0] == (space.folder() / "empty.txt").string() + ": empty file");
    CHECK_THAT(space.errors[1],
               Catch::StartsWith((space.folder() / "export.jsonl").string() + ":2: "));
    CHECK(space.ids() == Ids{"briefs/alpha.txt", "briefs/export.jsonl#1", "briefs/export.jsonl#3"});
    // Files with a rejected part are not recorded, so the next run reads them again.
    CHECK(space.state_of("alpha.txt").has_value());
    CHECK_FALSE(space.state_of("export.jsonl").has_value());
    CHECK_FALSE(space.state_of("empty.txt").has_value());
  }

  space.write("export.jsonl",
              record("One", "Alpha.") + record("Two", "Beta.") + record("Three", "Gamma."));
  fs::remove(space.folder() / "empty.txt");
  const IndexStatistics fixed = space.index();
  CHECK(counts_of(fixed) == Counts{1, 0, 3, 0, 0});
  CHECK(fixed.complete());
  CHECK(space.brief("briefs/export.jsonl#2").title == "Two");
  CHECK(space.state_of("export.jsonl").has_value());
}

TEST_CASE("a file that no longer parses keeps its brief", "[index][incremental]") {
  Space space;
  write_three(space);
  (void)space.index();
  const auto before = space.snapshot();
  space.write("beta.txt", "");
  const IndexStatistics statistics = space.index();
  CHECK(counts_of(statistics) == Counts{0, 0, 2, 0, 1});
  CHECK(statistics.unparsed_files ==
        std::vector<std::string>{(space.folder() / "beta.txt").string()});
  CHECK(space.snapshot() == before);
}

TEST_CASE("a moved file leaves one copy of its brief", "[index][incremental]") {
  Space space;
  write_three(space);
  (void)space.index();

  SECTION("a brief with its own id keeps it, and is updated in place") {
    fs::rename(space.folder() / "nested/gamma.md", space.folder() / "moved.md");
    CHECK(counts_of(space.index()) == Counts{0, 1, 2, 0, 0});
    CHECK(space.ids() == kThreeIds);
    CHECK(space.source_path("G-1") == (space.folder() / "moved.md").string());
    CHECK(space.titles_with("numbat") == 1);
    CHECK_FALSE(space.state_of("nested/gamma.md").has_value());
    CHECK(space.state_of("moved.md").has_value());
  }
  SECTION("a brief with an id derived from its path gets the new one") {
    fs::rename(space.folder() / "alpha.txt", space.folder() / "nested/alpha.txt");
    CHECK(counts_of(space.index()) == Counts{1, 0, 2, 1, 0});
    CHECK(space.ids() == Ids{"G-1", "briefs/beta.txt", "briefs/nested/alpha.txt"});
    CHECK(space.titles_with("quokka") == 1);
    CHECK_FALSE(space.state_of("alpha.txt").has_value());
  }
  SECTION("a whole folder moved and named again keeps its ids") {
    const fs::path moved = space.folder().parent_path() / "elsewhere" / "briefs";
    fs::create_directories(moved.parent_path());
    fs::rename(space.folder(), moved);
    CHECK(counts_of(space.index({moved})) == Counts{0, 3, 0, 0, 0});
    CHECK(space.ids() == kThreeIds);
    CHECK(space.database().get_doccount() == 3);
    CHECK(space.source_path("briefs/alpha.txt") == (moved / "alpha.txt").string());
    CHECK(counts_of(space.index({moved})) == Counts{0, 0, 3, 0, 0});
  }
}

TEST_CASE("a database failure names the database by its path", "[index][incremental]") {
  Space space;
  write_three(space);
  IndexOptions options;
  options.inputs = {space.folder()};
  options.database_name = space.database_path().string();
  Xapian::WritableDatabase database = open_for_writing(space.database_path());
  database.close();  // every later call fails, as a full disk or an I/O error would
  const auto ignore = [](const ParseIssue&, bool) {};
  CHECK_THROWS_WITH(index_incrementally(database, options, ignore),
                    Catch::StartsWith(space.database_path().string() + ": "));
  CHECK_THROWS_WITH(forget_paths(database, {space.folder()}, 10, options.database_name),
                    Catch::StartsWith(space.database_path().string() + ": "));
}

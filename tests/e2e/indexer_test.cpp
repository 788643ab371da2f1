// brief-index as a nightly job runs it: incremental runs, pruning, rebuilds, the lock,
// threads, and what oversized input does to a batch.
#include <xapian.h>

#include <fstream>
#include <thread>

#include "common/store/schema.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/database_contents.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

std::string brief_text(const std::string& title, const std::string& body) {
  return "Skip to main content\nBrief\n\n" + title + "\n\nBy March 3, 2024No Comments\n\n" +
         "Description: " + body +
         "\n\nImpact: Watch closely.\n\nCopying our content is forbidden.\n";
}

void write_file(const std::filesystem::path& path, const std::string& contents) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

// A folder of briefs and a database beside it, in a temporary home.
class Corpus {
 public:
  Corpus() {
    write("alpha.txt", "Alpha: Quokka Census", "Rangers counted quokkas.");
    write("beta.txt", "Beta: Wombat Survey", "Rangers counted wombats.");
    write("nested/gamma.txt", "Gamma: Numbat Watch", "Rangers watched numbats.");
  }
  void write(const std::string& name, const std::string& title, const std::string& body) {
    write_file(folder() / name, brief_text(title, body));
  }
  [[nodiscard]] std::filesystem::path folder() const { return home_ / "briefs"; }
  [[nodiscard]] std::filesystem::path database() const { return home_ / "db"; }
  [[nodiscard]] const TemporaryFolder& home() const { return home_; }

  ProcessResult index(std::vector<std::string> extra = {}) const {
    std::vector<std::string> arguments = {"--db", database().string(), "--json"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    if (std::find(extra.begin(), extra.end(), "--") == extra.end()) {
      arguments.push_back(folder().string());
    }
    return brief_index(home_, arguments);
  }

  // The run's --json summary; fails the test unless it exited with expected_exit.
  json index_summary(std::vector<std::string> extra = {}, int expected_exit = 0) const {
    const ProcessResult result = index(std::move(extra));
    INFO(result.err);
    REQUIRE(result.exit_code == expected_exit);
    return json::parse(result.out);
  }

  [[nodiscard]] Xapian::doccount documents() const {
    return Xapian::Database(database().string()).get_doccount();
  }

 private:
  TemporaryFolder home_;
};

void check_counts(const json& summary, int added, int updated, int unchanged, int deleted) {
  INFO(summary.dump());
  CHECK(summary["added"] == added);
  CHECK(summary["updated"] == updated);
  CHECK(summary["unchanged"] == unchanged);
  CHECK(summary["deleted"] == deleted);
}

}  // namespace

TEST_CASE("incremental runs add, update, skip and delete", "[e2e][index]") {
  Corpus corpus;
  const json first = corpus.index_summary();
  check_counts(first, 3, 0, 0, 0);
  CHECK(first["rejected"] == 0);
  CHECK(first["skipped"] == 0);
  CHECK(first["seconds"].is_number());

  check_counts(corpus.index_summary(), 0, 0, 3, 0);

  // Touched but not changed: the content hash says so.
  std::filesystem::last_write_time(corpus.folder() / "alpha.txt",
                                   std::filesystem::file_time_type::clock::now());
  check_counts(corpus.index_summary(), 0, 0, 3, 0);

  corpus.write("beta.txt", "Beta: Wombat Survey Revised", "Rangers recounted wombats.");
  corpus.write("delta.txt", "Delta: Bilby Count", "Rangers counted bilbies.");
  std::filesystem::remove(corpus.folder() / "nested/gamma.txt");
  check_counts(corpus.index_summary(), 1, 1, 1, 1);
  CHECK(corpus.documents() == 3);

  const auto found = brief_search(
      corpus.home(), {"--db", corpus.database().string(), "--format", "json", "recounted"});
  const json hits = json::parse(found.out)["hits"];
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "briefs/beta.txt");
  CHECK(hits[0]["path"] == (corpus.folder() / "beta.txt").string());
  CHECK(brief_search(corpus.home(), {"--db", corpus.database().string(), "numbats"}).exit_code ==
        1);
}

TEST_CASE("with --no-prune the briefs of vanished files stay", "[e2e][index]") {
  Corpus corpus;
  corpus.index_summary();
  std::filesystem::remove(corpus.folder() / "alpha.txt");
  check_counts(corpus.index_summary({"--no-prune"}), 0, 0, 2, 0);
  CHECK(corpus.documents() == 3);
  check_counts(corpus.index_summary(), 0, 0, 2, 1);
  CHECK(corpus.documents() == 2);
}

TEST_CASE("a missing or empty folder deletes nothing and fails the run", "[e2e][index]") {
  Corpus corpus;
  corpus.index_summary();
  std::filesystem::rename(corpus.folder(), corpus.home() / "unmounted");
  auto missing = corpus.index();
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err,
             Catch::Contains(corpus.folder().string() +
                             ": no such file or folder; nothing was indexed or deleted"));
  CHECK(corpus.documents() == 3);

  std::filesystem::create_directories(corpus.folder());
  write_file(corpus.folder() / "readme.docx", "not a brief");
  auto empty = corpus.index();
  CHECK(empty.exit_code == 2);
  CHECK_THAT(empty.err, Catch::Contains("folder holds no brief files"));
  CHECK(corpus.documents() == 3);
}

TEST_CASE("JSON Lines records that leave a file are deleted", "[e2e][index]") {
  Corpus corpus;
  const std::string record_a =
      R"({"id":"a","title":"Record A","sections":[{"name":"Description","text":"First."}]})";
  const std::string record_b =
      R"({"id":"b","title":"Record B","sections":[{"name":"Description","text":"Second."}]})";
  write_file(corpus.folder() / "export.jsonl", record_a + "\n" + record_b + "\n");
  check_counts(corpus.index_summary(), 5, 0, 0, 0);
  // Record b moved up to line 1: unchanged, not written again.
  write_file(corpus.folder() / "export.jsonl", record_b + "\n");
  check_counts(corpus.index_summary(), 0, 0, 4, 1);
  CHECK(corpus.documents() == 4);
}

TEST_CASE("a file that no longer parses keeps its indexed brief", "[e2e][index]") {
  Corpus corpus;
  corpus.index_summary();
  write_file(corpus.folder() / "alpha.txt", "");
  const json summary = corpus.index_summary({}, 1);
  check_counts(summary, 0, 0, 2, 0);
  CHECK(summary["rejected"] == 1);
  CHECK(corpus.documents() == 3);
}

TEST_CASE("oversized words and ids never cost the batch its good documents", "[e2e][index]") {
  Corpus corpus;
  corpus.write("long-word.txt", "Long: Word Brief", "A " + std::string(300, 'x') + " word.");
  const std::string long_id(300, 'i');
  write_file(corpus.folder() / "long-id.jsonl",
             R"({"id":")" + long_id +
                 R"(","title":"Long Id","sections":[{"name":"Description","text":"Fine."}]})" +
                 "\n");
  const json summary = corpus.index_summary({"--commit-every", "100"});
  check_counts(summary, 5, 0, 0, 0);
  CHECK(corpus.documents() == 5);
  const auto found = brief_search(
      corpus.home(), {"--db", corpus.database().string(), "--format", "json", "title:long"});
  CHECK(json::parse(found.out)["total"] == 2);
  check_counts(corpus.index_summary(), 0, 0, 5, 0);
}

TEST_CASE("the number of --jobs does not change the database", "[e2e][index]") {
  TemporaryFolder home;
  const auto one = home / "one";
  const auto two = home / "two";
  REQUIRE(brief_index(home, {"--db", one.string(), "--jobs", "1", kCorpus.string()}).exit_code ==
          0);
  REQUIRE(brief_index(
              home, {"--db", two.string(), "--jobs", "2", "--commit-every", "7", kCorpus.string()})
              .exit_code == 0);
  const auto first = database_contents(one);
  CHECK(first.size() >= 45);
  CHECK(first == database_contents(two));
}

TEST_CASE("a second writer exits at once with code 75, or waits with --lock-timeout",
          "[e2e][index]") {
  Corpus corpus;
  corpus.index_summary();
  auto holder =
      std::make_unique<Xapian::WritableDatabase>(corpus.database().string(), Xapian::DB_OPEN);
  const auto started = std::chrono::steady_clock::now();
  const ProcessResult locked = corpus.index();
  CHECK(locked.exit_code == 75);
  CHECK_THAT(locked.err, Catch::Contains("database is locked by another brief-index run"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));

  const ProcessResult waited = corpus.index({"--lock-timeout", "0.3"});
  CHECK(waited.exit_code == 75);

  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.reset();
  });
  const ProcessResult eventually = corpus.index({"--lock-timeout", "20"});
  release.join();
  CHECK(eventually.exit_code == 0);
}

TEST_CASE("a full rebuild writes a new database and swaps it in", "[e2e][index]") {
  Corpus corpus;
  corpus.index_summary();
  const auto incremental = database_contents(corpus.database());
  // Counted against the live database: the same briefs from the same files are unchanged.
  check_counts(corpus.index_summary({"--full"}), 0, 0, 3, 0);
  CHECK(database_contents(corpus.database()) == incremental);
  // Nothing is left beside the database.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(corpus.home().path())) {
    ++entries;
  }
  CHECK(entries == 2);  // briefs/ and db/

  SECTION("a database of another schema version is rebuilt") {
    {
      Xapian::WritableDatabase database(corpus.database().string(), Xapian::DB_OPEN);
      database.set_metadata("briefsearch.schema_version", "0");
      database.commit();
    }
    CHECK(corpus.index().exit_code == 3);
    check_counts(corpus.index_summary({"--full"}), 0, 0, 3, 0);
    check_counts(corpus.index_summary(), 0, 0, 3, 0);
  }
}

TEST_CASE("searchers never fail while --full swaps the database", "[e2e][index]") {
  IndexedCorpus corpus;
  std::atomic<bool> done{false};
  std::atomic<int> searches{0};
  std::atomic<int> failures{0};
  std::thread searcher([&] {
    while (!done.load()) {
      const auto result = corpus.search({"--format", "count", "sanctions"});
      ++searches;
      if (result.exit_code != 0 || result.out == "0\n") {
        ++failures;
        UNSCOPED_INFO(result.exit_code << " " << result.out << result.err);
      }
    }
  });
  for (int round = 0; round < 4; ++round) {
    const auto rebuilt = brief_index(
        corpus.home(), {"--db", corpus.database().string(), "--full", kCorpus.string()});
    CHECK(rebuilt.exit_code == 0);
  }
  done = true;
  searcher.join();
  CHECK(searches.load() > 4);
  CHECK(failures.load() == 0);
}

TEST_CASE("indexing collects spelling data for did-you-mean", "[e2e][index]") {
  Corpus corpus;
  corpus.index_summary();
  Xapian::Database database(corpus.database().string());
  CHECK(database.get_spelling_suggestion("quokas") == "quokkas");
  CHECK(database.get_spelling_suggestion("wombets") == "wombats");
}

TEST_CASE("a sharded full rebuild gives the same database as one writer", "[e2e][index]") {
  TemporaryFolder home;
  for (int i = 0; i < 600; ++i) {
    write_file(
        home / "briefs" / ("part" + std::to_string(i % 7)) / ("b" + std::to_string(i) + ".txt"),
        brief_text("Place " + std::to_string(i) + ": Convoy Report",
                   "Convoy " + std::to_string(i) + " crossed near harbour " +
                       std::to_string(i % 13) + "; Russian and Chinese observers watched."));
  }
  const auto folder = (home / "briefs").string();
  const auto one =
      brief_index(home, {"--db", (home / "one").string(), "--full", "--jobs", "1", folder});
  const auto two =
      brief_index(home, {"--db", (home / "two").string(), "--full", "--jobs", "2", folder});
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  const auto single = database_contents(home / "one");
  CHECK(single.size() == 600);
  CHECK(single == database_contents(home / "two"));
  Xapian::Database sharded((home / "two").string());
  CHECK(sharded.get_spelling_suggestion("convoi") == "convoy");
  CHECK(sharded.get_metadata("briefsearch.schema_version") ==
        std::to_string(briefsearch::kSchemaVersion));
  // The merged database is a normal one: incremental runs carry on from it.
  const auto again = brief_index(home, {"--db", (home / "two").string(), "--json", folder});
  CHECK(json::parse(again.out)["unchanged"] == 600);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(home.path()))
    ++entries;
  CHECK(entries == 3);  // briefs/, one/, two/: no shard is left behind
}

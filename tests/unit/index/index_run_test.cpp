#include "common/index/index_run.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "common/base/errors.h"
#include "common/store/database.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::TemporaryFolder;

namespace {

// A folder of two JSON Lines files with two briefs each, and where a database may go.
class Corpus {
 public:
  Corpus() {
    std::filesystem::create_directory(folder_ / "briefs");
    write("briefs/a.jsonl", {"alpha", "bravo"});
    write("briefs/b.jsonl", {"charlie", "delta"});
  }

  IndexRun run_over(std::vector<std::filesystem::path> inputs) const {
    IndexRun run;
    run.database = folder_ / "db";
    run.options.inputs = std::move(inputs);
    run.options.jobs = 2;
    return run;
  }

  std::filesystem::path operator/(const std::string& name) const { return folder_ / name; }

  Xapian::doccount briefs_indexed() const {
    return open_for_reading({folder_ / "db"}).get_doccount();
  }

 private:
  void write(const std::string& name, const std::vector<std::string>& ids) const {
    std::ofstream file(folder_ / name);
    for (const std::string& id : ids) {
      file << R"({"id": ")" << id << R"(", "title": "Brief )" << id
           << R"(", "description": "Text of )" << id << R"(."})" << '\n';
    }
  }

  TemporaryFolder folder_;
};

IndexStatistics run(const IndexRun& index_run) {
  return run_index(index_run, [](const ParseIssue&, bool) {}, {});
}

}  // namespace

TEST_CASE("an index run brings the database up to date", "[index][index_run]") {
  const Corpus corpus;
  const IndexStatistics first = run(corpus.run_over({corpus / "briefs"}));
  CHECK(first.added == 4);
  CHECK(first.complete());
  CHECK(corpus.briefs_indexed() == 4);
  // With no inputs, the roots the database remembers are indexed again.
  const IndexStatistics again = run(corpus.run_over({}));
  CHECK(again.added == 0);
  CHECK(again.unchanged == 4);
}

TEST_CASE("a first run refused for its inputs creates no database", "[index][index_run]") {
  const Corpus corpus;
  CHECK_THROWS_AS(run(corpus.run_over({corpus / "missing"})), UsageError);
  CHECK_FALSE(std::filesystem::exists(corpus / "db"));
}

TEST_CASE("an index run forgets paths, alone", "[index][index_run]") {
  const Corpus corpus;
  (void)run(corpus.run_over({corpus / "briefs/a.jsonl", corpus / "briefs/b.jsonl"}));
  IndexRun forget_with_inputs = corpus.run_over({corpus / "briefs/b.jsonl"});
  forget_with_inputs.forget = {corpus / "briefs/a.jsonl"};
  CHECK_THROWS_WITH(run(forget_with_inputs),
                    "--forget takes its paths alone; run indexing separately");
  IndexRun forget = corpus.run_over({});
  forget.forget = {corpus / "briefs/a.jsonl"};
  const IndexStatistics forgotten = run(forget);
  CHECK(forgotten.deleted == 2);
  CHECK(corpus.briefs_indexed() == 2);
}

TEST_CASE("a full rebuild replaces the database, or leaves it when stopped", "[index][index_run]") {
  const Corpus corpus;
  (void)run(corpus.run_over({corpus / "briefs/a.jsonl"}));
  CHECK(corpus.briefs_indexed() == 2);

  std::atomic<bool> stop{true};
  IndexRun stopped = corpus.run_over({corpus / "briefs"});
  stopped.full = true;
  stopped.options.stop_requested = &stop;
  const IndexStatistics abandoned = run(stopped);
  CHECK(abandoned.interrupted);
  CHECK(abandoned.rebuild_abandoned);
  CHECK(abandoned.added == 0);
  CHECK(corpus.briefs_indexed() == 2);

  IndexRun full = corpus.run_over({corpus / "briefs"});
  full.full = true;
  const IndexStatistics rebuilt = run(full);
  CHECK_FALSE(rebuilt.interrupted);
  CHECK(rebuilt.added == 2);
  CHECK(rebuilt.unchanged == 2);
  CHECK(corpus.briefs_indexed() == 4);
}

// Searchers never fail while brief-index commits: every read a query makes (field words and
// wildcards expanded from the term list, the search, facets, snippets, spelling,
// relaxation, --like) starts over on the new revision when a writer overtakes it
// (common/store/reopen_retry.h). Several searcher loops, single queries and --batch, run
// against incremental runs committing every few briefs and against --full swaps.
// For a soak (scripts/soak): BRIEFSEARCH_SOAK_ROUNDS repeats the writer's round (default 1),
// BRIEFSEARCH_SOAK_BRIEFS sizes the corpus (default 1000, and 40% more added and forgotten),
// BRIEFSEARCH_SOAK_COMMIT_EVERY sets the incremental runs' batch (default 10).
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "tests/e2e/generated_corpus.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

// Single queries: field words, wildcards, phrases, proximity, dates, a misspelling (the
// suggestion reads the spelling table), words no brief has together (relaxation).
const std::vector<std::vector<std::string>> kSingleQueries = {
    {"title:china"},
    {"outlook:tariffs"},
    {"--format", "json", "sanct* OR tarif*"},
    {"--facet", "country", "--facet", "year", "ceasefire"},
    {"--format", "count", "description:(election OR elections)"},
    {"--format", "jsonl", "-n", "20", "china"},
    {"--format", "paths", "-n", "30", "impact:sanctions"},
    {"--format", "json", "\"prime minister\""},
    {"--format", "json", "china NEAR/8 russia"},
    {"--format", "json", "date:2018..2020 -israel"},
    {"--format", "json", "sanctoins"},
    {"--format", "json", "--relax", "china zzqxv"},
    {"--format", "json", "--like", "a/0000/0000007.txt"},
    {"--format", "json", "--explain", "title:(tariff OR sanctions) country:cn"},
};

// One --batch run's lines: the same kinds of query.
const std::vector<std::string> kBatchLines = {"title:china",
                                              "outlook:tariffs",
                                              "sanct*",
                                              "tarif* OR export*",
                                              "\"prime minister\"",
                                              "country:cn",
                                              "sanctoins",
                                              "background:drought",
                                              "china NEAR/8 russia",
                                              "date:2019",
                                              "title:(tariff OR sanctions)",
                                              "impact:sanctions"};

// The soak setting named so in the environment, else fallback.
int soak_setting(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && std::atoi(value) > 0 ? std::atoi(value) : fallback;
}

// Counts queries and keeps the first failures' descriptions.
class Tally {
 public:
  void answered(std::size_t queries) { queries_ += queries; }
  void failed(const std::string& what) {
    ++failures_;
    std::lock_guard lock(mutex_);
    if (examples_.size() < 10) examples_.push_back(what);
  }
  [[nodiscard]] std::size_t queries() const { return queries_; }
  [[nodiscard]] std::size_t failures() const { return failures_; }
  [[nodiscard]] std::string examples() const {
    std::string text;
    for (const std::string& example : examples_) text += example + "\n";
    return text;
  }

 private:
  std::atomic<std::size_t> queries_{0};
  std::atomic<std::size_t> failures_{0};
  std::mutex mutex_;
  std::vector<std::string> examples_;
};

class Workspace {
 public:
  Workspace() {
    const int briefs = soak_setting("BRIEFSEARCH_SOAK_BRIEFS", 1000);
    generate_briefs(home_ / "a", briefs, 3);
    generate_briefs(home_ / "b", briefs * 2 / 5, 4);
    const ProcessResult indexed = index({(home_ / "a").string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }

  [[nodiscard]] std::string folder(const std::string& name) const {
    return (home_ / name).string();
  }

  ProcessResult index(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--db", (home_ / "db").string()});
    return brief_index(home_, std::move(arguments));
  }

  ProcessResult search(std::vector<std::string> arguments, const std::string& input = "") const {
    arguments.insert(arguments.begin(), {kSearchBinary, "--db", (home_ / "db").string()});
    ProcessOptions options = isolated(home_);
    options.input = input;
    return run_process(arguments, options);
  }

 private:
  TemporaryFolder home_;
};

std::string describe(const std::vector<std::string>& arguments, const ProcessResult& result) {
  std::string text = "exit " + std::to_string(result.exit_code) + ":";
  for (const std::string& argument : arguments) text += " " + argument;
  return text + ": " + result.err;
}

// One single query: exit 0 or 1, and JSON output that parses.
void single_query(const Workspace& space, const std::vector<std::string>& arguments, Tally& tally) {
  const ProcessResult result = space.search(arguments);
  tally.answered(1);
  bool good = result.exit_code == 0 || result.exit_code == 1;
  if (good && arguments.size() > 1 && arguments[1] == "json") {
    good = json::accept(result.out);
  }
  if (!good) tally.failed(describe(arguments, result));
}

// One --batch run: exit 0, and one result object (never an error object) per line.
void batch_queries(const Workspace& space, Tally& tally) {
  std::string input;
  for (const std::string& line : kBatchLines) input += line + "\n";
  const ProcessResult result = space.search({"--batch", "-n", "5"}, input);
  tally.answered(kBatchLines.size());
  bool good = result.exit_code == 0;
  std::size_t lines = 0;
  std::istringstream out(result.out);
  for (std::string line; good && std::getline(out, line); ++lines) {
    good = json::accept(line) && !json::parse(line).contains("error");
  }
  if (!good || lines != kBatchLines.size()) tally.failed(describe({"--batch"}, result));
}

}  // namespace

TEST_CASE("searchers never fail while brief-index commits often or swaps a rebuild",
          "[e2e][concurrency]") {
  const Workspace space;
  std::atomic<bool> writing{true};
  std::atomic<int> loops_started{0};
  Tally single;
  Tally batch;
  // Each loop runs at least once, and until the writer has finished.
  const auto loop = [&](const std::function<void(std::size_t)>& one_round) {
    ++loops_started;
    for (std::size_t round = 0; round == 0 || writing.load(); ++round) one_round(round);
  };
  std::vector<std::thread> searchers;
  for (const std::size_t start : {0, 7}) {
    searchers.emplace_back([&, start] {
      loop([&](std::size_t round) {
        single_query(space, kSingleQueries[(round + start) % kSingleQueries.size()], single);
      });
    });
  }
  searchers.emplace_back([&] { loop([&](std::size_t) { batch_queries(space, batch); }); });
  while (loops_started.load() < 3) std::this_thread::yield();

  // Incremental runs committing every 10 briefs (adding a folder, then forgetting it), and
  // a rebuild swapped in.
  const std::string every = std::to_string(soak_setting("BRIEFSEARCH_SOAK_COMMIT_EVERY", 10));
  const std::vector<std::vector<std::string>> runs = {
      {"--commit-every", every, space.folder("a"), space.folder("b")},
      {"--commit-every", every, "--forget", space.folder("b")},
      {"--full", "--commit-every", "50", space.folder("a")},
  };
  std::size_t writer_runs = 0;
  for (int round = 0; round < soak_setting("BRIEFSEARCH_SOAK_ROUNDS", 1); ++round) {
    for (const auto& arguments : runs) {
      const ProcessResult written = space.index(arguments);
      INFO(written.err);
      CHECK(written.exit_code == 0);
      ++writer_runs;
    }
  }
  writing = false;
  for (std::thread& searcher : searchers) searcher.join();

  INFO("single queries failed:\n"
       << single.examples() << "batch runs failed:\n"
       << batch.examples());
  WARN(single.queries() << " single queries and " << batch.queries() << " batch lines over "
                        << writer_runs << " indexer runs");
  CHECK(single.failures() == 0);
  CHECK(batch.failures() == 0);
}

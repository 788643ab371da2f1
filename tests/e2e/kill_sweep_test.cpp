// brief-index killed with SIGKILL at chosen points of its runs (tests/support/faults.h):
// inside commits (between the tables' syncs, before the version file is renamed), just
// after them (between two batches of a JSON Lines file among them), amid block writes,
// and for --full amid the shards, the compaction and around the swap. After each kill the
// database opens, xapian-check finds nothing wrong, and it holds exactly the briefs of the
// batches committed, each as a clean build writes it; the next runs converge on the clean
// build: the same ids, the same terms in every brief, nothing lost, nothing twice.
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <vector>

#include "tests/e2e/generated_corpus.h"
#include "tests/support/database_contents.h"
#include "tests/support/faults.h"

using namespace briefsearch::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kCommitEvery = 50;
constexpr int kRecords = 500;  // in the JSON Lines export, between the two folders

// 1,200 + 500 + 300 briefs: two generated folders with a JSON Lines export between them in
// path order, so that its records fill several batches of a run.
class SweepCorpus {
 public:
  SweepCorpus() {
    generate_briefs(home_ / "briefs/a", 1200, 5);
    std::ofstream export_file(home_ / "briefs/b-export.jsonl");
    for (int i = 0; i < kRecords; ++i) {
      export_file << nlohmann::json{{"id", "record-" + std::to_string(i)},
                                    {"title", "Harbour: Convoy " + std::to_string(i) + " Sails"},
                                    {"date", "2024-05-06"},
                                    {"description", "Convoy " + std::to_string(i * 7) +
                                                        " left harbour " + std::to_string(i) +
                                                        " for the strait."}}
                         .dump()
                  << "\n";
    }
    generate_briefs(home_ / "briefs/c", 300, 6);
  }

  [[nodiscard]] const TemporaryFolder& home() const { return home_; }
  [[nodiscard]] fs::path database(const std::string& name = "db") const { return home_ / name; }

  [[nodiscard]] std::vector<std::string> index_arguments(const std::string& database_name,
                                                         bool full) const {
    std::vector<std::string> arguments = {kIndexBinary,
                                          "--db",
                                          database(database_name).string(),
                                          "--commit-every",
                                          std::to_string(kCommitEvery),
                                          "--jobs",
                                          "2"};
    if (full) arguments.push_back("--full");
    arguments.push_back((home_ / "briefs").string());
    return arguments;
  }

  ProcessResult index(const std::string& database_name, bool full,
                      const std::optional<Fault>& fault = std::nullopt) const {
    ProcessOptions options = isolated(home_);
    if (fault) options = with_fault(options, *fault);
    return run_process(index_arguments(database_name, full), options);
  }

 private:
  TemporaryFolder home_;
};

// A clean build: every brief as written, and the order a run adds them in (by document
// number: a run adds briefs in path order, a JSON Lines file's in line order).
struct CleanBuild {
  std::map<std::string, std::string> contents;
  std::vector<std::string> order;
};

CleanBuild clean_build(const SweepCorpus& corpus) {
  const ProcessResult built = corpus.index("clean", false);
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  CleanBuild clean;
  clean.contents = database_contents(corpus.database("clean"));
  const Xapian::Database database(corpus.database("clean").string());
  std::vector<std::pair<Xapian::docid, std::string>> by_number;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    by_number.emplace_back(*database.postlist_begin(*id), *id);
  }
  std::sort(by_number.begin(), by_number.end());
  for (const auto& [number, id] : by_number) clean.order.push_back(id);
  return clean;
}

std::string describe(const Fault& fault) {
  return fault.action + " at " + fault.call + " #" + std::to_string(fault.at) + " on '" +
         fault.path + "'";
}

// The database opens, for Xapian and for brief-search, xapian-check finds nothing wrong,
// and no brief is in it twice. Returns the ids of its briefs.
std::set<std::string> check_opens(const SweepCorpus& corpus) {
  const fs::path path = corpus.database();
  const ProcessResult check = run_process({"/usr/bin/xapian-check", path.string()});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  const ProcessResult search =
      brief_search(corpus.home(), {"--db", path.string(), "--format", "count", "convoy"});
  INFO(search.err);
  CHECK((search.exit_code == 0 || search.exit_code == 1));
  const Xapian::Database database(path.string());
  std::set<std::string> ids;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    INFO(*id);
    CHECK(id.get_termfreq() == 1);  // no brief twice
    ids.insert(*id);
  }
  CHECK(ids.size() == database.get_doccount());
  return ids;
}

// The briefs of ids (among the first count of the clean build's order) are exactly as the
// clean build wrote them.
void check_briefs_whole(const fs::path& path, const CleanBuild& clean, std::size_t from,
                        std::size_t to) {
  const Xapian::Database database(path.string());
  for (std::size_t i = from; i < to; ++i) {
    const std::string& id = clean.order[i];
    INFO(id);
    REQUIRE(database.postlist_begin(id) != database.postlist_end(id));
    CHECK(document_contents(database.get_document(*database.postlist_begin(id))) ==
          clean.contents.at(id));
  }
}

// The revision a database is at, to tell that a run left it alone.
std::string revision_of(const fs::path& path) {
  const Xapian::Database database(path.string());
  return database.get_uuid() + " " + std::to_string(database.get_revision());
}

// No staging folder is left beside the database.
void check_no_staging(const SweepCorpus& corpus) {
  for (const auto& entry : fs::directory_iterator(corpus.home().path())) {
    CHECK(entry.path().filename().string().find(".staging-") == std::string::npos);
  }
}

}  // namespace

TEST_CASE("kill -9 at 25+ points of incremental runs loses and duplicates nothing",
          "[e2e][crash][sweep]") {
  const SweepCorpus corpus;
  const CleanBuild clean = clean_build(corpus);
  REQUIRE(clean.order.size() == 1200 + kRecords + 300);
  // The first run is killed while it creates the database, before it is in place; each
  // later one at the next of these points, counted from its start, until a run gets
  // through: inside a commit (tables synced, version file not yet renamed), just after one
  // (between two batches), amid block writes. Together they move on about a batch and a
  // half a run.
  const Fault creating = {"rename", "db.staging-", 1, "kill-before"};
  const std::vector<Fault> points = {
      {"fdatasync", "/db/", 8, "kill-before"}, {"rename", "/db/iamglass", 2, "kill-after"},
      {"pwrite", "/db/", 300, "kill-before"},  {"rename", "/db/iamglass", 3, "kill-before"},
      {"fdatasync", "/db/", 9, "kill-after"},  {"rename", "/db/iamglass", 2, "kill-after"},
      {"pwrite", "/db/", 40, "kill-after"},    {"rename", "/db/iamglass", 3, "kill-after"},
  };
  int kills = 0;
  int inside_export = 0;  // kills that left the JSON Lines export partly committed
  std::size_t previous = 0;
  for (int run = 0; run < 200; ++run) {
    const Fault fault = run == 0 ? creating : points[(run - 1) % points.size()];
    INFO("run " << run << ": " << describe(fault));
    const ProcessResult result = corpus.index("db", false, fault);
    if (result.exit_code == 0) break;  // the point was not reached: the work is done
    REQUIRE(result.exit_code == 128 + SIGKILL);
    ++kills;
    if (!fs::exists(corpus.database())) continue;  // killed before the database was in place
    const auto held = check_opens(corpus);
    // Whole batches only, and the first briefs of the order: what the committed batches held,
    // each as the clean build wrote it (those of earlier batches were compared before).
    CHECK(held.size() % kCommitEvery == 0);
    REQUIRE(held.size() >= previous);
    REQUIRE(held.size() <= clean.order.size());
    for (std::size_t i = 0; i < held.size(); ++i) CHECK(held.count(clean.order[i]) == 1);
    check_briefs_whole(corpus.database(), clean, previous, held.size());
    if (held.size() > 1200 && held.size() < 1200 + kRecords) ++inside_export;
    previous = held.size();
  }
  CHECK(kills >= 25);
  CHECK(inside_export >= 3);
  // The run that got through left the clean build; the next finds nothing to do.
  CHECK(check_opens(corpus).size() == clean.order.size());
  CHECK(database_contents(corpus.database()) == clean.contents);
  const ProcessResult again = corpus.index("db", false);
  CHECK_THAT(again.err, Catch::Contains("0 added, 0 updated, 2000 unchanged, 0 deleted"));
  check_no_staging(corpus);
  WARN(kills << " kills survived, " << inside_export << " inside the JSON Lines export");
}

TEST_CASE("kill -9 at 7 points of --full leaves the live database, and a run converges",
          "[e2e][crash][sweep]") {
  const SweepCorpus corpus;
  const CleanBuild clean = clean_build(corpus);
  int kills = 0;
  // With no live database yet: killed amid the shards or before the swap, it leaves at most
  // an empty one.
  for (const Fault& fault : std::vector<Fault>{{"pwrite", "-shard", 50, "kill-before"},
                                               {"renameat2", "db.staging-", 1, "kill-before"}}) {
    INFO(describe(fault));
    REQUIRE(corpus.index("db", true, fault).exit_code == 128 + SIGKILL);
    ++kills;
    CHECK(check_opens(corpus).empty());
  }
  // The next run removes the shards and staging folders they left, and builds the clean
  // database; it also counts its syncs, so that the next kills fall at fractions of it.
  const long syncs = count_calls(corpus.index_arguments("db", true), isolated(corpus.home()),
                                 "fdatasync", "db.staging-", corpus.home() / "count");
  REQUIRE(syncs > 10);
  check_no_staging(corpus);
  CHECK(check_opens(corpus).size() == clean.order.size());
  CHECK(database_contents(corpus.database()) == clean.contents);

  // With a live database: it stays as it was until the swap, wherever in the compaction, the
  // reconciliation or the swap the rebuild stops.
  const std::vector<Fault> points = {
      {"fdatasync", "db.staging-", syncs / 4, "kill-before"},
      {"fdatasync", "db.staging-", syncs / 2, "kill-after"},
      {"fdatasync", "db.staging-", syncs * 3 / 4, "kill-before"},
      {"renameat2", "db.staging-", 1, "kill-before"},
      {"renameat2", "db.staging-", 1, "kill-after"},  // swapped; the old one not yet removed
  };
  const std::string live = revision_of(corpus.database());
  for (const Fault& fault : points) {
    INFO(describe(fault));
    REQUIRE(corpus.index("db", true, fault).exit_code == 128 + SIGKILL);
    ++kills;
    CHECK(check_opens(corpus).size() == clean.order.size());
    // Untouched before the swap; after it, the rebuilt database, as clean as the first.
    if (fault.action == "kill-after" && fault.call == "renameat2") {
      CHECK(database_contents(corpus.database()) == clean.contents);
    } else {
      CHECK(revision_of(corpus.database()) == live);
    }
  }
  const ProcessResult rebuilt = corpus.index("db", true);
  INFO(rebuilt.err);
  REQUIRE(rebuilt.exit_code == 0);
  CHECK(check_opens(corpus).size() == clean.order.size());
  CHECK(database_contents(corpus.database()) == clean.contents);
  check_no_staging(corpus);
  WARN(kills << " kills of --full survived");
}

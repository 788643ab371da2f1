// Roots and rebuilds under the faults a fresh trial found: labels that could collide, a
// missing root and an unrelated folder of its name, --full against what incremental runs
// keep, folders that list but cannot be searched, and named files that are not briefs.
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <set>
#include <thread>

#include "tests/e2e/integrity_support.h"

using namespace briefsearch::testing;

namespace {

int count_all(const Workspace& space) { return static_cast<int>(space.documents()); }

}  // namespace

TEST_CASE("derived ids of roots never collide, whatever their names and order",
          "[e2e][integrity][roots]") {
  for (const bool one_run : {true, false}) {
    Workspace space;
    for (const char* file : {"x/corpus/a.txt", "y/corpus/a.txt", "other/x/corpus/a.txt"}) {
      write_file(space / file, scraped(std::string("Brief ") + file, "Rangers counted quokkas."));
    }
    if (one_run) {
      (void)space.index_expecting(0, {(space / "y/corpus").string(), (space / "x/corpus").string(),
                                      (space / "other/x").string()});
    } else {
      for (const char* root : {"y/corpus", "x/corpus", "other/x"}) {
        (void)space.index_expecting(0, {(space / root).string()});
      }
    }
    CHECK(count_all(space) == 3);
    std::set<std::string> ids;
    const json found = space.search("quokkas");
    for (const json& hit : found["hits"]) ids.insert(hit["id"]);
    CHECK(ids.size() == 3);
  }
  // Two fresh databases given the same roots in another order agree on every id.
  Workspace a;
  Workspace b;
  for (const Workspace* space : {&a, &b}) {
    write_file(*space / "x/corpus/a.txt", scraped("Brief X", "Rangers counted quokkas."));
    write_file(*space / "y/corpus/a.txt", scraped("Brief Y", "Rangers counted quokkas."));
  }
  (void)a.index_expecting(0, {(a / "x/corpus").string(), (a / "y/corpus").string()});
  (void)b.index_expecting(0, {(b / "y/corpus").string(), (b / "x/corpus").string()});
  CHECK(a.search("id:corpus/a.txt")["hits"][0]["title"] == "Brief X");
  CHECK(b.search("id:corpus/a.txt")["hits"][0]["title"] == "Brief X");
}

TEST_CASE("a folder named like a missing root does not take its place without its files",
          "[e2e][integrity][roots]") {
  Workspace space;
  for (int i = 0; i < 4; ++i) {
    write_file(space / ("share/reports/corpus/b" + std::to_string(i) + ".txt"),
               scraped("Share " + std::to_string(i), "Rangers counted quokkas."));
  }
  write_file(space / "home/corpus/mine.txt", scraped("Mine", "My own text."));
  (void)space.index_expecting(0, {(space / "share/reports/corpus").string()});
  fs::rename(space / "share/reports", space / "share/unmounted");
  check_summary(space.index_expecting(0, {(space / "home/corpus").string()}), 1, 0, 0, 0, 0);
  CHECK(count_all(space) == 5);
  fs::rename(space / "share/unmounted", space / "share/reports");
  check_summary(space.index_expecting(0, {}), 0, 0, 5, 0, 0);
  CHECK(space.search("id:home/corpus/mine.txt")["total"] == 1);
}

TEST_CASE("a rebuild keeps what incremental runs keep, and counts against the live database",
          "[e2e][integrity][rebuild]") {
  Workspace space;
  for (int i = 0; i < 3; ++i) {
    write_file(space / ("corpus/b" + std::to_string(i) + ".md"),
               markdown("c" + std::to_string(i), "Corpus " + std::to_string(i), "Quokkas."));
    write_file(space / ("share/s" + std::to_string(i) + ".txt"),
               scraped("Share " + std::to_string(i), "Rangers counted wombats."));
  }
  (void)space.index_expecting(0, {(space / "corpus").string(), (space / "share").string()});
  // A remembered root that is missing, and a file that no longer parses.
  fs::rename(space / "share", space / "share.away");
  write_file(space / "corpus/b1.md", "---\ntitle: broken\n");
  for (const std::vector<std::string>& jobs :
       {std::vector<std::string>{"--jobs", "1"}, {"--jobs", "2"}}) {
    std::vector<std::string> arguments = {"--full"};
    arguments.insert(arguments.end(), jobs.begin(), jobs.end());
    const ProcessResult result = space.index(arguments);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("missing") && Catch::Contains("b1.md"));
    check_summary(json::parse(result.out), 0, 0, 6, 0, 1);
    CHECK(count_all(space) == 6);
    CHECK(space.titles("id:c1") == std::vector<std::string>{"Corpus 1"});
  }
  fs::rename(space / "share.away", space / "share");
  write_file(space / "corpus/b1.md", markdown("c1", "Corpus 1 (revised)", "Quokkas."));
  write_file(space / "corpus/b3.md", markdown("c3", "Corpus 3", "Quokkas."));
  fs::remove(space / "corpus/b2.md");
  check_summary(space.index_expecting(0, {"--full"}), 1, 1, 4, 1, 0);
  // Rebuilding from one root forgets the other: counted as deleted.
  check_summary(space.index_expecting(0, {"--full", (space / "corpus").string()}), 0, 0, 3, 3, 0);
  // Part of a root cannot be rebuilt on its own.
  write_file(space / "corpus/sub/x.txt", scraped("Sub", "Numbats."));
  const ProcessResult part = space.index({"--full", (space / "corpus/sub").string()});
  CHECK(part.exit_code == 2);
  CHECK_THAT(part.err, Catch::Contains("lies inside the indexed folder"));
  CHECK(count_all(space) == 3);
}

TEST_CASE("an interrupted --full says the rebuild was abandoned and counts nothing",
          "[e2e][integrity][rebuild]") {
  Workspace space;
  write_file(space / "corpus/a.txt", scraped("Alpha", "Quokkas."));
  (void)space.index_expecting(0, {(space / "corpus").string()});
  std::string lines;
  for (int i = 0; i < 6000; ++i) {
    lines += record("r" + std::to_string(i), "Record " + std::to_string(i),
                    "Tankers sailed past the strait with their cargo of crude oil again.");
  }
  write_file(space / "exports/export.jsonl", lines);
  RunningProcess run(
      {kIndexBinary, "--db", space.database().string(), "--json", "--full", "--commit-every", "50",
       (space / "corpus").string(), (space / "exports").string()},
      isolated(space.home()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  run.signal(SIGTERM);
  const ProcessResult stopped = run.wait();
  if (stopped.exit_code == 0) {
    WARN("the rebuild finished before the signal; nothing to check");
    return;
  }
  CHECK(stopped.exit_code == 143);
  CHECK_THAT(stopped.err, Catch::Contains("rebuild was abandoned"));
  const json summary = json::parse(stopped.out);
  check_summary(summary, 0, 0, 0, 0, 0);
  CHECK(summary["interrupted"] == true);
  CHECK(count_all(space) == 1);
}

TEST_CASE("a folder that lists but cannot be searched keeps its briefs",
          "[e2e][integrity][roots]") {
  Workspace space;
  write_file(space / "corpus/open/a.txt", scraped("Alpha", "Quokkas."));
  write_file(space / "corpus/listed/b.txt", scraped("Beta", "Wombats."));
  std::vector<std::string> prefix;
  if (::geteuid() == 0) {
    prefix = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  auto run_index = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> arguments = prefix;
    arguments.insert(arguments.end(), {kIndexBinary, "--db", space.database().string()});
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return run_process(arguments, isolated(space.home()));
  };
  auto open_up = [&](const fs::path& top) {
    fs::permissions(top, fs::perms::all, fs::perm_options::add);
    for (const auto& entry : fs::recursive_directory_iterator(top)) {
      fs::permissions(entry.path(), fs::perms::all, fs::perm_options::add);
    }
  };
  open_up(space.home().path());
  REQUIRE(run_index({(space / "corpus").string()}).exit_code == 0);
  open_up(space.database());
  // Read and execute bits apart: the names can be listed, the files not examined.
  fs::permissions(space / "corpus/listed",
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const ProcessResult result = run_index({(space / "corpus").string()});
  fs::permissions(space / "corpus/listed", fs::perms::all);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("listed: cannot read folder"));
  CHECK(space.titles("wombats") == std::vector<std::string>{"Beta"});
}

TEST_CASE("a named file that is not a brief file is an error; a named hidden one is indexed",
          "[e2e][integrity][roots]") {
  Workspace space;
  write_file(space / "notes.pdf", "%PDF-1.4");
  write_file(space / ".hidden.txt", scraped("Hidden", "Numbats."));
  const ProcessResult pdf = space.index({(space / "notes.pdf").string()});
  CHECK(pdf.exit_code == 2);
  CHECK_THAT(pdf.err, Catch::Contains("notes.pdf: not a brief file"));
  REQUIRE(::mkfifo((space / "pipe.txt").c_str(), 0600) == 0);
  const ProcessResult fifo = space.index({(space / "pipe.txt").string()});
  CHECK(fifo.exit_code == 2);
  CHECK_THAT(fifo.err, Catch::Contains("pipe.txt: not a regular file"));
  (void)space.index_expecting(0, {(space / ".hidden.txt").string()});
  CHECK(space.titles("numbats") == std::vector<std::string>{"Hidden"});
}

TEST_CASE("a database folder made beforehand: a fresh mount is used, other files refused",
          "[e2e][integrity][database]") {
  Workspace space;
  write_file(space / "corpus/a.txt", scraped("Alpha", "Quokkas."));
  fs::create_directories(space / "mount/lost+found");
  for (const std::vector<std::string>& mode : {std::vector<std::string>{}, {"--full"}}) {
    std::vector<std::string> arguments = {kIndexBinary, "--db", (space / "mount").string()};
    arguments.insert(arguments.end(), mode.begin(), mode.end());
    arguments.push_back((space / "corpus").string());
    const ProcessResult result = run_process(arguments, isolated(space.home()));
    INFO(result.err);
    CHECK(result.exit_code == 0);
  }
  CHECK(fs::exists(space / "mount/lost+found"));
  write_file(space / "papers/thesis.odt", "mine");
  for (const std::vector<std::string>& mode : {std::vector<std::string>{}, {"--full"}}) {
    std::vector<std::string> arguments = {kIndexBinary, "--db", (space / "papers").string()};
    arguments.insert(arguments.end(), mode.begin(), mode.end());
    arguments.push_back((space / "corpus").string());
    const ProcessResult result = run_process(arguments, isolated(space.home()));
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("holds other files and no database"));
  }
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(space / "papers")) {
    left.push_back(entry.path().filename().string());
  }
  CHECK(left == std::vector<std::string>{"thesis.odt"});
  std::ofstream(space / "empty.stub") << "\n# nothing\n";
  const ProcessResult stub =
      brief_search(space.home(), {"--db", (space / "empty.stub").string(), "quokkas"});
  CHECK(stub.exit_code == 3);
  CHECK_THAT(stub.err, Catch::Contains("lists no database"));
}

TEST_CASE("a duplicate-id message names the kept record's line even when its file is unchanged",
          "[e2e][integrity]") {
  Workspace space;
  write_file(space / "f/a.jsonl", record("r0", "Zero", "x") + record("r1", "One", "y"));
  (void)space.index_expecting(0, {(space / "f").string()});
  write_file(space / "f/b.jsonl", record("r1", "Other one", "z"));
  const ProcessResult result = space.index({(space / "f").string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("b.jsonl:1: duplicate id 'r1': ") &&
                             Catch::Contains("a.jsonl:2 has it"));
}

TEST_CASE("a folder of the same name with the same file names but other content is not a move",
          "[e2e][integrity][roots]") {
  Workspace space;
  write_file(space / "a/corpus/one.txt", scraped("One", "Aaaa."));
  write_file(space / "a/corpus/two.txt", scraped("Two", "Bbbb."));
  (void)space.index_expecting(0, {(space / "a/corpus").string()});
  fs::rename(space / "a/corpus", space / "a/corpus.unmounted");
  write_file(space / "b/corpus/one.txt", scraped("One", "Zzzz."));  // same name and size
  write_file(space / "b/corpus/new.txt", scraped("New", "Nnnn."));
  check_summary(space.index_expecting(0, {(space / "b/corpus").string()}), 2, 0, 0, 0, 0);
  fs::rename(space / "a/corpus.unmounted", space / "a/corpus");
  check_summary(space.index_expecting(0, {}), 0, 0, 4, 0, 0);
  CHECK(space.titles("aaaa") == std::vector<std::string>{"One"});
  CHECK(space.titles("bbbb") == std::vector<std::string>{"Two"});
}

TEST_CASE("a moved corpus keeps the briefs of files that no longer parse",
          "[e2e][integrity][roots]") {
  for (const bool full : {false, true}) {
    Workspace space;
    write_file(space / "a/corpus/t.txt", scraped("Tee", "Tttt."));
    write_file(space / "a/corpus/u.txt", scraped("You", "Uuuu."));
    // Most files come along unchanged: the evidence that the corpus moved.
    write_file(space / "a/corpus/v.txt", scraped("Vee", "Vvvv."));
    write_file(space / "a/corpus/w.txt", scraped("Double you", "Wwww."));
    write_file(space / "a/corpus/feed.jsonl",
               record("", "Feed one", "Ffff.") + record("", "Feed two", "Gggg."));
    (void)space.index_expecting(0, {(space / "a/corpus").string()});
    write_file(space / "a/corpus/t.txt", "");  // empty: rejected
    write_file(space / "a/corpus/feed.jsonl", record("", "Feed one", "Ffff.") + "{bad\n");
    fs::create_directories(space / "b");
    fs::rename(space / "a/corpus", space / "b/corpus");
    std::vector<std::string> arguments;
    if (full) arguments.push_back("--full");
    arguments.push_back((space / "b/corpus").string());
    const ProcessResult result = space.index(arguments);
    INFO(result.err);
    CHECK(result.exit_code == 1);
    CHECK(json::parse(result.out)["deleted"] == 0);
    CHECK(space.titles("tttt") == std::vector<std::string>{"Tee"});
    CHECK(space.titles("gggg") == std::vector<std::string>{"Feed two"});
    CHECK(space.titles("ffff") == std::vector<std::string>{"Feed one"});
    CHECK(count_all(space) == 6);
  }
}

TEST_CASE("absorbing a root whose export has a bad record gives one brief per record",
          "[e2e][integrity][roots]") {
  for (const bool full : {false, true}) {
    Workspace space;
    write_file(space / "top/r3/feed.jsonl", record("", "J one", "Jjj1.") +
                                                record("", "J two", "Jjj2.") +
                                                record("", "J three", "Jjj3."));
    (void)space.index_expecting(0, {(space / "top/r3").string()});
    write_file(space / "top/r3/feed.jsonl",
               record("", "J one", "Jjj1.") + "{bad json\n" + record("", "J three", "Jjj3."));
    std::vector<std::string> arguments;
    if (full) arguments.push_back("--full");
    arguments.push_back((space / "top").string());
    CHECK(space.index(arguments).exit_code == 1);
    CHECK(count_all(space) == 3);  // #1 and #3 under their new ids, #2 kept as it was
    CHECK(space.search("jjj1")["total"] == 1);
    CHECK(space.search("jjj3")["total"] == 1);
    CHECK(space.search("jjj2")["total"] == 1);
  }
}

TEST_CASE("a hidden file named inside an indexed folder is refused, not dropped later",
          "[e2e][integrity][roots]") {
  Workspace space;
  write_file(space / "c/a.txt", scraped("Alpha", "Quokkas."));
  write_file(space / "c/.hidden.txt", scraped("Hidden", "Numbats."));
  const ProcessResult both =
      space.index({(space / "c").string(), (space / "c/.hidden.txt").string()});
  CHECK(both.exit_code == 2);
  CHECK_THAT(both.err, Catch::Contains("skipped when it is walked"));
  Workspace other;
  write_file(other / "c/a.txt", scraped("Alpha", "Quokkas."));
  write_file(other / "c/.hidden.txt", scraped("Hidden", "Numbats."));
  (void)other.index_expecting(0, {(other / "c/.hidden.txt").string()});
  const ProcessResult absorb = other.index({(other / "c").string()});
  CHECK(absorb.exit_code == 2);
  CHECK_THAT(absorb.err, Catch::Contains("which walks skip"));
  CHECK(other.titles("numbats") == std::vector<std::string>{"Hidden"});
}

TEST_CASE("a rebuild keeps the database folder's permissions", "[e2e][integrity][rebuild]") {
  Workspace space;
  write_file(space / "c/a.txt", scraped("Alpha", "Quokkas."));
  (void)space.index_expecting(0, {(space / "c").string()});
  fs::permissions(space.database(), fs::perms::owner_all);
  (void)space.index_expecting(0, {"--full"});
  CHECK((fs::status(space.database()).permissions() & fs::perms::all) == fs::perms::owner_all);
  for (const auto& entry : fs::directory_iterator(space.database())) {
    CHECK((fs::status(entry.path()).permissions() &
           (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  }
}

TEST_CASE("an id that moves to a file earlier in path order is an update", "[e2e][integrity]") {
  Workspace space;
  write_file(space / "c/a.jsonl", record("k1", "K one", "x") + record("k2", "K two", "y"));
  write_file(space / "c/b.jsonl", record("k9", "K nine", "z"));
  (void)space.index_expecting(0, {(space / "c").string()});
  write_file(space / "c/b.jsonl", record("k8", "K eight", "w"));
  write_file(space / "c/a.jsonl",
             record("k1", "K one", "x") + record("k2", "K two", "y") + record("k9", "K nine", "z"));
  check_summary(space.index_expecting(0, {(space / "c").string()}), 1, 1, 2, 0, 0);
  CHECK(count_all(space) == 4);
}

TEST_CASE("forgetting a folder inside an indexed folder is refused", "[e2e][integrity][roots]") {
  Workspace space;
  write_file(space / "r/a/sub/x.txt", scraped("Sub", "Numbats."));
  write_file(space / "r/a/y.txt", scraped("Top", "Quokkas."));
  (void)space.index_expecting(0, {(space / "r/a").string()});
  const ProcessResult result = space.index({"--forget", (space / "r/a/sub").string()});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("whose next walk would index it again"));
  CHECK(count_all(space) == 2);
}

TEST_CASE("a first run refused for its inputs creates no database", "[e2e][integrity][database]") {
  Workspace space;
  fs::create_directories(space / "empty");
  for (const std::string input : {"nope.txt", "empty"}) {
    const ProcessResult result = space.index({(space / input).string()});
    CHECK(result.exit_code == 2);
    CHECK_FALSE(fs::exists(space.database()));
  }
}

// Where the database lives: pre-made folders, trailing slashes, symlinks, stub files,
// read-only folders, abandoned staging folders and two runs creating the same database.
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <fstream>

#include "common/store/schema.h"
#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
namespace fs = std::filesystem;

namespace {

void write_brief(const fs::path& path, const std::string& title, const std::string& body) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary)
      << title << "\n\nBy May 5, 2024No Comments\n\nDescription: " << body
      << "\n\nImpact: Watch closely.\n";
}

int count(const TemporaryFolder& home, const fs::path& database, const std::string& query) {
  const ProcessResult result =
      brief_search(home, {"--db", database.string(), "--format", "count", query});
  INFO(result.err);
  REQUIRE((result.exit_code == 0 || result.exit_code == 1));
  return std::stoi(result.out);
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Runs brief-index as an unprivileged user when the tests run as root, for whom
// permission bits mean nothing.
ProcessResult brief_index_unprivileged(const TemporaryFolder& home,
                                       std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), kIndexBinary);
  if (::geteuid() == 0) {
    arguments.insert(arguments.begin(),
                     {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  }
  return run_process(arguments, isolated(home));
}

}  // namespace

TEST_CASE("an empty folder made beforehand becomes the database", "[e2e][database]") {
  TemporaryFolder home;
  write_brief(home / "briefs/a.txt", "Chad: Quokka Census", "Rangers counted quokkas.");
  fs::create_directories(home / "db");
  for (const bool full : {false, true}) {
    fs::remove_all(home / "db");
    fs::create_directories(home / "db");
    std::vector<std::string> arguments = {"--db", (home / "db").string()};
    if (full) arguments.push_back("--full");
    arguments.push_back((home / "briefs").string());
    const ProcessResult result = brief_index(home, arguments);
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(count(home, home / "db", "quokkas") == 1);
  }
}

TEST_CASE("a trailing slash on --db names the same folder", "[e2e][database]") {
  TemporaryFolder home;
  write_brief(home / "briefs/a.txt", "Chad: Quokka Census", "Rangers counted quokkas.");
  const std::string with_slash = (home / "db").string() + "/";
  for (const std::vector<std::string>& mode :
       {std::vector<std::string>{}, {"--full"}, {}, {"--full"}}) {
    std::vector<std::string> arguments = {"--db", with_slash};
    arguments.insert(arguments.end(), mode.begin(), mode.end());
    arguments.push_back((home / "briefs").string());
    const ProcessResult result = brief_index(home, arguments);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
  write_brief(home / "briefs/b.txt", "Mali: Wombat Survey", "Rangers counted wombats.");
  REQUIRE(brief_index(home, {"--full", "--db", with_slash + "./", (home / "briefs").string()})
              .exit_code == 0);
  CHECK(count(home, home / "db", "wombats") == 1);
  CHECK(count(home, home / "db", "quokkas") == 1);
  // Nothing was staged inside the database folder, and nothing is left beside it.
  for (const std::string& name : names_in(home / "db"))
    CHECK(name.find("staging") == std::string::npos);
  CHECK(names_in(home.path()) == std::vector<std::string>{"briefs", "db"});
}

TEST_CASE("a rebuild through a symlink writes the real database and keeps the link",
          "[e2e][database]") {
  TemporaryFolder home;
  write_brief(home / "briefs/a.txt", "Chad: Quokka Census", "Rangers counted quokkas.");
  fs::create_directories(home / "store");
  REQUIRE(brief_index(home, {"--db", (home / "store/real").string(), (home / "briefs").string()})
              .exit_code == 0);
  fs::create_symlink("store/real", home / "link");
  fs::create_symlink(home / "link", home / "link2");  // a chain of links
  write_brief(home / "briefs/b.txt", "Mali: Wombat Survey", "Rangers counted wombats.");
  for (const std::string link : {"link", "link2"}) {
    const ProcessResult result =
        brief_index(home, {"--full", "--db", (home / link).string(), (home / "briefs").string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(fs::is_symlink(home / link));
    CHECK(count(home, home / "store/real", "wombats") == 1);
  }
  // The staging folder went beside the real database, and is gone.
  CHECK(names_in(home / "store") == std::vector<std::string>{"real"});
  // Incremental runs through the link write the real database too.
  write_brief(home / "briefs/c.txt", "Niger: Numbat Watch", "Rangers watched numbats.");
  REQUIRE(
      brief_index(home, {"--db", (home / "link").string(), (home / "briefs").string()}).exit_code ==
      0);
  CHECK(fs::is_symlink(home / "link"));
  CHECK(count(home, home / "store/real", "numbats") == 1);
}

TEST_CASE("a stub file is refused for writing and every database it lists is checked",
          "[e2e][database]") {
  TemporaryFolder home;
  write_brief(home / "briefs/a.txt", "Chad: Quokka Census", "Rangers counted quokkas.");
  REQUIRE(
      brief_index(home, {"--db", (home / "one").string(), (home / "briefs").string()}).exit_code ==
      0);
  {
    Xapian::WritableDatabase other((home / "other").string(), Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("quokkas");
    document.set_data("not a brief");
    other.add_document(document);
    other.commit();
  }
  std::ofstream(home / "stub") << "auto one\n";
  std::ofstream(home / "mixed") << "auto one\nauto other\n";
  std::ofstream(home / "broken") << "auto one\nauto missing\n";

  for (const std::vector<std::string>& mode : {std::vector<std::string>{}, {"--full"}}) {
    std::vector<std::string> arguments = {"--db", (home / "stub").string()};
    arguments.insert(arguments.end(), mode.begin(), mode.end());
    arguments.push_back((home / "briefs").string());
    const ProcessResult result = brief_index(home, arguments);
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("stub") && Catch::Contains("is a file"));
    CHECK(fs::is_regular_file(home / "stub"));
  }
  CHECK(count(home, home / "stub", "quokkas") == 1);

  const ProcessResult mixed = brief_search(home, {"--db", (home / "mixed").string(), "quokkas"});
  CHECK(mixed.exit_code == 3);
  CHECK_THAT(mixed.err, Catch::Contains((home / "mixed").string()) &&
                            Catch::Contains("'auto other'") &&
                            Catch::Contains("not a briefsearch database"));

  const ProcessResult broken = brief_search(home, {"--db", (home / "broken").string(), "quokkas"});
  CHECK(broken.exit_code == 3);
  CHECK_THAT(broken.err, Catch::Contains("stub file lists") && Catch::Contains("missing"));
  CHECK_THAT(broken.err, !Catch::Contains("brief-index --db " + (home / "broken").string()));
}

TEST_CASE("a read-only database folder is a database error, never 'locked'", "[e2e][database]") {
  TemporaryFolder home;
  write_brief(home / "briefs/a.txt", "Chad: Quokka Census", "Rangers counted quokkas.");
  REQUIRE(
      brief_index(home, {"--db", (home / "db").string(), (home / "briefs").string()}).exit_code ==
      0);
  fs::permissions(home.path(), fs::perms::others_exec | fs::perms::others_read,
                  fs::perm_options::add);
  for (const auto& entry : fs::recursive_directory_iterator(home.path())) {
    fs::permissions(entry.path(), fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
  }
  fs::permissions(home / "db", fs::perms::owner_write | fs::perms::group_write,
                  fs::perm_options::remove);
  for (const std::vector<std::string>& mode : {std::vector<std::string>{}, {"--full"}}) {
    std::vector<std::string> arguments = {"--db", (home / "db").string(), "--lock-timeout", "5"};
    arguments.insert(arguments.end(), mode.begin(), mode.end());
    arguments.push_back((home / "briefs").string());
    const ProcessResult result = brief_index_unprivileged(home, arguments);
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains((home / "db").string()) &&
                               Catch::Contains("cannot write") && !Catch::Contains("locked"));
  }
  fs::permissions(home / "db", fs::perms::owner_write, fs::perm_options::add);
  CHECK(count(home, home / "db", "quokkas") == 1);
}

TEST_CASE("staging folders of runs that are gone are removed, live ones kept", "[e2e][database]") {
  TemporaryFolder home;
  write_brief(home / "briefs/a.txt", "Chad: Quokka Census", "Rangers counted quokkas.");
  // A first --full killed before it made the database leaves shards and no database;
  // process 2^22 + 1 is above Linux's largest pid, so it is surely gone.
  const std::string dead = "db.staging-4194305";
  const std::string alive = "db.staging-" + std::to_string(::getpid());
  for (const std::string& name : {dead, dead + "-shard0", dead + "-shard1", alive}) {
    fs::create_directories(home / name / "x");
  }
  for (const std::vector<std::string>& mode : {std::vector<std::string>{"--full"}, {}}) {
    std::vector<std::string> arguments = {"--db", (home / "db").string()};
    arguments.insert(arguments.end(), mode.begin(), mode.end());
    arguments.push_back((home / "briefs").string());
    REQUIRE(brief_index(home, arguments).exit_code == 0);
    CHECK(names_in(home.path()) == std::vector<std::string>{"briefs", "db", alive});
    fs::create_directories(home / (dead + "-shard0"));
  }
}

TEST_CASE("two runs creating the same new database wait for each other", "[e2e][database]") {
  TemporaryFolder home;
  for (int i = 0; i < 40; ++i) {
    write_brief(home / "briefs" / ("b" + std::to_string(i) + ".txt"),
                "Chad: Census " + std::to_string(i), "Rangers counted quokkas.");
  }
  for (int round = 0; round < 4; ++round) {
    const fs::path database = home / ("db" + std::to_string(round));
    const std::vector<std::string> common = {"--db", database.string(), "--lock-timeout", "60",
                                             (home / "briefs").string()};
    std::vector<std::string> full = {kIndexBinary, "--full"};
    std::vector<std::string> incremental = {kIndexBinary};
    full.insert(full.end(), common.begin(), common.end());
    incremental.insert(incremental.end(), common.begin(), common.end());
    RunningProcess first(round % 2 == 0 ? full : incremental, isolated(home));
    RunningProcess second(round % 2 == 0 ? incremental : full, isolated(home));
    const ProcessResult one = first.wait();
    const ProcessResult two = second.wait();
    INFO(one.err << two.err);
    CHECK(one.exit_code == 0);
    CHECK(two.exit_code == 0);
    CHECK(count(home, database, "quokkas") == 40);
  }
}

#include "common/index/input_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "common/base/errors.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::TemporaryFolder;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& path) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "x";
}

std::vector<std::string> ids_of(const InputScan& scan) {
  std::vector<std::string> ids;
  for (const InputFile& file : scan.files) {
    ids.push_back(derived_brief_id(scan.root_of(file), file.absolute_path, 0));
  }
  return ids;
}

}  // namespace

TEST_CASE("folders are walked in path order, skipping what is not a brief", "[input_files]") {
  TemporaryFolder folder;
  const auto root = folder / "corpus";
  for (const char* name : {"b.txt", "a.md", "sub/c.jsonl", "sub/deeper/d.TXT", ".hidden.txt",
                           "notes.docx", "draft.txt~", "#e.txt#", ".git/config.txt", "f.swp"}) {
    touch(root / name);
  }
  fs::create_symlink(root / "b.txt", root / "link.txt");
  const InputScan scan = scan_inputs({root}, RootTable());
  CHECK(ids_of(scan) == std::vector<std::string>{"corpus/a.md", "corpus/b.txt",
                                                 "corpus/sub/c.jsonl", "corpus/sub/deeper/d.TXT"});
  CHECK(scan.skipped == 7);
  REQUIRE(scan.folders.size() == 1);
  CHECK(scan.folders[0].is_absolute());
  CHECK(scan.files[0].absolute_path.is_absolute());
  CHECK(scan.files[0].stat.size == 1);
  CHECK(scan.files[0].stat.modified_ns > 0);
  CHECK(scan.files[0].stat.changed_ns > 0);
  CHECK(scan.files[0].stat.inode > 0);
  CHECK(scan.roots_changed);
  CHECK(scan.errors.empty());
}

TEST_CASE("named files are their own roots; JSON Lines records get #LINE", "[input_files]") {
  TemporaryFolder folder;
  touch(folder / "x" / "export.jsonl");
  touch(folder / "y" / "export.jsonl");
  const InputScan scan =
      scan_inputs({folder / "x" / "export.jsonl", folder / "y" / "export.jsonl"}, RootTable());
  REQUIRE(scan.files.size() == 2);
  CHECK(scan.folders.empty());
  // Two named files of one name never share ids.
  CHECK(derived_brief_id(scan.root_of(scan.files[0]), scan.files[0].absolute_path, 12) ==
        "export.jsonl#12");
  CHECK(derived_brief_id(scan.root_of(scan.files[1]), scan.files[1].absolute_path, 12) ==
        "y/export.jsonl#12");
}

TEST_CASE("ids do not depend on how or in which order paths are named", "[input_files]") {
  TemporaryFolder folder;
  touch(folder / "2024/europe/weekly.txt");
  touch(folder / "2025/europe/weekly.txt");
  const InputScan both = scan_inputs({folder / "2025", folder / "2024"}, RootTable());
  CHECK(ids_of(both) ==
        std::vector<std::string>{"2024/europe/weekly.txt", "2025/europe/weekly.txt"});
  // A later run naming a subfolder, through "..", a trailing slash or a symlink, keeps them.
  fs::create_symlink(folder / "2025", folder / "link");
  const InputScan again =
      scan_inputs({folder / "2024/europe/../europe/", folder / "link/europe"}, both.roots);
  CHECK(ids_of(again) == ids_of(both));
  CHECK_FALSE(again.roots_changed);
  // A run with no paths walks the remembered roots.
  CHECK(ids_of(scan_inputs({}, both.roots)) == ids_of(both));
}

TEST_CASE("a folder named after one of its subfolders absorbs it", "[input_files]") {
  TemporaryFolder folder;
  touch(folder / "corpus/europe/a.txt");
  touch(folder / "corpus/asia/b.txt");
  const InputScan first = scan_inputs({folder / "corpus/europe"}, RootTable());
  CHECK(ids_of(first) == std::vector<std::string>{"europe/a.txt"});
  const InputScan second = scan_inputs({folder / "corpus"}, first.roots);
  CHECK(ids_of(second) == std::vector<std::string>{"corpus/asia/b.txt", "corpus/europe/a.txt"});
  REQUIRE(second.rederive.size() == 1);
  CHECK(second.rederive[0] == resolved_path(folder / "corpus/europe"));
  // Named the other way round, the same roots and ids.
  const InputScan reverse = scan_inputs({folder / "corpus"}, RootTable());
  CHECK(ids_of(scan_inputs({folder / "corpus/europe"}, reverse.roots)) ==
        std::vector<std::string>{"corpus/europe/a.txt"});
  CHECK(second.roots.roots() == reverse.roots.roots());
}

TEST_CASE("missing inputs and folders without briefs are usage errors", "[input_files]") {
  TemporaryFolder folder;
  CHECK_THROWS_WITH(scan_inputs({folder / "absent"}, RootTable()),
                    Catch::Contains("no such file or folder"));
  touch(folder / "empty" / "readme.docx");
  CHECK_THROWS_AS(scan_inputs({folder / "empty"}, RootTable()), UsageError);
  CHECK_THROWS_WITH(scan_inputs({}, RootTable()), Catch::Contains("no paths given"));
  fs::create_symlink(folder / "loop", folder / "loop");
  CHECK_THROWS_WITH(scan_inputs({folder / "loop"}, RootTable()),
                    Catch::Contains("loop") && Catch::Contains("symbolic links"));
}

TEST_CASE("remembered roots that are missing or empty are errors that keep their briefs",
          "[input_files]") {
  TemporaryFolder folder;
  touch(folder / "a/one.txt");
  touch(folder / "b/two.txt");
  const InputScan first = scan_inputs({folder / "a", folder / "b"}, RootTable());
  fs::remove_all(folder / "a");
  fs::remove(folder / "b/two.txt");
  touch(folder / "c/three.txt");
  const InputScan later = scan_inputs({}, first.roots);
  CHECK(later.files.empty());
  REQUIRE(later.errors.size() == 2);
  CHECK_THAT(later.errors[0].message, Catch::Contains("missing") && Catch::Contains("--forget"));
  CHECK_THAT(later.errors[1].message, Catch::Contains("no brief files"));
  CHECK(later.unreadable.size() == 2);
  CHECK(later.folders.empty());
}

TEST_CASE("symbolic link loops inside a folder are skipped with a warning", "[input_files]") {
  TemporaryFolder folder;
  touch(folder / "corpus/a.txt");
  fs::create_symlink("b.txt", folder / "corpus/b.txt");  // points at itself
  fs::create_symlink(folder / "corpus", folder / "corpus/sub.txt");
  const InputScan scan = scan_inputs({folder / "corpus"}, RootTable());
  CHECK(scan.files.size() == 1);
  CHECK(scan.skipped == 2);
  REQUIRE(scan.warnings.size() == 1);
  CHECK_THAT(scan.warnings[0].describe(), Catch::Contains("b.txt") && Catch::Contains("loop"));
}

TEST_CASE("an unreadable subfolder is an error and is never pruned", "[input_files]") {
  if (::geteuid() == 0) return;  // root reads everything; the e2e test runs this unprivileged
  TemporaryFolder folder;
  touch(folder / "corpus/a.txt");
  touch(folder / "corpus/locked/b.txt");
  fs::permissions(folder / "corpus/locked", fs::perms::none);
  const InputScan scan = scan_inputs({folder / "corpus"}, RootTable());
  fs::permissions(folder / "corpus/locked", fs::perms::owner_all);
  CHECK(scan.files.size() == 1);
  REQUIRE(scan.errors.size() == 1);
  CHECK_THAT(scan.errors[0].describe(), Catch::Contains("locked: cannot read folder"));
  REQUIRE(scan.unreadable.size() == 1);
}

TEST_CASE("a file root deleted from a folder that is still there is retired", "[input_files]") {
  TemporaryFolder folder;
  touch(folder / "exports/a.jsonl");
  touch(folder / "exports/b.jsonl");
  const InputScan first =
      scan_inputs({folder / "exports/a.jsonl", folder / "exports/b.jsonl"}, RootTable());
  fs::remove(folder / "exports/a.jsonl");
  const InputScan later = scan_inputs({}, first.roots);
  CHECK(later.errors.empty());
  REQUIRE(later.retired.size() == 1);
  CHECK(later.retired[0] == resolved_path(folder / "exports/a.jsonl"));
  CHECK(later.roots.roots().size() == 1);
  CHECK(later.roots_changed);
  // The whole folder gone may be an unmounted share: an error, nothing retired.
  fs::remove_all(folder / "exports");
  const InputScan gone = scan_inputs({}, later.roots);
  CHECK(gone.retired.empty());
  REQUIRE(gone.errors.size() == 1);
  CHECK_THAT(gone.errors[0].message, Catch::Contains("indexed file is missing"));
}

#include "common/input_files.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "common/errors.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::TemporaryFolder;

namespace {

void touch(const std::filesystem::path& path) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << "x";
}

}  // namespace

TEST_CASE("folders are walked in order, skipping what is not a brief", "[input_files]") {
  TemporaryFolder folder;
  const auto root = folder / "corpus";
  for (const char* name : {"b.txt", "a.md", "sub/c.jsonl", "sub/deeper/d.TXT", ".hidden.txt",
                           "notes.docx", "draft.txt~", "#e.txt#", ".git/config.txt", "f.swp"}) {
    touch(root / name);
  }
  std::filesystem::create_symlink(root / "b.txt", root / "link.txt");
  const InputScan scan = scan_inputs({root});
  std::vector<std::string> ids;
  for (const InputFile& file : scan.files) ids.push_back(derived_brief_id(file, 0));
  CHECK(ids == std::vector<std::string>{"a.md", "b.txt", "sub/c.jsonl", "sub/deeper/d.TXT"});
  CHECK(scan.skipped == 7);
  REQUIRE(scan.folders.size() == 1);
  CHECK(scan.folders[0].is_absolute());
  CHECK(scan.files[0].absolute_path.is_absolute());
  CHECK(scan.files[0].size == 1);
  CHECK(scan.files[0].modified_ns > 0);
}

TEST_CASE("named files use their folder as root; JSON Lines records get #LINE", "[input_files]") {
  TemporaryFolder folder;
  touch(folder / "x" / "export.jsonl");
  const InputScan scan = scan_inputs({folder / "x" / "export.jsonl"});
  REQUIRE(scan.files.size() == 1);
  CHECK(scan.folders.empty());
  CHECK(derived_brief_id(scan.files[0], 12) == "export.jsonl#12");
}

TEST_CASE("missing inputs and folders without briefs are usage errors", "[input_files]") {
  TemporaryFolder folder;
  CHECK_THROWS_WITH(scan_inputs({folder / "absent"}), Catch::Contains("no such file or folder"));
  touch(folder / "empty" / "readme.docx");
  CHECK_THROWS_AS(scan_inputs({folder / "empty"}), UsageError);
}

TEST_CASE("is_inside compares whole path components", "[input_files]") {
  CHECK(is_inside("/data/briefs/a.txt", "/data/briefs"));
  CHECK(is_inside("/data/briefs/a.txt", "/data/briefs/"));
  CHECK(is_inside("/data/briefs/x/y.txt", "/data/briefs"));
  CHECK_FALSE(is_inside("/data/briefs-old/a.txt", "/data/briefs"));
  CHECK_FALSE(is_inside("/data/briefs", "/data/briefs"));
}

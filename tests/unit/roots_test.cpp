#include "common/roots.h"

#include <catch2/catch.hpp>

#include "common/errors.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::TemporaryFolder;
namespace fs = std::filesystem;

TEST_CASE("root labels are names, qualified only as far as needed", "[roots]") {
  TemporaryFolder home;
  for (const char* folder : {"x/corpus", "y/corpus", "x/other", "deep/y/corpus"}) {
    fs::create_directories(home / folder);
  }
  RootTable table;
  CHECK(table.add(home / "x/corpus", true).covering.label == "corpus");
  CHECK(table.add(home / "y/corpus", true).covering.label == "y/corpus");
  CHECK(table.add(home / "deep/y/corpus", true).covering.label == "deep/y/corpus");
  CHECK(table.add(home / "x/other", true).covering.label == "other");
  // Labels stay as they were: adding roots never changes existing ids.
  CHECK(table.root_for(home / "x/corpus/a.txt")->label == "corpus");
  CHECK(table.add(home / "x/corpus/europe", true).covering.label == "corpus");
}

TEST_CASE("derived ids: label, path below the root, #LINE", "[roots]") {
  const Root folder{"/data/briefs", "briefs", true};
  const Root file{"/data/one.jsonl", "one.jsonl", false};
  CHECK(derived_brief_id(folder, "/data/briefs/europe/a.txt", 0) == "briefs/europe/a.txt");
  CHECK(derived_brief_id(folder, "/data/briefs/export.jsonl", 3) == "briefs/export.jsonl#3");
  CHECK(derived_brief_id(file, "/data/one.jsonl", 12) == "one.jsonl#12");
}

TEST_CASE("a root that moved hands its label to the new place", "[roots]") {
  TemporaryFolder home;
  fs::create_directories(home / "old/corpus");
  fs::create_directories(home / "new/corpus");
  RootTable table;
  (void)table.add(home / "old/corpus", true);
  fs::remove_all(home / "old");
  const RootChange change = table.add(home / "new/corpus", true);
  CHECK(change.covering.label == "corpus");
  REQUIRE(change.moved_from.has_value());
  CHECK(change.moved_from->path == home / "old/corpus");
  CHECK(table.roots().size() == 1);
}

TEST_CASE("a folder root absorbs the roots inside it", "[roots]") {
  RootTable table;
  (void)table.add("/data/corpus/europe", true);
  (void)table.add("/data/corpus/asia/one.txt", false);
  (void)table.add("/data/other", true);
  const RootChange change = table.add("/data/corpus", true);
  CHECK(change.absorbed.size() == 2);
  CHECK(table.roots().size() == 2);
  CHECK(table.root_for("/data/corpus/asia/one.txt")->path == "/data/corpus");
}

TEST_CASE("the root table round-trips, and damage is an error", "[roots]") {
  RootTable table;
  (void)table.add("/data/corpus", true);
  (void)table.add("/data/one.jsonl", false);
  const RootTable back = RootTable::decode(table.encode());
  CHECK(back.roots() == table.roots());
  CHECK(RootTable::decode("").roots().empty());
  const std::string stored = table.encode();
  CHECK_THROWS_AS(RootTable::decode(stored.substr(0, stored.size() - 1)), DatabaseError);
  CHECK_THROWS_AS(RootTable::decode("x"), DatabaseError);
}

TEST_CASE("keep_related and remove_within select by whole path components", "[roots]") {
  RootTable table;
  (void)table.add("/data/a", true);
  (void)table.add("/data/ab", true);
  (void)table.add("/data/c/x.txt", false);
  RootTable kept = table;
  kept.keep_related({"/data/a/sub"});
  REQUIRE(kept.roots().size() == 1);
  CHECK(kept.roots()[0].path == "/data/a");
  CHECK(table.remove_within("/data/c").size() == 1);
  CHECK(table.roots().size() == 2);
  CHECK(is_inside("/data/briefs/a.txt", "/data/briefs"));
  CHECK(is_inside("/data/briefs/a.txt", "/data/briefs/"));
  CHECK_FALSE(is_inside("/data/briefs-old/a.txt", "/data/briefs"));
  CHECK_FALSE(is_inside("/data/briefs", "/data/briefs"));
  CHECK(is_within("/data/briefs", "/data/briefs"));
}

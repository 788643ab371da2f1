#include "common/store/roots.h"

#include <catch2/catch.hpp>
#include <set>

#include "common/base/errors.h"
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

TEST_CASE("a root that moved hands its label to the new place, on evidence only", "[roots]") {
  TemporaryFolder home;
  fs::create_directories(home / "old/corpus");
  fs::create_directories(home / "new/corpus");
  RootTable table;
  (void)table.add(home / "old/corpus", true);
  fs::remove_all(home / "old");
  // Without evidence that its files are there, a folder of the same name is another root.
  RootTable unrelated = table;
  const RootChange other =
      unrelated.add(home / "new/corpus", true, [](const Root&, const fs::path&) { return false; });
  CHECK_FALSE(other.moved_from.has_value());
  CHECK(other.covering.label == "new/corpus");
  CHECK(unrelated.roots().size() == 2);
  const RootChange change =
      table.add(home / "new/corpus", true, [&](const Root& missing, const fs::path& path) {
        return missing.path == home / "old/corpus" && path == home / "new/corpus";
      });
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

TEST_CASE("no label is a leading part of another, so derived ids never collide", "[roots]") {
  TemporaryFolder home;
  for (const char* folder : {"x/corpus", "y/corpus", "other/x/corpus", "z/x"}) {
    fs::create_directories(home / folder);
  }
  RootTable table;
  CHECK(table.add(home / "y/corpus", true).covering.label == "corpus");
  // "x/corpus" would be the ids of a root labelled "x" below, so it goes one level up.
  CHECK(table.add(home / "other/x", true).covering.label == "x");
  CHECK(table.add(home / "x/corpus", true).covering.label ==
        home.path().filename().string() + "/x/corpus");
  // And the other way round: "x" is a leading part of an existing "x/..." label.
  RootTable other;
  CHECK(other.add(home / "y/corpus", true).covering.label == "corpus");
  CHECK(other.add(home / "x/corpus", true).covering.label == "x/corpus");
  CHECK(other.add(home / "z/x", true).covering.label == "z/x");
  std::set<std::string> ids;
  for (const RootTable* t : {&table, &other}) {
    for (const Root& root : t->roots())
      ids.insert(derived_brief_id(root, root.path / "corpus/a.txt", 0));
    CHECK(ids.size() == t->roots().size());
    ids.clear();
  }
}

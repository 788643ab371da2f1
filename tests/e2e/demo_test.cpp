// scripts/demo, with the binaries already built: on a fresh home it indexes corpus/ into the
// default database and runs its examples; when that database is of an older schema it says
// why and what to do, leaves it as it is, and runs its examples on a database of its own.
#include <xapian.h>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;

namespace {

const std::filesystem::path kRepository = kCorpus.parent_path();
// The build the binaries are in: BUILD/indexer/brief-index.
const std::filesystem::path kBuild =
    std::filesystem::path(kIndexBinary).parent_path().parent_path();

ProcessResult demo(const TemporaryFolder& home) {
  ProcessOptions options = isolated(home);
  options.environment["BUILD_DIR"] = kBuild.string();
  return run_process({(kRepository / "scripts" / "demo").string(), "--skip-build"}, options);
}

std::string schema_version(const std::filesystem::path& database) {
  return Xapian::Database(database.string()).get_metadata("briefsearch.schema_version");
}

}  // namespace

TEST_CASE("the demo indexes corpus/ into the default database, and never rebuilds one",
          "[e2e][demo]") {
  TemporaryFolder home;
  const std::filesystem::path default_db = home / ".local/share/briefsearch/index";
  const std::filesystem::path demo_db = home / ".local/share/briefsearch/demo-index";
  const ProcessResult fresh = demo(home);
  INFO(fresh.err);
  REQUIRE(fresh.exit_code == 0);
  CHECK_THAT(fresh.out, Catch::Contains("== brief-search --limit 3 houthi shipping\n1. ") &&
                            Catch::Contains("corpus/ is in the default database (" +
                                            default_db.string() + ")"));
  // As README says: after the demo, a plain search finds corpus/.
  CHECK(brief_search(home, {"houthi", "shipping"}).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(demo_db));

  // An older briefsearch wrote the default database: it may hold the user's own briefs.
  const std::string stored = schema_version(default_db);
  {
    Xapian::WritableDatabase database(default_db.string(), Xapian::DB_OPEN);
    database.set_metadata("briefsearch.schema_version", "4");
    database.commit();
  }
  const ProcessResult older = demo(home);
  INFO(older.err);
  CHECK(older.exit_code == 0);
  CHECK_THAT(older.err,
             Catch::Contains("schema version 4") &&
                 Catch::Contains("demo: brief-index could not add corpus/ to the default "
                                 "database " +
                                 default_db.string()) &&
                 Catch::Contains("/brief-index --full\n") &&
                 Catch::Contains("rm -r '" + default_db.string() + "'") &&
                 Catch::Contains("search a database of corpus/ alone: " + demo_db.string()));
  // The examples ran, on the demo's own database, and the user's was left alone.
  CHECK_THAT(older.out, Catch::Contains("== brief-search --limit 3 houthi shipping\n1. ") &&
                            Catch::Contains("--db " + demo_db.string() + " houthi shipping"));
  CHECK(schema_version(default_db) == "4");
  CHECK(schema_version(demo_db) == stored);
  CHECK(brief_search(home, {"--db", demo_db.string(), "houthi"}).exit_code == 0);
}

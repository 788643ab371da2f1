#include "common/store/reopen_retry.h"

#include <catch2/catch.hpp>

#include "common/base/errors.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;
using briefsearch::testing::TemporaryFolder;

namespace {

// No pauses: the tests count attempts, they do not wait for them.
const ReopenPolicy kQuick{4, std::chrono::milliseconds(0), std::chrono::milliseconds(0)};

// A database with a writer beside it, as brief-index runs beside brief-search.
class WrittenDatabase {
 public:
  WrittenDatabase() : writer_((folder_ / "db").string(), Xapian::DB_CREATE) { commit(); }

  // A new revision, as a writer's commit makes.
  void commit() {
    writer_.add_document(Xapian::Document());
    writer_.commit();
  }
  [[nodiscard]] Xapian::Database reader() const {
    return Xapian::Database((folder_ / "db").string());
  }

 private:
  TemporaryFolder folder_;
  Xapian::WritableDatabase writer_;
};

}  // namespace

TEST_CASE("a read a writer overtakes starts over on the latest revision", "[store][reopen]") {
  WrittenDatabase written;
  Xapian::Database reader = written.reader();
  int attempts = 0;
  Xapian::doccount seen = 0;
  reopen_and_retry(
      reader,
      [&] {
        seen = reader.get_doccount();
        // The writer moves on during the first two attempts.
        if (++attempts <= 2) {
          written.commit();
          throw Xapian::DatabaseModifiedError("The revision being read has been discarded");
        }
      },
      false, {}, kQuick);
  CHECK(attempts == 3);
  CHECK(seen == 3);  // read at the revision of the second commit
}

TEST_CASE("a block error counts as the writer moving on only when the revision moved",
          "[store][reopen]") {
  WrittenDatabase written;
  Xapian::Database reader = written.reader();
  int attempts = 0;
  // A reused block read as a corrupt one, while the writer committed: retried.
  reopen_and_retry(
      reader,
      [&] {
        if (++attempts == 1) {
          written.commit();
          throw Xapian::DatabaseCorruptError("Expected block 12 to be level 2, not 0");
        }
      },
      false, {}, kQuick);
  CHECK(attempts == 2);
  // The same error with the revision unchanged is a corrupt database: it passes through.
  attempts = 0;
  CHECK_THROWS_AS(reopen_and_retry(
                      reader,
                      [&] {
                        ++attempts;
                        throw Xapian::DatabaseCorruptError("Expected block 12 to be level 2");
                      },
                      false, {}, kQuick),
                  Xapian::DatabaseCorruptError);
  CHECK(attempts == 1);
  // Errors that are not the database's pass through at once.
  CHECK_THROWS_AS(reopen_and_retry(
                      reader, [] { throw QueryError("bad"); }, false, {}, kQuick),
                  QueryError);
}

TEST_CASE("a reader overtaken every time, or after its hits went out, gives up with exit 75",
          "[store][reopen]") {
  WrittenDatabase written;
  Xapian::Database reader = written.reader();
  int attempts = 0;
  const auto always_overtaken = [&] {
    ++attempts;
    written.commit();
    throw Xapian::DatabaseModifiedError("The revision being read has been discarded");
  };
  try {
    reopen_and_retry(reader, always_overtaken, false, {}, kQuick);
    FAIL("no error");
  } catch (const DatabaseChangingError& error) {
    CHECK(error.exit_code() == kExitTemporaryFailure);
    CHECK_THAT(error.what(), Catch::StartsWith("the index kept changing while it was read (4 "
                                               "attempts in "));
  }
  CHECK(attempts == kQuick.attempts);

  attempts = 0;
  CHECK_THROWS_WITH(reopen_and_retry(
                        reader, always_overtaken, false, [] { return false; }, kQuick),
                    "the index changed while the hits were being written; search again");
  CHECK(attempts == 1);
}

TEST_CASE("a long-lived reader reads the latest revision when asked to reopen first",
          "[store][reopen]") {
  WrittenDatabase written;
  Xapian::Database reader = written.reader();
  written.commit();
  Xapian::doccount seen = 0;
  reopen_and_retry(
      reader, [&] { seen = reader.get_doccount(); }, false, {}, kQuick);
  CHECK(seen == 1);
  reopen_and_retry(
      reader, [&] { seen = reader.get_doccount(); }, true, {}, kQuick);
  CHECK(seen == 2);
}

TEST_CASE("retries pause longer each time, up to the longest pause", "[store][reopen]") {
  // Eight attempts with pauses of at most 2 ms each: all of them are made.
  const ReopenPolicy policy{8, std::chrono::milliseconds(1), std::chrono::milliseconds(2)};
  WrittenDatabase written;
  Xapian::Database reader = written.reader();
  int attempts = 0;
  reopen_and_retry(
      reader,
      [&] {
        if (++attempts < 8) {
          written.commit();
          throw Xapian::DatabaseModifiedError("discarded");
        }
      },
      false, {}, policy);
  CHECK(attempts == 8);
}

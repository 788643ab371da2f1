// Reading a database while a writer commits to it. A Xapian reader sees the revision it
// opened; once the writer has committed twice more it reuses the blocks of that revision,
// and a reader still on it fails, with DatabaseModifiedError ("The revision being read has
// been discarded") or, when it meets a reused block before Xapian notices, with a
// DatabaseCorruptError such as "Expected block 12 to be level 2, not 0". Both mean: reopen
// at the latest revision and read again (Xapian's Database::reopen documentation).
#pragma once

#include <xapian.h>

#include <chrono>
#include <functional>

namespace briefsearch {

// How often reopen_and_retry reads again, and how long it pauses between attempts: no pause
// before the second attempt, first_pause before the third, doubling up to longest_pause,
// each pause drawn between half and all of it so that readers and a writer committing at
// a steady rate fall out of step. The defaults give a reader 2 to 4 s of retries: a
// nightly run committing every 500 briefs commits a few times a second, and a search
// needs one commit interval to itself (docs/reliability.md measures it).
struct ReopenPolicy {
  int attempts = 16;
  std::chrono::milliseconds first_pause{5};
  std::chrono::milliseconds longest_pause{500};
};

// Runs read against database, reopening first when reopen_first (a long-lived reader such
// as brief-search --batch would otherwise read the revision it opened until a writer
// discards it). When read fails because a writer moved on (DatabaseModifiedError, or any
// other Xapian::DatabaseError after which reopen() finds a new revision), reopens and runs
// read again, up to policy.attempts times in all, unless may_retry returns false (what read
// has done cannot be undone, such as hits written). An error that is not a writer moving on
// (the revision is the same, or the database cannot be reopened) passes through unchanged,
// as does any other exception of read. Throws DatabaseChangingError when the last attempt
// failed, or when may_retry forbade another.
void reopen_and_retry(Xapian::Database& database, const std::function<void()>& read,
                      bool reopen_first = false, const std::function<bool()>& may_retry = {},
                      const ReopenPolicy& policy = {});

}  // namespace briefsearch

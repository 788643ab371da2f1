#include "common/store/reopen_retry.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

#include "common/base/errors.h"

namespace briefsearch {
namespace {

// The pause before attempt (counted from 1): none before the second, then first_pause
// doubling up to longest_pause, drawn between half and all of it.
std::chrono::milliseconds pause_before(int attempt, const ReopenPolicy& policy) {
  if (attempt <= 2) return std::chrono::milliseconds(0);
  std::chrono::milliseconds pause = policy.first_pause;
  for (int i = 3; i < attempt && pause < policy.longest_pause; ++i) pause *= 2;
  pause = std::min(pause, policy.longest_pause);
  thread_local std::minstd_rand random(std::random_device{}());
  std::uniform_int_distribution<long long> draw(pause.count() / 2, pause.count());
  return std::chrono::milliseconds(draw(random));
}

// Whether another database error than DatabaseModifiedError (a reused block read as a
// corrupt one) came from a writer moving on: reopening finds a new revision. A database
// that cannot even be reopened did not merely move on.
bool reopened_at_new_revision(Xapian::Database& database) {
  try {
    return database.reopen();
  } catch (const Xapian::Error&) {
    return false;
  }
}

}  // namespace

void reopen_and_retry(Xapian::Database& database, const std::function<void()>& read,
                      bool reopen_first, const std::function<bool()>& may_retry,
                      const ReopenPolicy& policy) {
  if (reopen_first) database.reopen();
  const auto started = std::chrono::steady_clock::now();
  for (int attempt = 1;; ++attempt) {
    try {
      read();
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      // Xapian's own word for a writer moving on.
    } catch (const Xapian::DatabaseError&) {
      if (!reopened_at_new_revision(database)) throw;
    }
    if (may_retry && !may_retry()) {
      throw DatabaseChangingError(
          "the index changed while the hits were being written; search again");
    }
    if (attempt >= policy.attempts) {
      const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.1f", spent.count());
      throw DatabaseChangingError("the index kept changing while it was read (" +
                                  std::to_string(attempt) + " attempts in " + seconds +
                                  " s): a writer commits faster than this search can read; "
                                  "try again");
    }
    std::this_thread::sleep_for(pause_before(attempt + 1, policy));
    database.reopen();
  }
}

}  // namespace briefsearch

#include "common/full_rebuild.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "common/database.h"
#include "common/errors.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

Xapian::WritableDatabase lock_live(const fs::path& path, std::chrono::milliseconds lock_timeout) {
  return open_when_unlocked(
      [&] {
        try {
          return Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN);
        } catch (const Xapian::DatabaseLockError&) {
          throw;
        } catch (const Xapian::Error& error) {
          throw DatabaseError(path.string() +
                              ": exists but is not a database that can be rebuilt (" +
                              error.get_description() + "); move it away first");
        }
      },
      path, lock_timeout);
}

}  // namespace

FullRebuild::FullRebuild(fs::path path, std::chrono::milliseconds lock_timeout)
    : path_(std::move(path)), staging_path_(staging_path_for(path_)) {
  std::error_code error;
  if (path_.has_parent_path()) fs::create_directories(path_.parent_path(), error);
  const bool live_exists = fs::exists(path_, error);
  if (live_exists && !fs::is_empty(path_, error)) live_.emplace(lock_live(path_, lock_timeout));
  if (live_) remove_abandoned_staging(path_);
  fs::remove_all(staging_path_, error);
}

FullRebuild::~FullRebuild() {
  if (swapped_) return;
  std::error_code ignored;
  fs::remove_all(staging_path_, ignored);
}

void FullRebuild::swap_in() {
  std::error_code error;
  if (!fs::exists(path_, error)) {
    if (::rename(staging_path_.c_str(), path_.c_str()) != 0) {
      throw DatabaseError(path_.string() +
                          ": cannot move the rebuilt database into place: " + std::strerror(errno));
    }
  } else if (::renameat2(AT_FDCWD, staging_path_.c_str(), AT_FDCWD, path_.c_str(),
                         RENAME_EXCHANGE) != 0) {
    throw DatabaseError(path_.string() +
                        ": cannot swap in the rebuilt database: " + std::strerror(errno));
  }
  swapped_ = true;
  // The old database now sits at the staging name. Readers that still have it open keep
  // their open files; new readers open the new one.
  if (live_) live_->close();
  fs::remove_all(staging_path_, error);
}

}  // namespace briefsearch

#include "common/index/full_rebuild.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/base/errors.h"
#include "common/store/database.h"

namespace briefsearch {

FullRebuild::FullRebuild(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout,
                         const std::atomic<bool>* stop_requested)
    : path_(writable_database_path(path)), staging_path_(staging_path_for(path_)) {
  live_.emplace(create_and_lock(path_, lock_timeout, stop_requested));
  remove_abandoned_staging(path_);
  std::error_code ignored;
  std::filesystem::remove_all(staging_path_, ignored);
}

FullRebuild::~FullRebuild() {
  if (swapped_) return;
  std::error_code ignored;
  std::filesystem::remove_all(staging_path_, ignored);
}

namespace {

// The rebuilt database takes the live one's permissions, and, when we may, its owner and
// group: a private index stays private, and one rebuilt by root stays its owner's.
void copy_access(const std::filesystem::path& from, const std::filesystem::path& to) {
  struct stat live {};
  if (::stat(from.c_str(), &live) != 0) return;
  const bool may_chown = ::geteuid() == 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(to, error)) {
    // Files get the folder's permission bits less execute and the special bits.
    ::chmod(entry.path().c_str(), live.st_mode & 0666);
    if (may_chown) (void)::lchown(entry.path().c_str(), live.st_uid, live.st_gid);
  }
  ::chmod(to.c_str(), live.st_mode & 07777);
  if (may_chown) (void)::chown(to.c_str(), live.st_uid, live.st_gid);
}

}  // namespace

void FullRebuild::swap_in() {
  std::error_code error;
  copy_access(path_, staging_path_);
  if (::renameat2(AT_FDCWD, staging_path_.c_str(), AT_FDCWD, path_.c_str(), RENAME_EXCHANGE) != 0) {
    const int reason = errno;
    throw DatabaseError(path_.string() +
                        ": cannot swap in the rebuilt database: " + std::strerror(reason) +
                        (reason == EBUSY ? " (a mount point: keep the database in a folder inside "
                                           "the mounted file system)"
                                         : ""));
  }
  swapped_ = true;
  // The old database now sits at the staging name. Readers that still have it open keep
  // their open files; new readers open the new one. Whatever else the folder held (the
  // lost+found of a file system made for it) goes along with the database.
  for (const auto& entry : std::filesystem::directory_iterator(staging_path_, error)) {
    const std::string name = entry.path().filename().string();
    if (is_database_file(name)) continue;
    std::error_code ignored;
    std::filesystem::rename(entry.path(), path_ / name, ignored);
  }
  live_->close();
  std::filesystem::remove_all(staging_path_, error);
}

}  // namespace briefsearch

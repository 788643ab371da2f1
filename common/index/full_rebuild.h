// Rebuilding a database from scratch without readers ever seeing it half built: the new
// database is written beside the live one and exchanged with it in one rename.
#pragma once

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>

namespace briefsearch {

class FullRebuild {
 public:
  // Takes the write lock on the live database at path (of any schema version: rebuilding
  // is how an old database is upgraded; an empty one is created first when there is none,
  // so the lock also covers creation), waiting up to lock_timeout, and removes staging
  // folders left by killed runs. A symlinked path is followed: the real database is
  // rebuilt in its own folder. Throws DatabaseLockedError, StoppedError when
  // *stop_requested is set while it waits for the lock, or DatabaseError when path holds
  // something that is not a database (a stub file among them).
  FullRebuild(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout,
              const std::atomic<bool>* stop_requested = nullptr);
  // Removes the staging folder unless swap_in() succeeded.
  ~FullRebuild();
  FullRebuild(const FullRebuild&) = delete;
  FullRebuild& operator=(const FullRebuild&) = delete;

  // The real database folder being rebuilt (symlinks followed).
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // The live database, open for its lock (of any schema version; empty when new).
  [[nodiscard]] const Xapian::WritableDatabase& live() const { return *live_; }

  // Where to build the replacement; it does not exist yet.
  [[nodiscard]] const std::filesystem::path& staging_path() const { return staging_path_; }

  // Puts the complete, closed replacement in place of the live database atomically
  // (renameat2 RENAME_EXCHANGE), then deletes the old one. Throws DatabaseError.
  void swap_in();

 private:
  std::filesystem::path path_;
  std::filesystem::path staging_path_;
  std::optional<Xapian::WritableDatabase> live_;  // held for its lock only; set once built
  bool swapped_ = false;
};

}  // namespace briefsearch

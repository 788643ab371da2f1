#include "common/store/database.h"

#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "common/base/errors.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

void record_versions(Xapian::WritableDatabase& database) {
  database.set_metadata(std::string(kSchemaVersionKey), std::to_string(kSchemaVersion));
  database.set_metadata(std::string(kAnalyserVersionKey), std::to_string(kAnalyserVersion));
}

bool is_empty_folder(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error) && std::filesystem::is_empty(path, error) &&
         !error;
}

// Xapian reports a lock file it cannot create (a read-only folder or file system) with the
// same DatabaseLockError as a lock another writer holds; only the second is worth waiting
// for. The message "already locked" is the one glass and chert give for a held lock.
void rethrow_unless_held_by_another_writer(const Xapian::DatabaseLockError& error,
                                           const std::filesystem::path& path) {
  if (::access(path.c_str(), W_OK) != 0) {
    throw DatabaseError(path.string() + ": cannot write to the database: " + std::strerror(errno));
  }
  if (error.get_msg().find("already locked") == std::string::npos) {
    throw DatabaseError(path.string() + ": cannot write to the database: " + error.get_msg());
  }
}

// A new database is built under a staging name and renamed into place, so a run killed
// while creating it never leaves a folder that is not a database at the path.
// rename(2) also replaces an empty folder, so a folder made beforehand for the database
// becomes it in one step.
void create_in_place(const std::filesystem::path& path) {
  const std::filesystem::path staging = staging_path_for(path);
  try {
    create_database(staging).close();
  } catch (const DatabaseError& error) {
    // A full disk or a read-only folder: nothing is left behind, and the message names the
    // database asked for, not the staging folder.
    std::error_code ignored;
    std::filesystem::remove_all(staging, ignored);
    std::string message = error.what();
    if (message.starts_with(staging.string())) message.replace(0, staging.string().size(), path);
    throw DatabaseError(message);
  }
  if (::rename(staging.c_str(), path.c_str()) != 0) {
    const int rename_error = errno;
    std::error_code ignored;
    std::filesystem::remove_all(staging, ignored);
    // The empty folder is a mount point or on another device: create the database inside it.
    if ((rename_error == EXDEV || rename_error == EBUSY) && is_empty_folder(path)) {
      create_database(path).close();
    }
    // Otherwise another run created it first, which is as good.
  }
}

// What a folder that is not (yet) a database holds: nothing, only what a freshly made
// file system has (lost+found, dot files: the folder is a mount point), or other files.
enum class FolderKind { kDatabase, kEmpty, kFreshMount, kOther };

FolderKind folder_kind(const std::filesystem::path& path) {
  std::error_code error;
  bool only_fresh = true;
  bool any = false;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    const std::string name = entry.path().filename().string();
    // The version files of Xapian's backends, and the file of a database being created.
    if (is_database_version_file(name)) {
      return FolderKind::kDatabase;
    }
    any = true;
    if (name != "lost+found" && !name.starts_with(".")) only_fresh = false;
  }
  if (error) return FolderKind::kDatabase;  // let Xapian say what is wrong
  if (!any) return FolderKind::kEmpty;
  return only_fresh ? FolderKind::kFreshMount : FolderKind::kOther;
}

// Makes sure path holds a database, creating one where there is none: a missing path or
// an empty folder gets one renamed into place, a fresh mount point one made inside it.
// A folder of other files is refused before Xapian puts a lock file into it.
void ensure_database(const std::filesystem::path& path) {
  std::error_code ignored;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
  if (!std::filesystem::exists(path, ignored)) {
    create_in_place(path);
    return;
  }
  if (!std::filesystem::is_directory(path, ignored)) return;
  switch (folder_kind(path)) {
    case FolderKind::kDatabase:
      return;
    case FolderKind::kEmpty:
      create_in_place(path);
      return;
    case FolderKind::kFreshMount:
      create_database(path).close();
      return;
    case FolderKind::kOther:
      throw DatabaseError(path.string() +
                          ": folder holds other files and no database; give an empty or new "
                          "folder with --db");
  }
}

Xapian::WritableDatabase open_for_writing_once(const std::filesystem::path& path) {
  try {
    ensure_database(path);
    Xapian::WritableDatabase database(path.string(), Xapian::DB_OPEN);
    remove_abandoned_staging(path);
    if (database.get_doccount() == 0 &&
        database.get_metadata(std::string(kSchemaVersionKey)).empty()) {
      record_versions(database);
      database.commit();
    }
    check_versions(database, path.string(), rebuild_hint(path));
    return database;
  } catch (const Xapian::DatabaseLockError& error) {
    rethrow_unless_held_by_another_writer(error, path);
    throw;  // open_when_unlocked waits and reports it
  } catch (const Xapian::Error& error) {
    throw DatabaseError(path.string() +
                        ": cannot open database for writing: " + error.get_description());
  }
}

}  // namespace

std::string rebuild_hint(const std::filesystem::path& path) {
  return "rebuild it with: brief-index --full --db " + path.string() + " CORPUS";
}

void check_versions(const Xapian::Database& database, const std::string& name,
                    const std::string& hint) {
  const std::string stored = database.get_metadata(std::string(kSchemaVersionKey));
  if (stored.empty()) {
    throw DatabaseError(name + ": not a briefsearch database (no schema version); " + hint);
  }
  if (stored != std::to_string(kSchemaVersion)) {
    throw DatabaseError(name + ": schema version " + stored + ", this program needs " +
                        std::to_string(kSchemaVersion) + "; " + hint);
  }
  const std::string analyser = database.get_metadata(std::string(kAnalyserVersionKey));
  if (analyser != std::to_string(kAnalyserVersion)) {
    throw DatabaseError(name + ": terms written by analyser version " +
                        (analyser.empty() ? "(none recorded)" : analyser) +
                        ", this program needs " + std::to_string(kAnalyserVersion) + "; " + hint);
  }
}

bool is_database_version_file(std::string_view name) {
  return name == "iamglass" || name == "iamchert" || name == "iamhoney";
}

bool is_database_file(std::string_view name) {
  return is_database_version_file(name) || name == "flintlock" || name.ends_with(".glass") ||
         name.ends_with(".DB") || name.ends_with(".baseA") || name.ends_with(".baseB");
}

bool holds_database(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error) && folder_kind(path) == FolderKind::kDatabase;
}

std::filesystem::path staging_path_for(const std::filesystem::path& path) {
  std::filesystem::path staging = path;
  staging += std::string(kStagingInfix) + std::to_string(::getpid());
  return staging;
}

std::optional<pid_t> staging_owner(const std::filesystem::path& path,
                                   const std::filesystem::path& candidate) {
  const std::string prefix = path.filename().string() + std::string(kStagingInfix);
  const std::string name = candidate.filename().string();
  if (!name.starts_with(prefix)) return std::nullopt;
  // "index.staging-1234" or a shard of it, "index.staging-1234-shard0".
  const char* first = name.data() + prefix.size();
  const char* last = name.data() + name.size();
  pid_t owner = 0;
  const auto [end, error] = std::from_chars(first, last, owner);
  if (error != std::errc() || end == first || owner <= 0) return std::nullopt;
  if (end != last && *end != '-') return std::nullopt;
  return owner;
}

void remove_abandoned_staging(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const auto owner = staging_owner(path, entry.path());
    if (!owner || *owner == ::getpid()) continue;
    // A run that is still alive (creating a database before taking its lock) keeps its own.
    if (::kill(*owner, 0) == 0 || errno == EPERM) continue;
    std::filesystem::remove_all(entry.path(), error);
  }
}

std::filesystem::path normal_database_path(const std::filesystem::path& path) {
  std::filesystem::path normal = path.lexically_normal();
  // "db/" and "db/." name the folder db; its staging folders go beside it, not inside.
  while (!normal.has_filename() && normal.has_parent_path() && normal != normal.root_path()) {
    normal = normal.parent_path();
  }
  if (normal.empty()) normal = ".";
  return normal;
}

std::filesystem::path resolve_database_path(const std::optional<std::string>& command_line_path) {
  if (command_line_path && !command_line_path->empty()) {
    return normal_database_path(*command_line_path);
  }
  if (const char* from_environment = std::getenv("BRIEF_DB");
      from_environment && *from_environment) {
    return normal_database_path(from_environment);
  }
  if (const char* data_home = std::getenv("XDG_DATA_HOME"); data_home && *data_home) {
    return std::filesystem::path(data_home) / "briefsearch" / "index";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".local" / "share" / "briefsearch" / "index";
  }
  throw UsageError("no database given: use --db DIR or set BRIEF_DB");
}

std::filesystem::path writable_database_path(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  fs::path resolved = normal_database_path(path);
  // Follow a chain of symlinks to the folder they name; the link itself stays as it is.
  for (int hops = 0;; ++hops) {
    std::error_code error;
    const fs::file_status status = fs::symlink_status(resolved, error);
    if (!fs::is_symlink(status)) break;
    if (hops == 40) throw DatabaseError(path.string() + ": too many levels of symbolic links");
    fs::path target = fs::read_symlink(resolved, error);
    if (error)
      throw DatabaseError(path.string() + ": cannot read symbolic link: " + error.message());
    if (target.is_relative()) target = resolved.parent_path() / target;
    resolved = normal_database_path(target);
  }
  std::error_code error;
  const fs::file_status status = fs::status(resolved, error);
  if (fs::exists(status) && !fs::is_directory(status)) {
    if (fs::is_regular_file(status)) {
      throw DatabaseError(resolved.string() +
                          ": is a file, not a database folder (a Xapian stub file lists "
                          "databases for searching; brief-index writes one database: give "
                          "its folder with --db)");
    }
    throw DatabaseError(resolved.string() + ": is not a database folder");
  }
  return resolved;
}

Xapian::WritableDatabase create_database(const std::filesystem::path& path, int extra_flags) {
  try {
    Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE | extra_flags);
    record_versions(database);
    database.commit();
    return database;
  } catch (const Xapian::Error& error) {
    throw DatabaseError(path.string() + ": cannot create database: " + error.get_description());
  }
}

Xapian::WritableDatabase open_when_unlocked(const std::function<Xapian::WritableDatabase()>& open,
                                            const std::filesystem::path& path,
                                            std::chrono::milliseconds lock_timeout,
                                            const std::atomic<bool>* stop_requested) {
  const auto deadline = std::chrono::steady_clock::now() + lock_timeout;
  const auto stopping = [&] { return stop_requested != nullptr && stop_requested->load(); };
  while (true) {
    try {
      return open();
    } catch (const Xapian::DatabaseLockError&) {
      if (stopping()) {
        throw StoppedError(path.string() +
                           ": stopped while waiting for another brief-index run to release "
                           "the database; nothing was changed");
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        throw DatabaseLockedError(path.string() +
                                  ": database is locked by another brief-index run; try again "
                                  "later or wait with --lock-timeout SECONDS");
      }
      // Short sleeps, so that a stop request is seen at once.
      const auto wake = std::min(deadline, std::chrono::steady_clock::now() + kLockRetryInterval);
      while (!stopping() && std::chrono::steady_clock::now() < wake) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
  }
}

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path,
                                          std::chrono::milliseconds lock_timeout,
                                          const std::atomic<bool>* stop_requested) {
  const std::filesystem::path real_path = writable_database_path(path);
  return open_when_unlocked([&] { return open_for_writing_once(real_path); }, real_path,
                            lock_timeout, stop_requested);
}

Xapian::WritableDatabase create_and_lock(const std::filesystem::path& path,
                                         std::chrono::milliseconds lock_timeout,
                                         const std::atomic<bool>* stop_requested) {
  return open_when_unlocked(
      [&] {
        try {
          ensure_database(path);
          return Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN);
        } catch (const Xapian::DatabaseLockError& error) {
          rethrow_unless_held_by_another_writer(error, path);
          throw;
        } catch (const Xapian::Error& error) {
          throw DatabaseError(path.string() +
                              ": exists but is not a database that can be rebuilt (" +
                              error.get_description() + "); move it away first");
        }
      },
      path, lock_timeout, stop_requested);
}

}  // namespace briefsearch

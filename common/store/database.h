// Opening briefsearch databases: where they live by default, and the schema and analyser
// version checks both binaries apply.
#pragma once

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// --db when given, else $BRIEF_DB, else $XDG_DATA_HOME/briefsearch/index, else
// ~/.local/share/briefsearch/index, lexically normal and without a trailing slash ("db/"
// is the folder db). Throws UsageError when none can be worked out.
[[nodiscard]] std::filesystem::path resolve_database_path(
    const std::optional<std::string>& command_line_path);

// path lexically normal, without trailing slashes or "." at the end.
[[nodiscard]] std::filesystem::path normal_database_path(const std::filesystem::path& path);

// The folder a writer must use for the database at path: a symlink (or a chain of them) is
// followed to its target, so the real database is written and rebuilt in its own folder
// and the link is left alone. Throws DatabaseError when path names a file (a Xapian stub
// file, which lists databases for searching, is never written) or another non-folder.
[[nodiscard]] std::filesystem::path writable_database_path(const std::filesystem::path& path);

// Opens (creating if missing, or if path is an empty folder) a database for writing and
// records the versions (kSchemaVersion, kAnalyserVersion) in a new one. path goes through
// writable_database_path. While another writer holds the database, retries for up to lock_timeout,
// then throws DatabaseLockedError; throws StoppedError as soon as *stop_requested is set
// while it waits (SIGINT, SIGTERM). Throws DatabaseError when it cannot be opened, cannot be
// written (a read-only folder or file system: never reported as locked) or was written with
// another schema or analyser version.
[[nodiscard]] Xapian::WritableDatabase open_for_writing(
    const std::filesystem::path& path,
    std::chrono::milliseconds lock_timeout = std::chrono::milliseconds(0),
    const std::atomic<bool>* stop_requested = nullptr);

// Takes the write lock on the database at path (already through writable_database_path),
// of any schema version, creating an empty one first when there is none (or an empty
// folder), so that two runs creating the same database are serialised by the lock.
// Throws as open_for_writing, and DatabaseError when path holds something that is not a
// database.
[[nodiscard]] Xapian::WritableDatabase create_and_lock(
    const std::filesystem::path& path, std::chrono::milliseconds lock_timeout,
    const std::atomic<bool>* stop_requested = nullptr);

// Calls open until it stops failing with Xapian::DatabaseLockError (another writer holds
// the database at path), for up to lock_timeout; then throws DatabaseLockedError. Checks
// *stop_requested (when not null) every kLockRetryInterval while it waits, and throws
// StoppedError when it is set: a run told to stop while it waits leaves at once, having
// changed nothing.
[[nodiscard]] Xapian::WritableDatabase open_when_unlocked(
    const std::function<Xapian::WritableDatabase()>& open, const std::filesystem::path& path,
    std::chrono::milliseconds lock_timeout, const std::atomic<bool>* stop_requested = nullptr);

// How often a writer waiting for the lock tries again.
inline constexpr std::chrono::milliseconds kLockRetryInterval{100};

// Creates an empty database at path (which must not exist) with both versions recorded.
[[nodiscard]] Xapian::WritableDatabase create_database(const std::filesystem::path& path,
                                                       int extra_flags = 0);

// True for the files a glass or chert database folder holds: the version file ("iamglass",
// "iamchert"), the lock ("flintlock") and the tables. From Xapian 1.4's backends.
[[nodiscard]] bool is_database_file(std::string_view name);

// True for a database's version file, which says the folder is a database.
[[nodiscard]] bool is_database_version_file(std::string_view name);

// True when path is a folder holding a Xapian database (of any kind or version).
[[nodiscard]] bool holds_database(const std::filesystem::path& path);

// A database being created or rebuilt is written at path + kStagingInfix + pid and renamed
// into place when complete.
inline constexpr std::string_view kStagingInfix = ".staging-";
[[nodiscard]] std::filesystem::path staging_path_for(const std::filesystem::path& path);

// Removes staging folders (and their shards) left beside path by runs that are gone: the
// process id in the name no longer exists. Call while holding the database's write lock.
void remove_abandoned_staging(const std::filesystem::path& path);

// Throws DatabaseError when database was written with another schema version
// (kSchemaVersion) or analyser version (kAnalyserVersion), or with none: a database whose
// terms another analyser wrote would silently miss matches. name says which database
// failed (the path, or the stub and the database it lists), hint what to do about it.
void check_versions(const Xapian::Database& database, const std::string& name,
                    const std::string& hint);

// What check_versions suggests for the database at path: rebuilding it with --full.
[[nodiscard]] std::string rebuild_hint(const std::filesystem::path& path);

// Opens the databases for reading as one; each may be a folder or a Xapian stub file. No
// paths means the default database (resolve_database_path without --db; UsageError when
// there is none). A writer that commits while a database is opened and checked is retried
// as reopen_and_retry does (common/store/reopen_retry.h). Throws DatabaseError when one is
// missing, unreadable or of another schema or analyser version; the message names the path,
// and for a stub file the database it lists that failed (common/store/database_reading.cpp).
[[nodiscard]] Xapian::Database open_for_reading(const std::vector<std::filesystem::path>& given);

// check_versions for each database that database reads (one, a stub file's shards, several
// --db), named together as name. For a long-lived reader such as brief-search --batch: a
// brief-index of another version may rebuild the database with --full and swap it in while
// the reader runs, and its next reopen() then reads terms its analyser did not write.
// Throws DatabaseError naming the version found.
void check_versions_of_parts(const Xapian::Database& database, const std::string& name);

}  // namespace briefsearch

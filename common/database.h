// Opening briefsearch databases: where they live by default, and the schema and analyser
// version checks both binaries apply.
#pragma once

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// --db when given, else $BRIEF_DB, else $XDG_DATA_HOME/briefsearch/index, else
// ~/.local/share/briefsearch/index. Throws UsageError when none can be worked out.
[[nodiscard]] std::filesystem::path resolve_database_path(
    const std::optional<std::string>& command_line_path);

// Opens (creating if missing) a database for writing and records the versions in a
// new one. While another writer holds the database, retries for up to lock_timeout, then
// throws DatabaseLockedError. Throws DatabaseError when it cannot be opened or was written
// with another schema or analyser version (kSchemaVersion, kAnalyzerVersion).
[[nodiscard]] Xapian::WritableDatabase open_for_writing(
    const std::filesystem::path& path,
    std::chrono::milliseconds lock_timeout = std::chrono::milliseconds(0));

// Calls open until it stops failing with Xapian::DatabaseLockError (another writer holds
// the database at path), for up to lock_timeout; then throws DatabaseLockedError.
[[nodiscard]] Xapian::WritableDatabase open_when_unlocked(
    const std::function<Xapian::WritableDatabase()>& open, const std::filesystem::path& path,
    std::chrono::milliseconds lock_timeout);

// Creates an empty database at path (which must not exist) with both versions recorded.
[[nodiscard]] Xapian::WritableDatabase create_database(const std::filesystem::path& path,
                                                       int extra_flags = 0);

// A database being created or rebuilt is written at path + kStagingInfix + pid and renamed
// into place when complete.
inline constexpr std::string_view kStagingInfix = ".staging-";
[[nodiscard]] std::filesystem::path staging_path_for(const std::filesystem::path& path);

// Removes staging folders left beside path by killed runs. Call only while holding the
// database's write lock, so that none of them belongs to a running rebuild.
void remove_abandoned_staging(const std::filesystem::path& path);

// Opens the databases for reading as one. Throws DatabaseError when one is missing,
// unreadable or of another schema or analyser version; the message names the path.
[[nodiscard]] Xapian::Database open_for_reading(const std::vector<std::filesystem::path>& paths);

}  // namespace briefsearch

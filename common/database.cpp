#include "common/database.h"

#include <stdio.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "common/errors.h"
#include "common/schema.h"

namespace briefsearch {
namespace {

std::string rebuild_hint(const std::filesystem::path& path) {
  return "rebuild it with: brief-index --full --db " + path.string() + " CORPUS";
}

// The schema version, then the analyser version: a database whose terms another analyser
// wrote would silently miss matches.
void check_schema_version(const Xapian::Database& database, const std::filesystem::path& path) {
  const std::string stored = database.get_metadata(std::string(kSchemaVersionKey));
  if (stored.empty()) {
    throw DatabaseError(path.string() + ": not a briefsearch database (no schema version); " +
                        rebuild_hint(path));
  }
  if (stored != std::to_string(kSchemaVersion)) {
    throw DatabaseError(path.string() + ": schema version " + stored + ", this program needs " +
                        std::to_string(kSchemaVersion) + "; " + rebuild_hint(path));
  }
  const std::string analyzer = database.get_metadata(std::string(kAnalyzerVersionKey));
  if (analyzer != std::to_string(kAnalyzerVersion)) {
    throw DatabaseError(path.string() + ": terms written by analyser version " +
                        (analyzer.empty() ? "(none recorded)" : analyzer) +
                        ", this program needs " + std::to_string(kAnalyzerVersion) + "; " +
                        rebuild_hint(path));
  }
}

void record_versions(Xapian::WritableDatabase& database) {
  database.set_metadata(std::string(kSchemaVersionKey), std::to_string(kSchemaVersion));
  database.set_metadata(std::string(kAnalyzerVersionKey), std::to_string(kAnalyzerVersion));
}

// A new database is built under a staging name and renamed into place, so a run killed
// while creating it never leaves a folder that is not a database at the path.
void create_in_place(const std::filesystem::path& path) {
  const std::filesystem::path staging = staging_path_for(path);
  create_database(staging).close();
  if (::rename(staging.c_str(), path.c_str()) != 0) {
    std::error_code ignored;
    std::filesystem::remove_all(staging, ignored);  // another run created it first
  }
}

Xapian::WritableDatabase open_for_writing_once(const std::filesystem::path& path) {
  try {
    std::error_code ignored;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
    if (!std::filesystem::exists(path, ignored)) create_in_place(path);
    Xapian::WritableDatabase database(path.string(), Xapian::DB_OPEN);
    remove_abandoned_staging(path);
    if (database.get_doccount() == 0 &&
        database.get_metadata(std::string(kSchemaVersionKey)).empty()) {
      record_versions(database);
      database.commit();
    }
    check_schema_version(database, path);
    return database;
  } catch (const Xapian::DatabaseLockError&) {
    throw;  // open_when_unlocked waits and reports it
  } catch (const Xapian::Error& error) {
    throw DatabaseError(path.string() +
                        ": cannot open database for writing: " + error.get_description());
  }
}

}  // namespace

std::filesystem::path staging_path_for(const std::filesystem::path& path) {
  std::filesystem::path staging = path;
  staging += std::string(kStagingInfix) + std::to_string(::getpid());
  return staging;
}

void remove_abandoned_staging(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  const std::string prefix = path.filename().string() + std::string(kStagingInfix);
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().filename().string().starts_with(prefix)) {
      std::filesystem::remove_all(entry.path(), error);
    }
  }
}

std::filesystem::path resolve_database_path(const std::optional<std::string>& command_line_path) {
  if (command_line_path && !command_line_path->empty()) return *command_line_path;
  if (const char* from_environment = std::getenv("BRIEF_DB");
      from_environment && *from_environment) {
    return from_environment;
  }
  if (const char* data_home = std::getenv("XDG_DATA_HOME"); data_home && *data_home) {
    return std::filesystem::path(data_home) / "briefsearch" / "index";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".local" / "share" / "briefsearch" / "index";
  }
  throw UsageError("no database given: use --db DIR or set BRIEF_DB");
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
                                            std::chrono::milliseconds lock_timeout) {
  const auto deadline = std::chrono::steady_clock::now() + lock_timeout;
  constexpr auto kRetryInterval = std::chrono::milliseconds(100);
  while (true) {
    try {
      return open();
    } catch (const Xapian::DatabaseLockError&) {
      if (std::chrono::steady_clock::now() >= deadline) {
        throw DatabaseLockedError(path.string() +
                                  ": database is locked by another brief-index run; try again "
                                  "later or wait with --lock-timeout SECONDS");
      }
      std::this_thread::sleep_for(kRetryInterval);
    }
  }
}

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path,
                                          std::chrono::milliseconds lock_timeout) {
  return open_when_unlocked([&] { return open_for_writing_once(path); }, path, lock_timeout);
}

Xapian::Database open_for_reading(const std::vector<std::filesystem::path>& paths) {
  Xapian::Database combined;
  for (const std::filesystem::path& path : paths) {
    try {
      Xapian::Database database(path.string());
      check_schema_version(database, path);
      combined.add_database(database);
    } catch (const Xapian::DatabaseNotFoundError&) {
      throw DatabaseError(path.string() + ": no database here; create one with: brief-index --db " +
                          path.string() + " CORPUS");
    } catch (const Xapian::Error& error) {
      throw DatabaseError(path.string() + ": cannot open database: " + error.get_description());
    }
  }
  return combined;
}

}  // namespace briefsearch

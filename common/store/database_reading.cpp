// Opening databases for reading (open_for_reading, declared in common/store/database.h).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "common/base/errors.h"
#include "common/store/database.h"
#include "common/store/reopen_retry.h"

namespace briefsearch {
namespace {

// How often opening a database is tried again when a writer's commit breaks the opening
// itself, before reopen_and_retry has a database to reopen. A corrupt database fails each
// time, so this stays small.
constexpr int kOpenAttempts = 4;

// The database lines of a stub file ("auto PATH", "remote :PORT", ...), in order: the
// shards of the opened stub, named in messages as the user wrote them.
std::vector<std::string> stub_lines(const std::filesystem::path& stub) {
  std::vector<std::string> lines;
  std::ifstream in(stub);
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    const auto last = line.find_last_not_of(" \t\r");
    lines.push_back(line.substr(first, last - first + 1));
  }
  return lines;
}

// The versions of every database path opens as (several for a stub file), each named as the
// user wrote it.
void check_parts(const Xapian::Database& database, const std::filesystem::path& path,
                 bool is_stub) {
  std::vector<std::string> listed;
  if (is_stub) listed = stub_lines(path);
  if (database.internal.empty()) {
    throw DatabaseError(path.string() + ": this stub file lists no database");
  }
  // A stub file opens as several databases, and get_metadata reads only the first:
  // each one is checked on its own. Database(Internal*) is Xapian's internal
  // constructor; it takes a reference, so the part shares the open shard.
  for (std::size_t i = 0; i < database.internal.size(); ++i) {
    const Xapian::Database part(database.internal[i].get());
    if (!is_stub) {
      check_versions(part, path.string(), rebuild_hint(path));
      continue;
    }
    // A stub that lists stubs has more shards than lines; then only the number is known.
    const std::string which = listed.size() == database.internal.size()
                                  ? "'" + listed[i] + "'"
                                  : "database " + std::to_string(i + 1);
    check_versions(part, path.string() + ": " + which + " listed in it",
                   "rebuild that database with brief-index --full --db FOLDER CORPUS");
  }
}

// The database at path, opened and checked. A commit that discards the revision being
// opened (the writer moved on twice in between) is met by opening again; one that discards
// it while it is checked, by reopen_and_retry.
Xapian::Database open_checked(const std::filesystem::path& path, bool is_stub) {
  for (int attempt = 1;; ++attempt) {
    try {
      Xapian::Database database(path.string());
      reopen_and_retry(database, [&] { check_parts(database, path, is_stub); });
      return database;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kOpenAttempts) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt == kOpenAttempts) throw;
    }
  }
}

}  // namespace

Xapian::Database open_for_reading(const std::vector<std::filesystem::path>& given) {
  const std::vector<std::filesystem::path> paths =
      given.empty() ? std::vector{resolve_database_path(std::nullopt)} : given;
  Xapian::Database combined;
  for (const std::filesystem::path& path : paths) {
    std::error_code ignored;
    const bool is_stub = std::filesystem::is_regular_file(path, ignored);
    try {
      combined.add_database(open_checked(path, is_stub));
    } catch (const Xapian::DatabaseNotFoundError& error) {
      if (is_stub) {
        throw DatabaseError(path.string() + ": a database this stub file lists cannot be opened: " +
                            error.get_msg());
      }
      if (std::filesystem::exists(path, ignored) && ::access(path.c_str(), R_OK | X_OK) != 0) {
        throw DatabaseError(path.string() + ": cannot read the database: " + std::strerror(errno));
      }
      throw DatabaseError(path.string() + ": no database here; create one with: brief-index --db " +
                          path.string() + " CORPUS");
    } catch (const Xapian::Error& error) {
      throw DatabaseError(path.string() + ": cannot open database: " + error.get_description());
    }
  }
  return combined;
}

void check_versions_of_parts(const Xapian::Database& database, const std::string& name) {
  for (std::size_t i = 0; i < database.internal.size(); ++i) {
    const Xapian::Database part(database.internal[i].get());
    const std::string which =
        database.internal.size() == 1 ? name : name + " (database " + std::to_string(i + 1) + ")";
    check_versions(part, which + ", rebuilt while this program was reading it",
                   "run a brief-search of the version that rebuilt it, or rebuild it with "
                   "this version's brief-index --full");
  }
}

}  // namespace briefsearch

// The typed errors the library throws; each carries the exit code main turns it into.
#pragma once

#include <stdexcept>
#include <string>

namespace briefsearch {

// Exit codes shared by both binaries (documented in the README and in --help).
enum ExitCode : int {
  kExitSuccess = 0,
  kExitPartial = 1,            // brief-index: some files rejected; brief-search: no hits
  kExitUsage = 2,              // bad command line or query
  kExitDatabase = 3,           // database missing, unreadable, corrupt or of another schema
  kExitOutputFailure = 74,     // EX_IOERR: the results could not be written (disk full, EIO)
  kExitTemporaryFailure = 75,  // EX_TEMPFAIL: database locked by another writer
};

class BriefsearchError : public std::runtime_error {
 public:
  BriefsearchError(const std::string& message, int exit_code)
      : std::runtime_error(message), exit_code_(exit_code) {}
  [[nodiscard]] int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

class UsageError : public BriefsearchError {
 public:
  explicit UsageError(const std::string& message) : BriefsearchError(message, kExitUsage) {}
};

class QueryError : public BriefsearchError {
 public:
  explicit QueryError(const std::string& message) : BriefsearchError(message, kExitUsage) {}
};

// A wildcard that expands past its cap, found only when the query runs.
class WildcardLimitError : public QueryError {
 public:
  explicit WildcardLimitError(const std::string& message) : QueryError(message) {}
};

class DatabaseError : public BriefsearchError {
 public:
  explicit DatabaseError(const std::string& message) : BriefsearchError(message, kExitDatabase) {}
};

// A write of results to stdout failed for a reason other than a closed pipe.
class OutputError : public BriefsearchError {
 public:
  explicit OutputError(const std::string& message)
      : BriefsearchError(message, kExitOutputFailure) {}
};

class DatabaseLockedError : public BriefsearchError {
 public:
  explicit DatabaseLockedError(const std::string& message)
      : BriefsearchError(message, kExitTemporaryFailure) {}
};

}  // namespace briefsearch

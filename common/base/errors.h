// The typed errors the library throws; each carries the exit code main turns it into.
// One model: a function that may fail throws one of these (its declaration says which);
// std::optional means "absent", never "failed"; only the mains print.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace briefsearch {

// Exit codes of both binaries. What each means to the user is written once, in
// common/output/exit_codes.h, which --help prints and a test checks against the docs;
// 64 and above follow BSD's sysexits.h.
enum ExitCode : int {
  kExitSuccess = 0,
  kExitIncomplete = 1,         // brief-index: something was not indexed (reported)
  kExitNoMatch = 1,            // brief-search: no brief matched
  kExitUsage = 2,              // bad command line or query
  kExitDatabase = 3,           // database missing, unreadable, corrupt or of another schema
  kExitInternal = 70,          // EX_SOFTWARE: a fault of the program or its installation
  kExitOutputFailure = 74,     // EX_IOERR: the results could not be written (disk full, EIO)
  kExitTemporaryFailure = 75,  // EX_TEMPFAIL: locked by another writer, or kept changing
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

// What is wrong with a query: the query as typed, the column (1-based, in bytes) where it
// goes wrong, and the problem. what() is the message users see:
// "query 'QUERY': PROBLEM (column N)", a long query shown by its opening. Code that runs an
// already built Xapian query does not know its text: it gives the problem alone (what()
// is then the problem), and the caller that knows the text throws the full error.
class QueryError : public BriefsearchError {
 public:
  QueryError(std::string query, std::size_t column, std::string problem);
  explicit QueryError(std::string problem);
  // Whether the error names its query (the first constructor).
  [[nodiscard]] bool names_query() const { return names_query_; }
  [[nodiscard]] const std::string& query() const { return query_; }
  [[nodiscard]] std::size_t column() const { return column_; }
  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  std::string query_;
  std::size_t column_ = 0;
  std::string problem_;
  bool names_query_ = true;
};

// A wildcard that expands past its cap, found only when the query runs.
class WildcardLimitError : public QueryError {
 public:
  using QueryError::QueryError;
};

// A fault of the program or its installation rather than of the input: ICU's data cannot
// be loaded, a table compiled into the program is malformed.
class InternalError : public BriefsearchError {
 public:
  explicit InternalError(const std::string& message) : BriefsearchError(message, kExitInternal) {}
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

// A reader that a writer kept overtaking: however often it reopened the database, the
// revision it read was discarded before it finished (common/store/reopen_retry.h). Nothing
// is wrong with the database; the same read later succeeds.
class DatabaseChangingError : public BriefsearchError {
 public:
  explicit DatabaseChangingError(const std::string& message)
      : BriefsearchError(message, kExitTemporaryFailure) {}
};

// A run stopped by SIGINT or SIGTERM before it changed anything, such as while it waited
// for the lock. Its exit code is the shell's for the signal that stopped it (130, 143),
// which only the program that installed the handlers knows: run_reporting_failures
// (common/output/program.h) exits with stopped_exit_code(), not with exit_code().
class StoppedError : public BriefsearchError {
 public:
  explicit StoppedError(const std::string& message) : BriefsearchError(message, 128) {}
};

}  // namespace briefsearch

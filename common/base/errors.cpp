#include "common/base/errors.h"

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

std::string query_error_text(std::string_view query, std::size_t column,
                             const std::string& problem) {
  // A huge query is shown by its opening, cut on a character boundary.
  return "query '" + shown_excerpt(query) + "': " + problem + " (column " + std::to_string(column) +
         ")";
}

}  // namespace

QueryError::QueryError(std::string query, std::size_t column, std::string problem)
    : BriefsearchError(query_error_text(query, column, problem), kExitUsage),
      query_(std::move(query)),
      column_(column),
      problem_(std::move(problem)) {}

QueryError::QueryError(std::string problem)
    : BriefsearchError(problem, kExitUsage), problem_(std::move(problem)), names_query_(false) {}

}  // namespace briefsearch

// brief-search --batch: many queries over one open database, one JSON object per line.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "common/search/session.h"

namespace briefsearch {

// Answers one query (SearchSession::answer, or a wrapper around it).
using QueryAnswerer = std::function<SearchReport(const std::string& query)>;

// Answers the queries read from in, one per line (a trailing '\r' is dropped), writing
// for each one line to out: the JSON object of --format json, or, for a query that fails
// with QueryError or DatabaseChangingError (a writer kept overtaking it), batch_error_json's
// object; the batch goes on. After each line, flush() is called: it returns false when the
// reader has gone (the batch ends at once), and may throw OutputError. Returns
// kExitSuccess when every query was answered, kExitTemporaryFailure when some could not be
// read for a writer, else kExitUsage when some was malformed. Throws what answer throws
// other than those two (DatabaseError).
[[nodiscard]] int answer_batch(std::istream& in, std::ostream& out, const QueryAnswerer& answer,
                               const std::function<bool()>& flush);

}  // namespace briefsearch

// What each exit code of the two programs means to their users, written once: --help prints
// these tables, and a unit test (tests/unit/output/exit_codes_test.cpp) fails when the
// tables in README.md, docs/json.md or docs/query-language.md say anything else.
#pragma once

#include <array>
#include <csignal>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "common/base/errors.h"

namespace briefsearch {

// One exit code and what it means. The text is plain (no markdown); the docs may put
// option and program names in backticks.
struct ExitCodeRow {
  int code;
  std::string_view meaning;
  // brief-search only: what the code means with --batch, when that differs from meaning
  // (empty: the same). The docs' two-column table shows an empty one as "the same".
  std::string_view batch_meaning;
};

// brief-index's exit codes, in ascending order. 130 and 143 are stopped_exit_code()
// (common/output/stop_signals.h).
inline constexpr std::array<ExitCodeRow, 9> kIndexExitCodes = {{
    {kExitSuccess, "every brief file was indexed", ""},
    {kExitIncomplete,
     "finished, but something was not indexed: files or records rejected (unparseable, "
     "unreadable, a duplicate id), folders unreadable, or remembered roots missing or empty; "
     "their briefs are kept (each reported on stderr)",
     ""},
    {kExitUsage, "usage error, or a named file or folder is missing or holds no briefs", ""},
    {kExitDatabase,
     "database error: cannot open or write it, or another schema or analyser version (rebuild "
     "it with --full)",
     ""},
    {kExitInternal,
     "internal error: out of memory, a bug, or a broken installation such as missing ICU data", ""},
    {kExitOutputFailure,
     "the --json summary, --help or --version could not be written to stdout (disk full, I/O "
     "error, stdout closed); a closed pipe is not an error: the run ends quietly with the code "
     "it had",
     ""},
    {kExitTemporaryFailure,
     "database locked by another brief-index run (--lock-timeout waits first)", ""},
    {128 + SIGINT, "stopped by SIGINT (Ctrl-C); the batches already committed are kept", ""},
    {128 + SIGTERM, "stopped by SIGTERM; the batches already committed are kept", ""},
}};

// brief-search's exit codes, in ascending order, with what each means with --batch.
inline constexpr std::array<ExitCodeRow, 7> kSearchExitCodes = {{
    {kExitSuccess,
     "at least one brief matched (with --relax: or a relaxed search found briefs, which every "
     "format labels)",
     "every query was answered, with or without hits"},
    {kExitNoMatch, "no brief matched the query as written", "not used"},
    {kExitUsage,
     "usage or query error (the message shows the query and the column), or --timeout reached",
     "usage error, a malformed query on some line, or --timeout reached"},
    {kExitDatabase, "database missing, unreadable or of another schema or analyser version", ""},
    {kExitInternal,
     "internal error: out of memory, a bug, or a broken installation such as missing ICU data", ""},
    {kExitOutputFailure,
     "results could not be written to stdout (disk full, I/O error, stdout closed); a closed "
     "pipe is not an error: the run ends quietly with the code it had",
     "the batch stops at the line that could not be written"},
    {kExitTemporaryFailure,
     "brief-index kept committing while the search read the database, however often the search "
     "started over on the new revision; nothing is wrong: search again",
     "some line could not be read so (its line is an error object); the other lines were "
     "answered"},
}};

// What a one-column table says of row: its meaning, followed by " (--batch: X)" when it
// has a batch meaning X.
[[nodiscard]] std::string one_column_meaning(const ExitCodeRow& row);

// The "Exit codes:" section of a --help footer: one row per code, the code indented by 2,
// each meaning (one_column_meaning) starting in one column and wrapped at spaces so that
// no line is longer than width (a word longer than the room is left whole). No trailing
// newline.
[[nodiscard]] std::string exit_codes_help(std::span<const ExitCodeRow> rows,
                                          std::size_t width = 88);

}  // namespace briefsearch

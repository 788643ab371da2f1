// What brief-search says when a query matches nothing as written: the line for a terminal's
// stderr, and the label of a relaxed search's results (docs/query-language.md, "When
// nothing matches").
#pragma once

#include <string>

#include "common/search/session.h"

namespace briefsearch {

// The message for stderr when report's query matched nothing as written, without the
// program's name and newline: that no brief matches all the words, the words that match
// no brief at all, whether filters exclude every brief that has them, what is shown
// instead, what to try, and a respelling if there is one. Document text is escaped for a
// terminal. Empty when the query matched briefs as written, and when there is nothing to
// add but "no briefs match" and stderr is not a terminal (a script learns that from the
// exit code, as from grep's).
[[nodiscard]] std::string no_match_message(const SearchReport& report, bool to_terminal);

// Whether the results of report are a relaxed search's (SessionOptions::relax, and the
// relaxed search found briefs): what every output format must say.
[[nodiscard]] bool is_relaxed_answer(const SearchReport& report);

// What brief-search writes on stderr after writing report's results in a format (without
// the program's name and newline; empty for nothing). The same whatever the format when
// stderr is a terminal (to_terminal): no_match_message's line. Otherwise, when the
// results are a relaxed answer, that line in every format, so that no script takes them
// for matches (json also says so in "relaxed", jsonl on each hit); and text output says
// what it would say on a terminal but "no briefs match" alone (a script learns that
// from the exit code). Other formats say nothing then.
[[nodiscard]] std::string after_answer_note(const SearchReport& report, bool text_format,
                                            bool to_terminal);

// The line above a relaxed search's hits ("No brief matches all 4 words; these match 3 of
// them:"); empty when report is not relaxed or found nothing.
[[nodiscard]] std::string relaxed_label(const SearchReport& report);

}  // namespace briefsearch

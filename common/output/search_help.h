// brief-search's --help texts that are more than a line: the query language's summary
// and the options whose rules take a sentence to state.
#pragma once

#include <string_view>

namespace briefsearch {

// Printed after the options, before the exit codes.
inline constexpr std::string_view kSearchHelpFooter =
    "Query: words (all must match), \"exact phrases\", AND OR XOR NOT, -word, (groups),\n"
    "NEAR/n ADJ/n, wildcards (tarif*), fields title: desc: impact: outlook: ...,\n"
    "filters country: region: mentions: mentions-region: tag: source: id:\n"
    "classification: language: section:, and date:2025-07..2025-09.\n"
    "See docs/query-language.md.\n"
    "The database is --db DIR, else $BRIEF_DB, else $XDG_DATA_HOME/briefsearch/index.\n\n";

// --relax: when a query that matches nothing as written is relaxed (SessionOptions::relax).
inline constexpr std::string_view kRelaxHelp =
    "When no brief has all the words, show those with the most of them, and exit 0 if any "
    "(shown on a terminal by default, with exit 1)";

}  // namespace briefsearch

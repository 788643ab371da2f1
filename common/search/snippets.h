// Search result snippets: the passage of a brief that best matches a query, with every
// matched word marked. Words are matched through the index's own analyser, so a word is
// marked exactly when the search would match it there.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/brief/brief.h"
#include "common/query/highlight.h"

namespace briefsearch {

struct Snippet {
  // UTF-8 on one line. In a matched passage every run of whitespace (line and paragraph
  // breaks included) is one space, and "…" (U+2026) stands where the text was cut, at
  // either end.
  std::string text;
  // [begin, end) byte ranges in text of the matched words, one per word: sorted, never
  // overlapping, always on UTF-8 character boundaries. Words of a matched phrase are
  // marked one by one. Escape text for the terminal piece by piece between these offsets
  // (printable_text changes lengths), never the whole text before using them.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;

  friend bool operator==(const Snippet&, const Snippet&) = default;
};

inline constexpr std::size_t kDefaultSnippetBytes = 240;

// The passage of the brief's sections that best matches terms, with every match in it
// marked. Only section text is used: the title is shown separately.
//
// Matching, token by token over analyser.analyse of each section (snippet_matches.h): kStem
// matches a word whose stem is operands[0][0]; kExact matches each operand as consecutive
// words with those exact terms, and with several operands (NEAR/ADJ) only where they lie
// as its proximity rule requires (ProximityMatcher, the rule the query applies), marking
// those operands and not the words between them; kPrefix matches like one kExact operand
// whose last word need only start with its term. Stop words match like any word. A term
// with a field only matches sections indexed under that field (text_field_for_section), so
// a kTitleField term matches nothing here.
//
// The passage is the window of about max_bytes, within one section, holding the most
// distinct terms, then the most matches, ties going to the earliest. It starts at the
// start of a sentence when one lies shortly before its first match, and is never cut
// inside a word or a UTF-8 character. The text is at most max_bytes long unless max_bytes
// is shorter than a matched word and two ellipses.
//
// The work is bounded however long the brief: a section over 64 KiB is looked at only
// from a little before the first place a query word's text appears in it (its opening
// when none is seen), 64 KiB of it, and at most 256 KiB of a brief is analysed.
//
// When nothing matches (a title-only or filter-only query), lead_snippet of the first
// section that holds any text, with no highlights; an empty snippet when none does.
//
// Uses analyser, so not thread-safe in the same way.
// The opening of text on one line, cut at a word boundary near max_bytes with "…".
[[nodiscard]] std::string lead_snippet(const std::string& text, std::size_t max_bytes);

[[nodiscard]] Snippet make_snippet(const Brief& brief, const std::vector<HighlightTerm>& terms,
                                   Analyser& analyser,
                                   std::size_t max_bytes = kDefaultSnippetBytes);

}  // namespace briefsearch

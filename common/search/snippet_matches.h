// Where a query's highlight terms match in the analysed words of one section (internal to
// snippets). Phrases, split words, wildcards and NEAR/ADJ share one mechanism: each operand
// is a run of words at consecutive positions, and ProximityMatcher (the rule the query
// side applies) picks the runs of NEAR/ADJ operands that lie within their window.
#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/query/highlight.h"

namespace briefsearch {

// Tokens [first, last) matched by one term. The words to mark are runs of tokens
// [begin, end): the operands of a NEAR/ADJ match, not the words between them.
struct SnippetMatch {
  std::size_t term = 0;
  std::size_t first = 0;
  std::size_t last = 0;
  std::vector<std::pair<std::size_t, std::size_t>> runs;
};

// The distinct terms of a query, keyed so each token is looked up rather than compared
// with every term.
class SnippetTerms {
 public:
  explicit SnippetTerms(const std::vector<HighlightTerm>& terms);

  // Distinct terms; SnippetMatch::term counts them from 0.
  [[nodiscard]] std::size_t size() const { return terms_.size(); }

  // At most how many of the terms, and how many matches, any window of text can hold.
  // For ASCII text this is read without analysing it: the analysed words are its
  // lowercased words, and a word matching a term contains the term's needle (an exact
  // word, a prefix, or the start of a stem), so the needles present and their occurrences
  // bound both numbers. A NEAR/ADJ term, which matches once per occurrence of any operand,
  // leaves the count of matches unbounded; so does text that is not ASCII. {0, 0} means no
  // term can match. Analysing every hit's sections was most of a snippet's cost.
  struct MatchBound {
    std::size_t distinct = 0;
    std::size_t matches = 0;
  };
  [[nodiscard]] MatchBound match_bound(std::string_view text) const;

  // The byte offset in text of the first needle (see match_bound), ASCII case aside; nothing
  // when no needle appears, which rules out a match only when text is ASCII.
  [[nodiscard]] std::optional<std::size_t> first_mention(std::string_view text) const;

  // Which terms may match text indexed under field; empty when none may.
  [[nodiscard]] std::vector<bool> applicable(const TextField& field) const;

  // Every match of an applicable term in tokens (one section, analysed without stems),
  // ordered by first token. A word or a phrase matches at each of its occurrences; a NEAR
  // or ADJ term once for each occurrence of an operand that lies within the window, as
  // the tightest choice of the other operands around it.
  [[nodiscard]] std::vector<SnippetMatch> find(const std::vector<Token>& tokens,
                                               const std::vector<bool>& applicable,
                                               Analyser& analyser) const;

 private:
  // Where operand `operand` of term `term` starts: its first word, exact or a prefix.
  struct RunStart {
    std::size_t term = 0;
    std::size_t operand = 0;
  };
  [[nodiscard]] bool run_matches(const std::vector<Token>& tokens, std::size_t at,
                                 const RunStart& run) const;
  void add_proximity_matches(std::size_t term, const std::vector<std::vector<Position>>& starts,
                             std::vector<SnippetMatch>& matches) const;

  std::vector<const HighlightTerm*> terms_;
  std::vector<std::optional<ProximityMatcher>> matchers_;
  std::unordered_multimap<std::string_view, std::size_t> stems_;
  std::bitset<256> stem_first_bytes_;
  std::vector<std::string> needles_;
  // Scratch space for lowercased text, reused across sections.
  mutable std::string lowered_;
  std::unordered_multimap<std::string_view, RunStart> exact_starts_;
  std::vector<RunStart> prefix_starts_;
};

}  // namespace briefsearch

// How query leaves become analysed words, shared by the query builder and the highlights so
// both read a leaf the same way (internal to the query module).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/query/query.h"

namespace briefsearch {

// The exact terms of text, in order.
[[nodiscard]] std::vector<std::string> exact_terms(std::string_view text, Analyser& analyser);

// What a wildcard's text (without its '*') asks for, read by the analyser as the indexer
// reads text.
struct WildcardWords {
  // The exact words the text holds, the last of them the start of the word to complete.
  std::vector<std::string> words;
  // When the start ends in punctuation the analyser keeps only inside a word, the last
  // word as the analyser reads the text itself; the wildcard matches it too, as every
  // wildcard matches the word it is completing: "U.S." is the word "u.s" (a word never
  // ends in '.'), so "U.S.*" matches "u.s" as well as words starting "u.s." ("u.s.a").
  std::optional<std::string> written;
};

// The words of a wildcard. "2.7" and "u.s" are one word each, so they complete "2.75" and
// "u.s"; "covid-1" is "covid" followed by a word starting "1". Punctuation after the last
// word stays in the start when the analyser keeps it inside a word ("u." completes "u.s",
// "yemen'" completes "yemen's"), and the word without it is then written. No words when
// text holds none (it matches nothing, as such a plain word does); nullopt when it ends in a
// separator, so that no word is being completed ("s-", "c++").
[[nodiscard]] std::optional<WildcardWords> wildcard_words(std::string_view text,
                                                          Analyser& analyser);

// The exact terms of each operand of a kNear node that has any, in the order written.
[[nodiscard]] std::vector<std::vector<std::string>> near_operands(const QueryNode& near,
                                                                  Analyser& analyser);

// A plain word that the analyser reads as one stop word: "the", "of", lowercase "us".
[[nodiscard]] bool is_stop_word_only(const QueryNode& node, Analyser& analyser);

// The children of an AND, OR or XOR that are built: stop words are left out when a
// positive word, phrase or group stands beside them, since one would match nearly every
// brief; alone ("the", "the OR of") they are still searched for.
[[nodiscard]] std::vector<const QueryNode*> without_stop_words(
    const std::vector<QueryNode>& children, Analyser& analyser);

// The rule a kNear node applies.
[[nodiscard]] ProximityRule near_rule(const QueryNode& near);

}  // namespace briefsearch

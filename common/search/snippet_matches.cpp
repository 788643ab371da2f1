#include "common/search/snippet_matches.h"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

#include "common/base/string_utils.h"

namespace briefsearch {

SnippetTerms::SnippetTerms(const std::vector<HighlightTerm>& terms) {
  // Duplicates would count twice towards "distinct terms" and skew the passage choice.
  std::set<std::tuple<HighlightTerm::Kind, std::vector<std::vector<std::string>>, std::string_view,
                      std::uint32_t, bool>>
      seen;
  for (const HighlightTerm& term : terms) {
    const bool empty =
        term.operands.empty() ||
        std::any_of(term.operands.begin(), term.operands.end(),
                    [](const auto& words) { return words.empty() || words.front().empty(); });
    if (empty) continue;
    const std::string_view prefix = term.field ? term.field->prefix : std::string_view();
    if (!seen.emplace(term.kind, term.operands, prefix, term.proximity.distance,
                      term.proximity.ordered)
             .second) {
      continue;
    }
    const std::size_t id = terms_.size();
    terms_.push_back(&term);
    const std::string& first_word = term.operands.front().front();
    switch (term.kind) {
      case HighlightTerm::Kind::kStem:
        stems_.emplace(first_word, id);
        stem_first_bytes_.set(static_cast<unsigned char>(first_word.front()));
        needles_.emplace_back(stem_start(first_word));
        break;
      case HighlightTerm::Kind::kExact:
      case HighlightTerm::Kind::kPrefix:
        for (std::size_t operand = 0; operand < term.operands.size(); ++operand) {
          const bool prefix_first =
              term.kind == HighlightTerm::Kind::kPrefix && term.operands[operand].size() == 1;
          if (prefix_first) {
            prefix_starts_.push_back({id, operand});
          } else {
            exact_starts_.emplace(term.operands[operand].front(), RunStart{id, operand});
          }
        }
        needles_.push_back(first_word);
        break;
    }
    std::optional<ProximityMatcher> matcher;
    if (term.kind == HighlightTerm::Kind::kExact && term.operands.size() > 1) {
      std::vector<std::size_t> lengths;
      for (const auto& words : term.operands) lengths.push_back(words.size());
      matcher.emplace(term.proximity, lengths, operands_share_words(term.operands));
    }
    matchers_.push_back(std::move(matcher));
  }
}

SnippetTerms::MatchBound SnippetTerms::match_bound(std::string_view text) const {
  constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();
  if (!is_ascii(text)) return {terms_.size(), kUnbounded};
  lowered_.assign(text);
  ascii_lowercase_in_place(lowered_);
  MatchBound bound;
  for (std::size_t id = 0; id < terms_.size(); ++id) {
    const std::string& needle = needles_[id];
    std::size_t at = lowered_.find(needle);
    if (at == std::string::npos) continue;
    ++bound.distinct;
    if (terms_[id]->operands.size() > 1 || bound.matches == kUnbounded) {
      bound.matches = kUnbounded;
      continue;
    }
    // Overlapping occurrences are counted too: still a bound, and simpler.
    for (; at != std::string::npos; at = lowered_.find(needle, at + 1)) ++bound.matches;
  }
  return bound;
}

std::optional<std::size_t> SnippetTerms::first_mention(std::string_view text) const {
  // Lowercased a chunk at a time, so a long section with an early mention is not lowercased
  // whole; chunks overlap by the longest needle less a byte, so no mention straddles one
  // unseen.
  std::size_t longest = 0;
  for (const std::string& needle : needles_) longest = std::max(longest, needle.size());
  if (longest == 0) return needles_.empty() ? std::nullopt : std::optional<std::size_t>(0);
  const std::size_t chunk = std::max<std::size_t>(64 * 1024, 2 * longest);
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.size(), start + chunk);
    lowered_.assign(text.substr(start, end - start));
    ascii_lowercase_in_place(lowered_);
    const std::string_view lowered = lowered_;
    std::optional<std::size_t> first;
    for (const std::string& needle : needles_) {
      // Only an earlier mention matters: the search stops where the best one so far ends.
      const std::string_view before = first ? lowered.substr(0, *first + needle.size()) : lowered;
      const std::size_t at = before.find(needle);
      if (at != std::string_view::npos) first = at;
    }
    if (first) return start + *first;
    if (end == text.size()) return std::nullopt;
    start = end - (longest - 1);
  }
}

std::vector<bool> SnippetTerms::applicable(const TextField& field) const {
  std::vector<bool> result(terms_.size());
  bool any = false;
  for (std::size_t id = 0; id < terms_.size(); ++id) {
    const auto& restriction = terms_[id]->field;
    result[id] = !restriction || restriction->prefix == field.prefix;
    any = any || result[id];
  }
  if (!any) result.clear();
  return result;
}

// The words of the run from at: exact, but for a wildcard's last word, which is a start.
bool SnippetTerms::run_matches(const std::vector<Token>& tokens, std::size_t at,
                               const RunStart& run) const {
  const HighlightTerm& term = *terms_[run.term];
  const std::vector<std::string>& words = term.operands[run.operand];
  if (at + words.size() > tokens.size()) return false;
  const bool last_is_start = term.kind == HighlightTerm::Kind::kPrefix;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& token = tokens[at + k].term;
    const bool fits =
        last_is_start && k + 1 == words.size() ? token.starts_with(words[k]) : token == words[k];
    if (!fits) return false;
  }
  return true;
}

std::vector<SnippetMatch> SnippetTerms::find(const std::vector<Token>& tokens,
                                             const std::vector<bool>& applicable,
                                             Analyser& analyser) const {
  std::vector<SnippetMatch> matches;
  // starts[term][operand]: where each run occurs, in token order.
  std::vector<std::vector<std::vector<Position>>> starts(terms_.size());
  for (std::size_t id = 0; id < terms_.size(); ++id) starts[id].resize(terms_[id]->operands.size());
  const auto record = [&](const RunStart& run, std::size_t at) {
    if (applicable[run.term] && run_matches(tokens, at, run)) {
      starts[run.term][run.operand].push_back(static_cast<Position>(at));
    }
  };
  for (std::size_t at = 0; at < tokens.size(); ++at) {
    const Token& token = tokens[at];
    // A stem keeps its word's first letter, so most tokens need no stemming at all.
    if (stem_first_bytes_.test(static_cast<unsigned char>(token.term.front()))) {
      const auto [stem_begin, stem_end] = stems_.equal_range(analyser.stem(token.term));
      for (auto it = stem_begin; it != stem_end; ++it) {
        if (applicable[it->second]) matches.push_back({it->second, at, at + 1, {}});
      }
    }
    const auto [exact_begin, exact_end] = exact_starts_.equal_range(token.term);
    for (auto it = exact_begin; it != exact_end; ++it) record(it->second, at);
    for (const RunStart& run : prefix_starts_) record(run, at);
  }
  for (std::size_t id = 0; id < terms_.size(); ++id) {
    if (matchers_[id]) {
      add_proximity_matches(id, starts[id], matches);
      continue;
    }
    const std::size_t length = terms_[id]->operands.front().size();
    for (Position start : starts[id].front()) matches.push_back({id, start, start + length, {}});
  }
  std::sort(matches.begin(), matches.end(), [](const SnippetMatch& a, const SnippetMatch& b) {
    return std::tie(a.first, a.last, a.term) < std::tie(b.first, b.last, b.term);
  });
  return matches;
}

// Each occurrence of an operand that takes part in a match brings the tightest match
// around it, so every such occurrence is marked and no other.
void SnippetTerms::add_proximity_matches(std::size_t term,
                                         const std::vector<std::vector<Position>>& starts,
                                         std::vector<SnippetMatch>& matches) const {
  const ProximityMatcher& matcher = *matchers_[term];
  const auto& operands = terms_[term]->operands;
  std::set<std::vector<Position>> chosen;
  for (std::size_t operand = 0; operand < starts.size(); ++operand) {
    for (Position start : starts[operand]) {
      auto choice = matcher.tightest(starts, ProximityMatcher::Occurrence{operand, start});
      if (!choice || !chosen.insert(*choice).second) continue;
      SnippetMatch match{term, *choice->begin(), 0, {}};
      for (std::size_t i = 0; i < choice->size(); ++i) {
        const std::size_t begin = (*choice)[i];
        const std::size_t end = begin + operands[i].size();
        match.first = std::min(match.first, begin);
        match.last = std::max(match.last, end);
        match.runs.emplace_back(begin, end);
      }
      std::sort(match.runs.begin(), match.runs.end());
      matches.push_back(std::move(match));
    }
  }
}

}  // namespace briefsearch

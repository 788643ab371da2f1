#include "common/search/snippets.h"

#include <algorithm>
#include <compare>
#include <optional>
#include <string_view>

#include "common/base/string_utils.h"
#include "common/search/snippet_matches.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
// How far a cut may move to land next to a space rather than merely between two words.
constexpr std::size_t kSpaceReach = 32;

// The most bytes of one section a snippet analyses, and of one brief. A longer section is
// looked at around the first mention of a query word: analysing all of a brief of
// megabytes for every hit made each search that matched it take seconds.
constexpr std::size_t kMaxScannedBytes = 64 * 1024;
constexpr std::size_t kMaxAnalysedBytes = 256 * 1024;
// How far a scanned part's ends move to fall between words.
constexpr std::size_t kWordReach = 256;

// A section's text on one line, and where its lines began: line starts are sentence
// starts for headings and list items, which carry no full stop.
struct FlatText {
  std::string text;
  std::vector<std::size_t> line_starts;
  // The text is part of its section, which goes on before or after it.
  bool cut_front = false;
  bool cut_back = false;
};

// The first word start at or after at (the first character start when no space is near).
std::size_t word_start_from(std::string_view text, std::size_t at) {
  for (std::size_t q = at; q > 0 && q < text.size() && q <= at + kWordReach; ++q) {
    if (is_ascii_space(text[q - 1])) return q;
  }
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

// The last word end at or before at (the last character end when no space is near).
std::size_t word_end_before(std::string_view text, std::size_t at) {
  for (std::size_t q = at; q < text.size() && q + kWordReach >= at && q > 0; --q) {
    if (is_ascii_space(text[q])) return q;
  }
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// The part of a section's text a snippet looks at: all of it when it is short, else
// kMaxScannedBytes from a little before the first mention of a term (from the opening when
// none is seen in non-ASCII text; empty when none is seen in ASCII text).
std::string_view scanned_part(std::string_view text, const SnippetTerms& terms) {
  if (text.size() <= kMaxScannedBytes) return text;
  const std::optional<std::size_t> mention = terms.first_mention(text);
  if (!mention && is_ascii(text)) return {};
  const std::size_t at = mention.value_or(0);
  const std::size_t lead = kMaxScannedBytes / 4;
  const std::size_t begin = word_start_from(text, at > lead ? at - lead : 0);
  const std::size_t end = word_end_before(text, std::min(text.size(), begin + kMaxScannedBytes));
  return text.substr(begin, end - begin);
}

// Whitespace runs become one space, so the words (and the analyser's tokens) stay the same.
FlatText flatten(std::string_view raw) {
  FlatText flat;
  flat.text.resize(raw.size());
  std::size_t size = 0;
  bool space = false;
  bool line = false;
  for (const char c : raw) {
    if (is_ascii_space(c)) {
      space = true;
      line = line || c == '\n';
      continue;
    }
    if (space && size > 0) {
      flat.text[size++] = ' ';
      if (line) flat.line_starts.push_back(size);
    }
    space = line = false;
    flat.text[size++] = c;
  }
  flat.text.resize(size);
  return flat;
}

using Match = SnippetMatch;

// Bytes of text a window may hold: all of it when it fits, else room for two ellipses.
std::size_t window_budget(std::size_t text_size, std::size_t max_bytes) {
  if (text_size <= max_bytes) return text_size;
  return max_bytes > 2 * kEllipsis.size() ? max_bytes - 2 * kEllipsis.size() : 1;
}

struct Score {
  std::size_t distinct = 0;
  std::size_t matches = 0;
  auto operator<=>(const Score&) const = default;
};

// Matches [first, last) of one section, the best run of them that fits one window.
struct Window {
  Score score;
  std::size_t first = 0;
  std::size_t last = 0;
};

// Two pointers over the matches: linear in their number. A match longer than the budget
// still makes a window of its own.
Window best_window(const std::vector<Match>& matches, const std::vector<Token>& tokens,
                   std::size_t term_count, std::size_t budget) {
  std::vector<std::size_t> seen(term_count, 0);
  std::size_t distinct = 0;
  std::size_t last = 0;
  Window best;
  const auto add = [&](const Match& match) {
    if (seen[match.term]++ == 0) ++distinct;
  };
  for (std::size_t first = 0; first < matches.size(); ++first) {
    const std::size_t limit = tokens[matches[first].first].begin + budget;
    if (last == first) add(matches[last++]);
    while (last < matches.size() && tokens[matches[last].last - 1].end <= limit) {
      add(matches[last++]);
    }
    const Score score{distinct, last - first};
    if (best.score < score) best = {score, first, last};
    if (--seen[matches[first].term] == 0) --distinct;
  }
  return best;
}

// After a full stop and a space (closing quotes or brackets may come between), after a
// CJK full stop, or at a line start. Lowercase starts are abbreviations ("e.g. the").
bool is_sentence_start(const FlatText& flat, std::size_t at) {
  const std::string& text = flat.text;
  if (at == 0) return true;
  if (at >= text.size()) return false;
  if (std::binary_search(flat.line_starts.begin(), flat.line_starts.end(), at)) return true;
  if (text[at] == ' ' || (text[at] >= 'a' && text[at] <= 'z')) return false;
  const std::string_view before(text.data(), at);
  for (std::string_view stop : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"}) {  // 。！？
    if (before.ends_with(stop)) return true;
  }
  if (!before.ends_with(' ')) return false;
  std::string_view head = before.substr(0, at - 1);
  for (int closers = 0; closers < 3; ++closers) {
    if (head.ends_with('"') || head.ends_with('\'') || head.ends_with(')') || head.ends_with(']')) {
      head.remove_suffix(1);
    } else if (head.ends_with("\xE2\x80\x9D") || head.ends_with("\xE2\x80\x99")) {  // ” ’
      head.remove_suffix(3);
    } else {
      break;
    }
  }
  return head.ends_with('.') || head.ends_with('!') || head.ends_with('?');
}

// The first place in [at, limit] a window can start: after a space when one is near, else
// at the next word. limit must be a word start.
std::size_t snap_start(const FlatText& flat, const std::vector<Token>& tokens, std::size_t at,
                       std::size_t limit) {
  if (at == 0) return 0;
  for (std::size_t q = at; q <= std::min(limit, at + kSpaceReach); ++q) {
    if (flat.text[q - 1] == ' ') return q;
  }
  const auto next =
      std::lower_bound(tokens.begin(), tokens.end(), at,
                       [](const Token& token, std::size_t offset) { return token.begin < offset; });
  return next == tokens.end() ? limit : std::min(next->begin, limit);
}

// The last place in [min_end, at] a window can end: before a space when one is near, else
// after the previous word. min_end must be a word end.
std::size_t snap_end(const FlatText& flat, const std::vector<Token>& tokens, std::size_t at,
                     std::size_t min_end) {
  const std::string& text = flat.text;
  if (at >= text.size()) return text.size();
  if (at <= min_end) return min_end;
  const std::size_t lowest = std::max(min_end, at > kSpaceReach ? at - kSpaceReach : 0);
  for (std::size_t q = at + 1; q-- > lowest;) {
    if (text[q] == ' ') return q;
  }
  const auto after =
      std::upper_bound(tokens.begin(), tokens.end(), at,
                       [](std::size_t offset, const Token& token) { return offset < token.end; });
  if (after == tokens.begin()) return min_end;
  return std::max(std::prev(after)->end, min_end);
}

// The first sentence start in [from, to], if any.
std::optional<std::size_t> sentence_start_in(const FlatText& flat, std::size_t from,
                                             std::size_t to) {
  for (std::size_t at = from; at <= to; ++at) {
    if (is_sentence_start(flat, at)) return at;
  }
  return std::nullopt;
}

// Where a window around [core_begin, ...) with slack bytes to spare starts: the start of
// the sentence holding the first match when it is close, else a little context earlier.
std::size_t choose_start(const FlatText& flat, const std::vector<Token>& tokens,
                         std::size_t core_begin, std::size_t slack, std::size_t max_bytes) {
  const std::size_t lookback = std::min({slack, max_bytes / 3, core_begin});
  for (std::size_t back = 0; back <= lookback; ++back) {
    if (is_sentence_start(flat, core_begin - back)) return core_begin - back;
  }
  const std::size_t context = std::min({slack, max_bytes / 6, core_begin});
  return snap_start(flat, tokens, core_begin - context, core_begin);
}

Snippet lay_out(const FlatText& flat, const std::vector<Token>& tokens,
                const std::vector<Match>& matches, const Window& window, std::size_t max_bytes) {
  const std::string& text = flat.text;
  std::size_t start = 0;
  std::size_t end = text.size();
  if (text.size() > max_bytes) {
    const std::size_t budget = window_budget(text.size(), max_bytes);
    const std::size_t core_begin = tokens[matches[window.first].first].begin;
    std::size_t core_end = 0;
    for (std::size_t m = window.first; m < window.last; ++m) {
      core_end = std::max(core_end, tokens[matches[m].last - 1].end);
    }
    const bool fits = core_end - core_begin <= budget;
    const std::size_t slack = fits ? budget - (core_end - core_begin) : 0;
    // An oversized phrase is cut between its words, keeping at least the first.
    const std::size_t min_end = fits ? core_end : tokens[matches[window.first].first].end;
    start = choose_start(flat, tokens, core_begin, slack, max_bytes);
    end = snap_end(flat, tokens, start + budget, min_end);
    if (end == text.size() && end - start < budget) {
      // The window reached the end of the text: spend the room left on what comes before.
      const std::size_t lowest = text.size() - budget;
      start = sentence_start_in(flat, lowest, std::min(start, lowest + max_bytes / 3))
                  .value_or(snap_start(flat, tokens, lowest, start));
    }
    while (end > min_end && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == ';' ||
                             text[end - 1] == ':')) {
      --end;
    }
  }

  Snippet snippet;
  if (start > 0 || flat.cut_front) snippet.text = kEllipsis;
  const std::size_t shift = snippet.text.size();
  snippet.text.append(text, start, end - start);
  if (end < text.size() || flat.cut_back) snippet.text += kEllipsis;
  const auto mark = [&](std::size_t first, std::size_t last) {
    for (std::size_t t = first; t < last; ++t) {
      const Token& token = tokens[t];
      if (token.begin >= start && token.end <= end) {
        snippet.highlights.emplace_back(token.begin - start + shift, token.end - start + shift);
      }
    }
  };
  for (const Match& match : matches) {
    if (match.runs.empty()) mark(match.first, match.last);
    for (const auto& [first, last] : match.runs) mark(first, last);
  }
  std::sort(snippet.highlights.begin(), snippet.highlights.end());
  snippet.highlights.erase(std::unique(snippet.highlights.begin(), snippet.highlights.end()),
                           snippet.highlights.end());
  return snippet;
}

// One section's text, words and matches, kept for the section that wins.
struct Candidate {
  FlatText flat;
  std::vector<Token> tokens;
  std::vector<Match> matches;
  Window window;
};

Snippet lead(const Brief& brief, std::size_t max_bytes) {
  for (const Section& section : brief.sections) {
    if (!trim(section.text).empty()) return {lead_snippet(section.text, max_bytes), {}};
  }
  return {};
}

}  // namespace

Snippet make_snippet(const Brief& brief, const std::vector<HighlightTerm>& terms,
                     Analyser& analyser, std::size_t max_bytes) {
  const SnippetTerms index(terms);
  std::optional<Candidate> best;
  std::size_t budget = kMaxAnalysedBytes;
  for (const Section& section : brief.sections) {
    if (index.size() == 0 || budget == 0) break;
    const std::vector<bool> applicable = index.applicable(text_field_for_section(section.name));
    if (applicable.empty()) continue;
    const std::string_view scanned = scanned_part(section.text, index);
    if (scanned.empty()) continue;
    // A section that cannot beat the best window so far is not analysed: the same snippet,
    // for a fraction of the work when the first section holding the words is best.
    const SnippetTerms::MatchBound bound = index.match_bound(scanned);
    if (!((best ? best->window.score : Score{}) < Score{bound.distinct, bound.matches})) continue;
    budget -= std::min(budget, scanned.size());
    Candidate candidate;
    // Repaired first so the analyser's byte offsets are exact.
    candidate.flat = is_valid_utf8(scanned) ? flatten(scanned) : flatten(repair_utf8(scanned));
    candidate.flat.cut_front = scanned.data() != section.text.data();
    candidate.flat.cut_back =
        scanned.data() + scanned.size() != section.text.data() + section.text.size();
    candidate.tokens = analyser.analyse_without_stems(candidate.flat.text);
    candidate.matches = index.find(candidate.tokens, applicable, analyser);
    if (candidate.matches.empty()) continue;
    candidate.window = best_window(candidate.matches, candidate.tokens, index.size(),
                                   window_budget(candidate.flat.text.size(), max_bytes));
    if (!best || best->window.score < candidate.window.score) best = std::move(candidate);
  }
  if (!best) return lead(brief, max_bytes);
  return lay_out(best->flat, best->tokens, best->matches, best->window, max_bytes);
}

std::string lead_snippet(const std::string& text, std::size_t max_bytes) {
  std::string flat;
  flat.reserve(std::min(text.size(), max_bytes + 8));
  for (char c : text) {
    if (c == '\n') {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += c;
    }
    if (flat.size() > max_bytes) break;
  }
  if (flat.size() <= max_bytes) return flat;
  std::size_t cut = flat.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = utf8_prefix(flat, max_bytes).size();
  }
  flat.resize(cut);
  while (!flat.empty() && (flat.back() == ' ' || flat.back() == ',')) flat.pop_back();
  flat += kEllipsis;
  return flat;
}

}  // namespace briefsearch

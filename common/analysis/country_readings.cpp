// Rules 3 to 5 of the country gazetteer's mentions (country_mentions.cpp lists them all):
// towns named after countries, names that are also a person's or a US state's, lists, and
// one reading of a name per brief.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "common/analysis/country_match.h"
#include "common/analysis/stop_words.h"
#include "common/base/string_utils.h"

namespace briefsearch::country_rules {
namespace {

using Match = CountryGazetteer::Match;
using Reading = Match::Reading;

// Words beside a name that say it is the US state (rule 5).
constexpr std::array<std::string_view, 17> kStateWordsAfter = {
    "governor", "gov",       "county",      "counties",      "republican",   "republicans",
    "democrat", "democrats", "gop",         "legislature",   "statehouse",   "senate",
    "senator",  "senators",  "congressman", "congresswoman", "congressional"};
// Before "of Georgia", within kMostWordsBeforeOf words: "the state of Georgia", "Gov.
// Brian Kemp of Georgia", "Sen. Raphael Warnock of Georgia".
constexpr std::array<std::string_view, 9> kStateWordsBeforeOf = {
    "state", "governor",       "gov",         "senator",      "sen",
    "rep",   "representative", "congressman", "congresswoman"};
constexpr std::size_t kMostWordsBeforeOf = 4;
constexpr std::array<std::string_view, 13> kStateWordsBeforeComma = {
    "county", "atlanta",  "savannah", "augusta", "macon",      "athens", "columbus",
    "albany", "marietta", "valdosta", "roswell", "alpharetta", "decatur"};
// Capitalised words after a country's name that name its offices and bodies, not a
// person's surname (rule 4): "Chad President Mahamat Deby", "Jordan Armed Forces".
constexpr std::array<std::string_view, 30> kOfficeWords = {
    "president",  "presidential", "prime",   "minister",   "ministry", "king",
    "queen",      "crown",        "prince",  "foreign",    "defence",  "defense",
    "interior",   "army",         "armed",   "air",        "navy",     "national",
    "government", "parliament",   "embassy", "ambassador", "supreme",  "central",
    "coast",      "border",       "police",  "security",   "military", "junta"};
// Capitalised words before a name that are not a person's name (rule 4).
constexpr std::array<std::string_view, 23> kDirectionWords = {
    "north",     "south",   "east",    "west",         "northern",   "southern",
    "eastern",   "western", "central", "northeast",    "northwest",  "southeast",
    "southwest", "upper",   "lower",   "greater",      "inner",      "outer",
    "mainland",  "rural",   "coastal", "neighbouring", "neighboring"};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The token's first code point, or -1 past the text.
UChar32 first_letter(std::string_view text, const Token& token) {
  std::size_t offset = token.begin;
  if (offset >= text.size()) return -1;
  return next_code_point(text, offset).value;
}

std::string_view written(std::string_view text, const Token& token) {
  if (token.begin > token.end || token.end > text.size()) return {};
  return text.substr(token.begin, token.end - token.begin);
}

// Whether a word could belong to a person's name: capitalised, then in lowercase (or a
// single letter, an initial), and no function word or word of direction.
bool is_name_word(std::string_view text, const Token& token) {
  if (!starts_with_capital(text, token)) return false;
  const std::string_view word = written(text, token);
  std::size_t offset = 0;
  (void)next_code_point(word, offset);
  const bool initial = offset >= word.size() || word.substr(offset).starts_with(".");
  const bool has_lowercase =
      std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!initial && !has_lowercase) return false;  // an initialism: "UN", "EU"
  return !is_stop_word(token.term, word) && !is_one_of(token.term, kDirectionWords);
}

// Whether each line of a text is in title case: at least three words (function words
// aside) and more than four in five of them capitalised, as in a headline, where capitals
// say nothing. A sentence has lowercase words: "Jordan Peterson spoke in London". Each
// line is read once, however many names it holds, so a long text costs one pass.
class TitleCaseLines {
 public:
  TitleCaseLines(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  // Whether the line holding the token at index is in title case.
  bool at(std::size_t index) {
    if (line_ends_.empty()) {
      for (std::size_t end = text_.find('\n'); end != std::string_view::npos;
           end = text_.find('\n', end + 1)) {
        line_ends_.push_back(end);
      }
      line_ends_.push_back(text_.size());
    }
    const auto end = std::lower_bound(line_ends_.begin(), line_ends_.end(), tokens_[index].begin);
    const std::size_t line = static_cast<std::size_t>(end - line_ends_.begin());
    const auto known = verdicts_.find(line);
    if (known != verdicts_.end()) return known->second;
    const std::size_t line_begin = line == 0 ? 0 : line_ends_[line - 1] + 1;
    const std::size_t line_end = end == line_ends_.end() ? text_.size() : *end;
    return verdicts_[line] = in_title_case(line_begin, line_end);
  }

 private:
  [[nodiscard]] bool in_title_case(std::size_t line_begin, std::size_t line_end) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<std::size_t> line_ends_;    // each line break's offset, then the text's size
  std::map<std::size_t, bool> verdicts_;  // by line number
};

bool TitleCaseLines::in_title_case(std::size_t line_begin, std::size_t line_end) const {
  // Tokens are in text order: those of the line are one run.
  auto token = std::lower_bound(
      tokens_.begin(), tokens_.end(), line_begin,
      [](const Token& candidate, std::size_t offset) { return candidate.begin < offset; });
  std::size_t words = 0;
  std::size_t capitalised = 0;
  for (; token != tokens_.end() && token->begin < line_end; ++token) {
    const UChar32 letter = first_letter(text_, *token);
    if (letter < 0 || !u_isalpha(letter) || is_stop_word(token->term, written(text_, *token))) {
      continue;
    }
    ++words;
    if (u_isupper(letter)) ++capitalised;
  }
  constexpr std::size_t kTitleShare = 5;  // 4 of 5
  return words >= 3 && capitalised * kTitleShare > words * (kTitleShare - 1);
}

// Whether the two matches (a before b) are items of one list: only spaces, commas, "&",
// "and" and "or" between them ("Arizona, Georgia and Michigan").
bool list_neighbours(std::string_view text, const std::vector<Token>& tokens, const Match& a,
                     const Match& b) {
  std::size_t at = a.end;
  for (std::size_t i = a.first + a.count; i < b.first; ++i) {
    if (tokens[i].term != "and" && tokens[i].term != "or") return false;
    if (text.substr(at, tokens[i].begin - at).find_first_not_of(" ,&") != std::string_view::npos) {
      return false;
    }
    at = tokens[i].end;
  }
  return at <= b.begin &&
         text.substr(at, b.begin - at).find_first_not_of(" ,&") == std::string_view::npos;
}

// Whether only spaces and at least one comma or opening bracket separate a and b
// ("Georgia, US", "Georgia (U.S.)", "Lebanon, Pennsylvania").
bool apposed(std::string_view text, const Match& a, const Match& b) {
  if (a.end > b.begin) return false;
  const std::string_view gap = text.substr(a.end, b.begin - a.end);
  return gap.find_first_of(",(") != std::string_view::npos &&
         gap.find_first_not_of(" ,(") == std::string_view::npos;
}

bool is_us_place(const Match& match) {
  return match.alias->flags.place && match.alias->code == "US";
}

}  // namespace

bool joins_words(std::string_view text, const Token& before, const Token& after) {
  if (before.end > after.begin || after.begin > text.size()) return false;
  const std::string_view gap = text.substr(before.end, after.begin - before.end);
  if (gap.find_first_of(",;:!?()[]{}\"/|\n") != std::string_view::npos) return false;
  constexpr std::size_t kMaxAbbreviationBytes = 3;  // "st", "u.s", "d.r"
  return gap.find('.') == std::string_view::npos ||
         before.end - before.begin <= kMaxAbbreviationBytes;
}

bool starts_with_capital(std::string_view text, const Token& token) {
  const UChar32 letter = first_letter(text, token);
  return letter >= 0 && u_isupper(letter);
}

namespace {

// The token right before (offset -1) or after (offset +1) the match at position within
// its clause, unless the match before or after it holds that token; nothing otherwise.
std::optional<std::size_t> neighbour_word(std::string_view text, const std::vector<Token>& tokens,
                                          const std::vector<Match>& matches, std::size_t position,
                                          int offset) {
  const Match& match = matches[position];
  const std::size_t last = match.first + match.count - 1;
  if (offset < 0 ? match.first == 0 : last + 1 >= tokens.size()) return std::nullopt;
  const std::size_t index = offset < 0 ? match.first - 1 : last + 1;
  const bool joined = offset < 0 ? joins_words(text, tokens[index], tokens[match.first])
                                 : joins_words(text, tokens[last], tokens[index]);
  if (!joined) return std::nullopt;
  // Matches are in text order and never overlap: only a neighbour can hold the token.
  if (offset < 0 && position > 0 &&
      matches[position - 1].first + matches[position - 1].count > index) {
    return std::nullopt;
  }
  if (offset > 0 && position + 1 < matches.size() && matches[position + 1].first == index) {
    return std::nullopt;
  }
  return index;
}

// Rule 4, for the match at position, of a person-name alias.
Reading person_reading(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<Match>& matches, std::size_t position,
                       TitleCaseLines& title_case) {
  const Match& match = matches[position];
  if (title_case.at(match.first)) return Reading::kUndecided;
  const auto before = neighbour_word(text, tokens, matches, position, -1);
  const auto after = neighbour_word(text, tokens, matches, position, +1);
  // A given name is no possessive ("Deby's Chad"); a surname may be ("Chad Smith's").
  const bool name_before =
      before && is_name_word(text, tokens[*before]) && !tokens[*before].term.ends_with("'s");
  const bool name_after =
      after && is_name_word(text, tokens[*after]) && !is_one_of(tokens[*after].term, kOfficeWords);
  const bool possessive = tokens[match.first + match.count - 1].term.ends_with("'s");
  if (name_after && !name_before && !possessive) return Reading::kNone;  // "Chad Smith"
  if (!name_before || name_after) return Reading::kCountry;
  // "Michael Jordan": a surname, unless the given name may only be a sentence's first
  // word ("Neighbouring Chad").
  const bool opens_sentence =
      *before == 0 || !joins_words(text, tokens[*before - 1], tokens[*before]);
  return opens_sentence ? Reading::kNone : Reading::kSurname;
}

// Rule 5's words, for the match at position, of a us-state alias.
bool state_words_beside(std::string_view text, const std::vector<Token>& tokens,
                        const std::vector<Match>& matches, std::size_t position) {
  const Match& match = matches[position];
  const bool possessive = tokens[match.first + match.count - 1].term.ends_with("'s");
  if (const auto after = neighbour_word(text, tokens, matches, position, +1)) {
    const std::string_view word = tokens[*after].term;
    if (is_one_of(word, kStateWordsAfter)) return true;
    // "Georgia state law", not "Georgia's state-run television"
    if (word == "state" && !possessive && !text.substr(tokens[*after].end).starts_with("-")) {
      return true;
    }
  }
  if (const auto before = neighbour_word(text, tokens, matches, position, -1)) {
    if (tokens[*before].term != "of") return false;
    for (std::size_t i = *before, words = 0; i > 0 && words < kMostWordsBeforeOf; --i, ++words) {
      if (!joins_words(text, tokens[i - 1], tokens[i])) return false;
      if (is_one_of(tokens[i - 1].term, kStateWordsBeforeOf)) return true;
    }
    return false;
  }
  if (match.first == 0) return false;
  // "Atlanta, Georgia", "Fulton County, Georgia"
  const Token& before = tokens[match.first - 1];
  if (before.end > match.begin) return false;
  const std::string_view gap = text.substr(before.end, match.begin - before.end);
  return gap.find(',') != std::string_view::npos &&
         gap.find_first_not_of(" ,") == std::string_view::npos &&
         is_one_of(before.term, kStateWordsBeforeComma);
}

// Rule 5, for one match (at index) of a us-state alias.
Reading state_reading(std::string_view text, const std::vector<Token>& tokens,
                      const std::vector<Match>& matches, std::size_t index) {
  const Match& match = matches[index];
  if (index + 1 < matches.size()) {
    const Match& next = matches[index + 1];
    // "Georgia, US", "Georgia (U.S.)"
    if (next.alias->code == "US" && !next.alias->flags.place && apposed(text, match, next)) {
      return Reading::kState;
    }
    if (is_us_place(next) && list_neighbours(text, tokens, match, next)) return Reading::kState;
  }
  if (index > 0 && is_us_place(matches[index - 1]) &&
      list_neighbours(text, tokens, matches[index - 1], match)) {
    return Reading::kState;
  }
  return state_words_beside(text, tokens, matches, index) ? Reading::kState : Reading::kCountry;
}

}  // namespace

// Rule 3: "Lebanon, Pennsylvania" is a town, unless the state heads a list ("Mexico,
// Texas and Arizona").
void read_towns(std::string_view text, const std::vector<Token>& tokens,
                std::vector<Match>& matches) {
  for (std::size_t i = 0; i + 1 < matches.size(); ++i) {
    Match& name = matches[i];
    const Match& state = matches[i + 1];
    if (name.alias->flags.place || name.alias->flags.us_state || !is_us_place(state)) continue;
    if (!apposed(text, name, state)) continue;
    const bool state_listed =
        i + 2 < matches.size() && list_neighbours(text, tokens, state, matches[i + 2]);
    if (!state_listed) name.reading = Reading::kNone;
  }
}

// Rules 4 and 5 over one text's matches.
void read_names(std::string_view text, const std::vector<Token>& tokens,
                std::vector<Match>& matches) {
  TitleCaseLines title_case(text, tokens);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    Match& match = matches[i];
    if (match.reading != Reading::kCountry) continue;
    if (match.alias->flags.us_state) match.reading = state_reading(text, tokens, matches, i);
    if (match.reading == Reading::kCountry && match.alias->flags.person_name) {
      match.reading = person_reading(text, tokens, matches, i, title_case);
    }
  }
}

// Marks the matches that are items of a list of three or more names.
void mark_lists(std::string_view text, const std::vector<Token>& tokens,
                std::vector<Match>& matches) {
  constexpr std::size_t kListItems = 3;
  for (std::size_t first = 0; first < matches.size();) {
    std::size_t last = first;
    while (last + 1 < matches.size() &&
           list_neighbours(text, tokens, matches[last], matches[last + 1])) {
      ++last;
    }
    if (last - first + 1 >= kListItems) {
      for (std::size_t i = first; i <= last; ++i) matches[i].listed = true;
    }
    first = last + 1;
  }
}

// One sense per discourse (rules 4 and 5): the bare uses of a name take the reading its
// other uses were given, unless another alias names its country.
void read_discourse(std::vector<std::vector<Match>>& texts) {
  std::map<const void*, std::vector<Match*>> uses;      // of each person-name or us-state alias
  std::map<std::string, std::set<const void*>> naming;  // the aliases that name each country
  for (std::vector<Match>& matches : texts) {
    for (Match& match : matches) {
      if (match.alias->flags.person_name || match.alias->flags.us_state) {
        uses[match.alias].push_back(&match);
      }
      if (match.reading == Reading::kCountry || match.reading == Reading::kUndecided) {
        naming[match.alias->code].insert(match.alias);
      }
    }
  }
  for (auto& [alias, alias_matches] : uses) {
    // A named reference: a lambda may not capture a structured binding before C++20's
    // P1091 (clang 14 refuses it).
    auto& matches = alias_matches;
    const std::set<const void*>& aliases = naming[matches.front()->alias->code];
    if (aliases.size() > (aliases.contains(alias) ? 1U : 0U)) continue;  // named otherwise
    const auto has = [&](Reading reading) {
      return std::any_of(matches.begin(), matches.end(),
                         [&](const Match* match) { return match->reading == reading; });
    };
    Reading bare = Reading::kCountry;  // for a use whose neighbours said it is the country
    Reading undecided = Reading::kCountry;
    if (has(Reading::kState)) {
      bare = undecided = Reading::kState;
    } else if (has(Reading::kSurname)) {
      bare = undecided = Reading::kNone;
    } else if (has(Reading::kNone) && !has(Reading::kCountry)) {
      undecided = Reading::kNone;  // "Drummer Chad Smith Tours" above "Chad Smith said"
    }
    for (Match* match : matches) {
      if (match->reading == Reading::kCountry) match->reading = bare;
      if (match->reading == Reading::kUndecided) match->reading = undecided;
    }
  }
}

}  // namespace briefsearch::country_rules

// The country gazetteer's mention rules: which of its aliases a brief's texts hold, and
// what each one names there (CountryGazetteer::mentions_in_brief). In order:
//  1. The longest alias wins, and an alias never spans a clause or sentence break.
//  2. In running text an alias counts only when it starts with a capital letter: proper
//     names are capitalised, so "turkey", "china" and "chile" are the bird, the plates and
//     the pepper. An exact-case alias counts only as written ("US", not "us").
//  3. A country's name followed by a comma and a US state is a US town ("Lebanon,
//     Pennsylvania"): no mention of the country (the state is a mention of the US).
//  4. A name that is also a given name or a surname (person-name: Chad, Jordan, Georgia)
//     is no mention when a word of a person's name stands beside it on one side only (a
//     capitalised word that is no function word, initialism or word of direction, and is
//     not itself a name; before it no possessive, after it no word of a country's offices
//     such as "President" or "Armed"): "Chad Smith", "Jordan Peterson", "Georgia Tech",
//     "the Jordan Valley" (followed), "Michael Jordan", "Michael B. Jordan" (preceded). Lines in
//     title case, where every word has a capital, say nothing by themselves. A surname inside a
//     sentence ("star Michael Jordan") makes the brief's other bare "Jordan"s the person too, and a
//     name beside a given name or surname
//     ("Chad Smith said") its uses in title case ("Drummer Chad Smith Announces Tour"),
//     unless the brief names the country in another way (another of its aliases:
//     "Jordanian"), or, for title case, uses the name as the country elsewhere.
//  5. A name that is also a US state's (us-state: Georgia) is the state, a mention of the
//     United States, where the words around it say so: "Atlanta, Georgia", "Fulton County,
//     Georgia", "Georgia, US", "Georgia (U.S.)", "the state of Georgia", "Gov. Brian Kemp
//     of Georgia", "Georgia's governor", "Georgia state law", "Georgia Republicans",
//     "Arizona, Georgia and Michigan". Then every bare "Georgia" of the brief is the state too,
//     unless the brief names the country in another way ("Georgian", "Abkhazia").
// Rules 4 and 5 are one sense per discourse (Gale, Church and Yarowsky, 1992): a brief
// about the US state names it so throughout, and one about the country has other signs.
#include <algorithm>

#include "common/analysis/country_match.h"

namespace briefsearch {

using country_rules::joins_words;
using country_rules::starts_with_capital;
using Reading = CountryGazetteer::Match::Reading;

bool CountryGazetteer::matches_at(const Alias& alias, std::string_view text,
                                  const std::vector<Token>& tokens, std::size_t first) {
  const std::size_t count = alias.words.size();
  if (tokens.size() - first < count) return false;
  for (std::size_t k = 1; k < count; ++k) {
    if (match_word(tokens[first + k].term) != alias.words[k]) return false;
    if (!joins_words(text, tokens[first + k - 1], tokens[first + k])) return false;
  }
  if (alias.exact_form.empty()) return true;
  const std::size_t begin = tokens[first].begin;
  const std::size_t end = tokens[first + count - 1].end;
  // starts_with, not ==: the token may carry a possessive ("UK’s").
  return begin <= end && end <= text.size() &&
         text.substr(begin, end - begin).starts_with(alias.exact_form);
}

std::vector<CountryGazetteer::Match> CountryGazetteer::matches_in(
    std::string_view text, const std::vector<Token>& tokens) const {
  std::vector<Match> matches;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto candidates = aliases_by_first_word_.find(match_word(tokens[i].term));
    if (candidates == aliases_by_first_word_.end()) continue;
    for (const Alias& alias : candidates->second) {
      if (!matches_at(alias, text, tokens, i)) continue;
      const std::size_t last = i + alias.words.size() - 1;
      if (!alias.code.empty() && starts_with_capital(text, tokens[i])) {
        matches.push_back({&alias, i, alias.words.size(), tokens[i].begin, tokens[last].end});
      }
      i = last;
      break;
    }
  }
  country_rules::read_towns(text, tokens, matches);
  country_rules::read_names(text, tokens, matches);
  country_rules::mark_lists(text, tokens, matches);
  return matches;
}

std::vector<std::vector<CountryMention>> CountryGazetteer::mentions_in_brief(
    const std::vector<AnalysedText>& texts) const {
  std::vector<std::vector<Match>> matches;
  for (const AnalysedText& text : texts) matches.push_back(matches_in(text.text, *text.tokens));
  country_rules::read_discourse(matches);
  std::vector<std::vector<CountryMention>> mentions(texts.size());
  for (std::size_t t = 0; t < matches.size(); ++t) {
    for (const Match& match : matches[t]) {
      if (match.reading == Reading::kCountry || match.reading == Reading::kUndecided) {
        mentions[t].push_back({match.alias->code, match.begin, match.end, match.listed});
      } else if (match.reading == Reading::kState) {
        mentions[t].push_back({"US", match.begin, match.end, match.listed});
      }
    }
  }
  return mentions;
}

std::vector<CountryMention> CountryGazetteer::mentions_of(std::string_view text,
                                                          const std::vector<Token>& tokens) const {
  return std::move(mentions_in_brief({{text, &tokens}}).front());
}

std::vector<std::string> CountryGazetteer::mentions_in(std::string_view text,
                                                       const std::vector<Token>& tokens) const {
  std::vector<std::string> codes;
  for (CountryMention& mention : mentions_of(text, tokens))
    codes.push_back(std::move(mention.code));
  return codes;
}

std::vector<std::string> CountryGazetteer::mentioned_in(std::string_view text,
                                                        const std::vector<Token>& tokens) const {
  std::vector<std::string> codes;
  for (std::string& code : mentions_in(text, tokens)) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      codes.push_back(std::move(code));
    }
  }
  return codes;
}

}  // namespace briefsearch

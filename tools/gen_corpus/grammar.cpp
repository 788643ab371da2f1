// The grammar: each phrase is drawn from weighted alternatives, every word from a Zipf list.
#include "tools/gen_corpus/grammar.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace briefsearch::gen_corpus {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr int kMinWords = 8;
constexpr int kMaxWords = 30;

bool starts_with_vowel(std::string_view word) {
  return !word.empty() && std::string_view("aeiouAEIOU").find(word[0]) != std::string_view::npos;
}

void capitalize_first(std::string& text, size_t at) {
  if (at < text.size() && text[at] >= 'a' && text[at] <= 'z') text[at] -= 'a' - 'A';
}

}  // namespace

// Appends a word or phrase, separated by a space, and counts its words.
void Grammar::word(std::string_view text) {
  if (!sentence_.empty()) sentence_ += ' ';
  sentence_ += text;
  words_ += 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
}

// Scraped pages print hyphens in compounds as spaced en dashes ("long – term").
void Grammar::compound_word(std::string_view text) {
  const size_t hyphen = text.find('-');
  if (hyphen == std::string_view::npos || random_.percent(40)) return word(text);
  std::string spaced(text.substr(0, hyphen));
  spaced += " \xE2\x80\x93 ";
  spaced += text.substr(hyphen + 1);
  word(spaced);
}

void Grammar::number() {
  switch (random_.below(4)) {
    case 0:
      word(std::to_string(random_.between(2, 99)));
      break;
    case 1:
      word(std::to_string(random_.between(100, 999)));
      break;
    case 2:
      word(std::to_string(random_.between(1, 99)) + "," +
           std::to_string(random_.between(100, 999)));
      break;
    default:
      word(std::to_string(random_.between(1, 9)) + "." + std::to_string(random_.between(1, 9)));
  }
}

void Grammar::country_mention() {
  word(random_.percent(45) ? country_.in_text : v_.countries.pick(random_).in_text);
}

void Grammar::place() {
  const auto kind = random_.below(10);
  if (kind < 3) {
    country_mention();
  } else if (kind < 5) {
    word(random_.percent(50) ? country_.capital : v_.countries.pick(random_).capital);
  } else {
    word(v_.places.pick(random_));
  }
}

bool Grammar::noun_phrase(bool allow_of) {
  const Noun& noun = v_.nouns.pick(random_);
  const bool plural = noun.kind == Noun::Kind::kPluralOnly ||
                      (noun.kind == Noun::Kind::kCountable && random_.percent(45));
  const bool adjective = random_.percent(45);
  const std::string& adjective_text = v_.adjectives.pick(random_);
  const std::string_view first = adjective ? adjective_text : noun.singular;
  const bool needs_determiner = noun.kind == Noun::Kind::kCountable && !plural;
  const auto determiner = random_.below(needs_determiner ? 7 : 10);
  if (needs_determiner && determiner < 3) {
    word(starts_with_vowel(first) ? "an" : "a");
  } else if (determiner < 6) {
    word("the");
  } else if (determiner < 7) {
    word(random_.percent(50) ? "its" : "their");
  } else if (plural && determiner < 8) {
    if (random_.percent(50)) {
      word("several");
    } else {
      if (random_.percent(50)) word("more than");
      number();
    }
  }
  if (adjective) compound_word(adjective_text);
  word(plural ? noun.plural : noun.singular);
  if (allow_of && random_.percent(20)) {
    word("of");
    if (random_.percent(30)) {
      country_mention();
    } else {
      noun_phrase(false);
    }
  }
  return plural;
}

void Grammar::person() {
  if (random_.percent(70)) word(v_.person_titles.pick(random_));
  word(v_.given_names.pick(random_));
  word(v_.surnames.pick(random_));
}

void Grammar::pseudo_organisation() {
  const std::string& place = v_.places.pick(random_);
  const std::string& kind = v_.organisation_kinds.pick(random_);
  word("the");
  word(place);
  word(kind);
  if (random_.percent(30)) {
    std::string acronym = "(";
    acronym += place[0];
    for (size_t i = 0; i < kind.size(); ++i) {
      if ((i == 0 || kind[i - 1] == ' ') && kind[i] >= 'A' && kind[i] <= 'Z') acronym += kind[i];
    }
    word(acronym + ")");
  }
}

bool Grammar::subject() {
  const auto kind = random_.below(100);
  if (kind < 22) {
    country_mention();
    return false;
  }
  if (kind < 40) {
    const Noun& institution = v_.institutions.pick(random_);
    const bool plural = institution.kind == Noun::Kind::kPluralOnly;
    if (!plural || random_.percent(40)) word("the");
    word(random_.percent(60) ? country_.demonym : v_.countries.pick(random_).demonym);
    word(institution.singular);
    return plural;
  }
  if (kind < 55) {
    person();
    return false;
  }
  if (kind < 67) {
    word(v_.organisations.pick(random_));
    return false;
  }
  if (kind < 75) {
    pseudo_organisation();
    return false;
  }
  return noun_phrase(true);
}

void Grammar::object() {
  const auto kind = random_.below(10);
  if (kind < 7) {
    noun_phrase(true);
  } else if (kind < 8) {
    country_mention();
  } else if (kind < 9) {
    word(v_.organisations.pick(random_));
  } else {
    person();
  }
}

void Grammar::verb_phrase(Mood mood, bool plural) {
  const Verb& verb = v_.verbs.pick(random_);
  if (mood == Mood::kReport) {
    if (random_.percent(10)) word(v_.adverbs.pick(random_));
    word(verb.past);
  } else if (mood == Mood::kBackground) {
    word("had");
    if (random_.percent(15)) word(v_.adverbs.pick(random_));
    word(verb.participle);
  } else {
    static constexpr std::array<std::string_view, 9> kModals = {
        "will",           "could",          "may",           "would", "is likely to",
        "is expected to", "is unlikely to", "will probably", "might"};
    std::string modal(kModals[random_.below(kModals.size())]);
    if (plural && modal.starts_with("is ")) modal.replace(0, 2, "are");
    word(modal);
    word(verb.base);
  }
  object();
}

void Grammar::month_day() {
  word(kMonths[random_.below(12)]);
  word(std::to_string(random_.between(1, 28)));
}

// Formulaic phrases appear at most once per sentence.
bool Grammar::first_use(unsigned phrase) {
  const bool first = (used_phrases_ & (1U << phrase)) == 0;
  used_phrases_ |= 1U << phrase;
  return first;
}

const Country& Grammar::other_country(const Country& than) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    const Country& country = v_.countries.pick(random_);
    if (&country != &than) return country;
  }
  return &than == &country_ ? v_.countries.items().back() : country_;
}

void Grammar::tail(Mood mood) {
  static constexpr std::array<std::string_view, 12> kLinks = {
      "in",   "near",   "after",   "amid",      "over",  "against",
      "with", "across", "despite", "following", "under", "for"};
  const auto kind = random_.below(100);
  if (kind < 25) {
    word(random_.percent(75) ? "in" : "near");
    place();
  } else if (kind < 55) {
    word(kLinks[2 + random_.below(kLinks.size() - 2)]);
    noun_phrase(true);
  } else if (kind < 62 && mood != Mood::kOutlook) {
    word("on");
    month_day();
  } else if (kind < 66 && first_use(0)) {
    word("for the first time since");
    word(std::to_string(random_.between(1990, 2022)));
  } else if (kind < 71 && first_use(1)) {
    word("worth about");
    word(std::to_string(random_.between(2, 900)));
    word(random_.percent(60) ? "million dollars" : "billion dollars");
  } else if (kind < 77 && first_use(2)) {
    sentence_ += ',';
    word("according to");
    if (random_.percent(50)) {
      word(random_.percent(50) ? country_.demonym : v_.countries.pick(random_).demonym);
      word("officials");
    } else {
      static constexpr std::array<std::string_view, 4> kSources = {
          "diplomatic sources", "local media", "a government statement", "satellite imagery"};
      word(kSources[random_.below(kSources.size())]);
    }
  } else if (kind < 84 && first_use(3)) {
    sentence_ += ',';
    word("which");
    verb_phrase(mood == Mood::kReport ? Mood::kReport : Mood::kBackground, false);
  } else if (kind < 89 && first_use(4)) {
    const Country& first = v_.countries.pick(random_);
    word("between");
    word(first.in_text);
    word("and");
    word(other_country(first).in_text);
  } else if (kind < 95 && first_use(5)) {
    sentence_ += ',';
    word(random_.percent(50) ? "while" : "and");
    verb_phrase(mood, subject());
  } else if (first_use(6)) {
    word("by");
    word(std::to_string(random_.between(2, 60)));
    word("percent");
  } else {
    word("in");
    place();
  }
}

void Grammar::opener(Mood mood) {
  const auto chance = random_.below(100);
  if (mood == Mood::kReport && chance < 15) {
    if (random_.percent(50)) {
      word("On");
      month_day();
    } else {
      word("In");
      word(kMonths[random_.below(12)]);
    }
    sentence_ += ',';
  } else if (mood == Mood::kBackground && chance < 30) {
    static constexpr std::array<std::string_view, 4> kSince = {"In", "Since", "Until", "By"};
    word(kSince[random_.below(kSince.size())]);
    word(std::to_string(random_.between(1990, 2023)));
    sentence_ += ',';
  } else if ((mood == Mood::kImpact || mood == Mood::kOutlook) && chance < 15) {
    static constexpr std::array<std::string_view, 5> kTransitions = {
        "However,", "As a result,", "In the short term,", "Over the coming months,",
        "At the same time,"};
    word(kTransitions[random_.below(kTransitions.size())]);
  }
}

void Grammar::append_sentence(Mood mood, std::string& out) {
  sentence_.clear();
  words_ = 0;
  used_phrases_ = 0;
  const int target =
      std::max(random_.between(kMinWords, kMaxWords), random_.between(kMinWords, kMaxWords));
  if (mood == Mood::kOutlook && random_.percent(30)) {
    word("expect");
    noun_phrase(true);
  } else if (mood == Mood::kReport && random_.percent(12)) {
    subject();
    word(random_.percent(50) ? "said" : "said that");
    verb_phrase(Mood::kBackground, subject());
  } else {
    opener(mood);
    const bool plural = subject();
    verb_phrase(mood, plural);
  }
  for (int attempt = 0; words_ < target && attempt < 8; ++attempt) {
    const size_t size_before = sentence_.size();
    const int words_before = words_;
    tail(mood);
    if (words_ > kMaxWords) {
      sentence_.resize(size_before);
      words_ = words_before;
    }
  }
  capitalize_first(sentence_, 0);
  out += sentence_;
  out += '.';
}

void Grammar::append_headline(std::string& out) {
  sentence_.clear();
  words_ = 0;
  bool plural = false;
  const auto kind = random_.below(10);
  if (kind < 3) {
    const Noun& institution = v_.institutions.pick(random_);
    plural = institution.kind == Noun::Kind::kPluralOnly;
    word(institution.singular);
  } else if (kind < 5) {
    word(v_.surnames.pick(random_));
  } else if (kind < 6) {
    const std::string& organisation = v_.organisations.pick(random_);
    word(organisation.starts_with("the ") ? organisation.substr(4) : organisation);
  } else {
    const Noun& noun = v_.nouns.pick(random_);
    plural = noun.kind == Noun::Kind::kPluralOnly;
    word(v_.adjectives.pick(random_));
    word(noun.singular);
  }
  const Verb& verb = v_.verbs.pick(random_);
  word(plural ? verb.base : verb.third);
  if (random_.percent(40)) word(v_.adjectives.pick(random_));
  const Noun& object = v_.nouns.pick(random_);
  word(object.kind == Noun::Kind::kCountable && random_.percent(50) ? object.plural
                                                                    : object.singular);
  if (random_.percent(45)) {
    static constexpr std::array<std::string_view, 5> kLinks = {"as", "after", "amid", "over", "in"};
    const std::string_view link = kLinks[random_.below(kLinks.size())];
    word(link);
    if (link == "in") {
      place();
    } else {
      noun_phrase(false);
    }
  }
  // Title case: every word capitalised except short function words after the first.
  static constexpr std::array<std::string_view, 16> kSmall = {
      "a",  "an", "the", "and", "or", "of",   "in",   "on",
      "at", "to", "for", "as",  "by", "with", "amid", "over"};
  size_t start = 0;
  while (start < sentence_.size()) {
    size_t end = sentence_.find_first_of(" -", start);
    if (end == std::string::npos) end = sentence_.size();
    const std::string_view token(sentence_.data() + start, end - start);
    const bool small = std::find(kSmall.begin(), kSmall.end(), token) != kSmall.end();
    if ((start == 0 || !small) && !token.starts_with("d'")) {
      capitalize_first(sentence_, start);
    }
    start = end + 1;
  }
  out += sentence_;
}

}  // namespace briefsearch::gen_corpus

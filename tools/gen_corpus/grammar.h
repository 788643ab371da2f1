// Sentence grammar for synthetic briefs: subjects, verb phrases and trailing phrases drawn
// from the Zipf-ranked vocabulary until a sentence reaches its drawn length.
#pragma once

#include <string>
#include <string_view>

#include "tools/gen_corpus/random.h"
#include "tools/gen_corpus/vocabulary.h"

namespace briefsearch::gen_corpus {

// What a sentence says: reported facts, earlier history, consequences or expectations.
enum class Mood { kReport, kBackground, kImpact, kOutlook };

// Writes the sentences of one brief. Holds references to `vocabulary`, `random` and
// `country` (the brief's own country, mentioned more often than others), which must
// outlive it. Not thread-safe.
class Grammar {
 public:
  Grammar(const Vocabulary& vocabulary, Random& random, const Country& country)
      : v_(vocabulary), random_(random), country_(country) {}

  // Appends one sentence of 8 to 30 words, capitalised and ending in a full stop.
  void append_sentence(Mood mood, std::string& out);

  // Appends a title-case headline: "Junta Extends Transition Amid Rising Attacks".
  void append_headline(std::string& out);

 private:
  void word(std::string_view text);
  void compound_word(std::string_view text);
  void number();
  void country_mention();
  void place();
  bool noun_phrase(bool allow_of);  // returns whether the phrase is plural
  void person();
  void pseudo_organisation();
  bool subject();  // returns whether the subject is plural
  void object();
  void verb_phrase(Mood mood, bool plural);
  void month_day();
  bool first_use(unsigned phrase);
  const Country& other_country(const Country& than);
  void tail(Mood mood);
  void opener(Mood mood);

  const Vocabulary& v_;
  Random& random_;
  const Country& country_;
  std::string sentence_;  // the sentence being built
  int words_ = 0;         // its words so far
  unsigned used_phrases_ = 0;
};

}  // namespace briefsearch::gen_corpus

// The words synthetic briefs are made of: analytic English, countries and organisations
// written out in vocabulary.cpp, and pseudo-names built from syllables, each list ranked so
// that its first entries are drawn most often (Zipf).
#pragma once

#include <string>
#include <string_view>

#include "tools/gen_corpus/random.h"

namespace briefsearch::gen_corpus {

struct Noun {
  enum class Kind {
    kCountable,   // "a port", "ports"
    kMass,        // always singular, without "a": "inflation", "the Malian government"
    kPluralOnly,  // "talks", "Malian authorities"
  };
  std::string singular;
  std::string plural;  // equal to singular unless kCountable
  Kind kind = Kind::kCountable;
};

struct Verb {
  std::string base;        // "withdraw"
  std::string third;       // "withdraws"
  std::string past;        // "withdrew"
  std::string participle;  // "withdrawn"
};

struct Country {
  std::string name;     // as in a title: "United States"
  std::string in_text;  // as in a sentence: "the United States"
  std::string demonym;  // "American"
  std::string capital;  // "Washington"
};

// Everything is built by the constructor, the same on every run and independent of any
// seed, so corpora made with different seeds share one vocabulary. Never changed
// afterwards, so one instance may be read by many threads.
struct Vocabulary {
  Vocabulary();

  Ranked<Noun> nouns;
  Ranked<Noun> institutions;  // what a demonym qualifies: "Malian authorities"
  Ranked<std::string> adjectives;
  Ranked<Verb> verbs;
  Ranked<std::string> adverbs;
  Ranked<Country> countries;
  Ranked<std::string> regions;        // title prefixes that are not countries: "Sahel"
  Ranked<std::string> organisations;  // "NATO", "the African Union"
  Ranked<std::string> organisation_kinds;
  Ranked<std::string> person_titles;
  Ranked<std::string> given_names;
  Ranked<std::string> surnames;
  Ranked<std::string> places;  // towns and districts
};

}  // namespace briefsearch::gen_corpus

// The text terms of one brief with their BM25F wdfs (common/store/schema.h, TextField):
// gathered field by field as the indexer reads the brief, written once every field's
// length is known.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/store/schema.h"

namespace briefsearch {

class WeightedTerms {
 public:
  // One occurrence of token in field: its exact term under the field's prefix, and its
  // stem under kStemmedPrefix. A field met several times (the sections indexed as
  // kOtherSectionsField) is one field, whose length is the sum of them.
  void add(const TextField& field, const Token& token);

  // One occurrence of a term that stands for a word of field whatever its form (a country
  // mention's term, kMentionsFilter), weighed as a stemmed term is.
  void add_mention(const TextField& field, const std::string& term);

  // Adds every term gathered to document with its wdf (scaled_wdf of its
  // pseudo-frequency), on top of any wdf it has there. Positions are the caller's.
  void write(Xapian::Document& document) const;

 private:
  struct FieldTerms {
    const TextField* field = nullptr;
    double length = 0;                      // words
    std::map<std::string, double> exact;    // prefixed term -> occurrences
    std::map<std::string, double> stemmed;  // kStemmedPrefix term -> occurrences
  };
  FieldTerms& terms_of(const TextField& field);

  std::vector<FieldTerms> fields_;
};

}  // namespace briefsearch

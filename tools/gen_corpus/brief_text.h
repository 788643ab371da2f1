// Composes one synthetic brief in the scraped .txt format (docs/formats.md): page furniture,
// "Country: Headline" title, "By Month D, YYYY" date line, Description and Impact sections
// and sometimes Background or Outlook.
#pragma once

#include <cstdint>
#include <string>

#include "tools/gen_corpus/vocabulary.h"

namespace briefsearch::gen_corpus {

// Appends brief number `index` of the corpus made with `seed` to `out`. The text depends
// only on (seed, index), so briefs can be written in any order and on any thread.
void append_brief(const Vocabulary& vocabulary, std::uint64_t seed, std::uint64_t index,
                  std::string& out);

}  // namespace briefsearch::gen_corpus

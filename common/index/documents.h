// Turns a Brief into the Xapian document the schema describes, and reads back the brief
// stored in a document's data.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/brief/brief.h"
#include "common/store/file_state.h"
#include "common/store/schema.h"
#include "common/store/stored_brief.h"

namespace briefsearch {

// The document for brief: positional and stemmed terms per text field, filter terms, the
// date value, and the brief itself (compact binary) in the document data. brief.id must be set.
[[nodiscard]] Xapian::Document build_document(const Brief& brief, Analyser& analyser);

// Stores where the brief came from, for incremental indexing.
void record_brief_source(Xapian::Document& document, const BriefSource& source);

// The distinct words of the document's text (title and sections), for Xapian's spelling
// table: what "did you mean" may suggest. Numbers are left out.
[[nodiscard]] std::vector<std::string> spelling_words(const Xapian::Document& document);

// The word of term when it is a word of field that belongs in the spelling table. A copy,
// not a view into term, because term is often a temporary (*it of a Xapian::TermIterator).
[[nodiscard]] std::optional<std::string> spelling_word(std::string_view term,
                                                       const TextField& field);

}  // namespace briefsearch

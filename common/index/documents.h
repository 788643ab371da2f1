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

namespace briefsearch {

// The document for brief: positional and stemmed terms per text field, filter terms, the
// date value, and the brief itself (compact binary) in the document data. brief.id must be set.
[[nodiscard]] Xapian::Document build_document(const Brief& brief, Analyzer& analyzer);

// The document data for brief: the brief itself in a compact binary form. build_document
// stores exactly this; incremental indexing hashes it to tell an unchanged brief.
[[nodiscard]] std::string brief_document_data(const Brief& brief);

// A hash of brief's stored form without its line: a JSON Lines record that only moved
// within its file (a line removed above it) is unchanged and not written again.
[[nodiscard]] std::uint64_t brief_content_hash(const Brief& brief);

// Stores where the brief came from, for incremental indexing.
void record_brief_source(Xapian::Document& document, const BriefSource& source);

// The distinct words of the document's text (title and sections), for Xapian's spelling
// table: what "did you mean" may suggest. Numbers are left out.
[[nodiscard]] std::vector<std::string> spelling_words(const Xapian::Document& document);

// The word of term when it is a word of field that belongs in the spelling table.
[[nodiscard]] std::optional<std::string_view> spelling_word(std::string_view term,
                                                            const TextField& field);

// The brief stored in a document's data. Throws std::runtime_error when the data is not a
// stored brief (a database written by something else).
[[nodiscard]] Brief brief_from_document_data(const std::string& data);

}  // namespace briefsearch

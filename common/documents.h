// Turns a Brief into the Xapian document the schema describes, and reads back the brief
// stored in a document's data.
#pragma once

#include <xapian.h>

#include <string>

#include "common/analysis.h"
#include "common/brief.h"

namespace briefsearch {

// The document for brief: positional and stemmed terms per text field, filter terms, the
// date value, and the brief itself as JSON in the document data. brief.id must be set.
[[nodiscard]] Xapian::Document build_document(const Brief& brief, Analyzer& analyzer);

// The brief stored in a document's data. Throws std::runtime_error when the data is not a
// stored brief (a database written by something else).
[[nodiscard]] Brief brief_from_document_data(const std::string& data);

}  // namespace briefsearch

// The stored brief: what a document's data holds, so a hit is shown without reading the
// source file again.
#pragma once

#include <cstdint>
#include <string>

#include "common/brief/brief.h"

namespace briefsearch {

// The document data for brief: the brief itself in a compact binary form. build_document
// stores exactly this; incremental indexing hashes it to tell an unchanged brief.
[[nodiscard]] std::string brief_document_data(const Brief& brief);

// A hash of brief's stored form without its line: a JSON Lines record that only moved
// within its file (a line removed above it) is unchanged and not written again.
[[nodiscard]] std::uint64_t brief_content_hash(const Brief& brief);

// The brief stored in a document's data. Throws std::runtime_error when the data is not a
// stored brief (a database written by something else).
[[nodiscard]] Brief brief_from_document_data(const std::string& data);

}  // namespace briefsearch

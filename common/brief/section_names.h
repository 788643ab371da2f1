// The names of the sections briefs use, and their aliases: one table read by the parsers
// (to name a heading), the indexer (the section filter) and the query parser (a section
// named as a field, "outlook:", and the section: filter).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// Name given to text that comes before any section heading.
inline constexpr std::string_view kUntitledSectionName = "Body";

// The canonical spelling when heading (any case, without its colon) names a section briefs
// are known to use: "key judgements" gives "Key Judgments", "IMPACT" gives "Impact".
[[nodiscard]] std::optional<std::string> canonical_section_name(std::string_view heading);

// The canonical name of the section a query names as a word: as canonical_section_name,
// with '-' and '_' read as spaces ("key-judgments" and "Key_Judgements" give
// "Key Judgments").
[[nodiscard]] std::optional<std::string> section_named_in_query(std::string_view word);

// How a query writes a section's name as one word: lowercase, spaces as '-'
// ("Key Judgments" gives "key-judgments"); section_named_in_query reads it back.
[[nodiscard]] std::string section_query_spelling(std::string_view section_name);

// Every spelling canonical_section_name knows, lowercase ("key judgements", "impact", ...).
[[nodiscard]] std::vector<std::string_view> known_section_spellings();

}  // namespace briefsearch

// The three format readers behind parse_brief_bytes; each gets text already decoded to
// UTF-8 with LF line ends and appends to result.
#pragma once

#include <string>
#include <string_view>

#include "common/parse/parsers.h"

namespace briefsearch {

void parse_scraped_text(std::string_view text, const std::string& path, ParseResult& result);
void parse_markdown(std::string_view text, const std::string& path, ParseResult& result);
void parse_json_lines(std::string_view text, const std::string& path, ParseResult& result);

// The reason a parsed brief cannot be indexed (no title, no text), if any.
[[nodiscard]] std::optional<std::string> find_missing_content(const Brief& brief);

}  // namespace briefsearch

// The three format readers behind parse_brief_bytes; each gets text already decoded to
// UTF-8 with LF line ends and appends to result.
#pragma once

#include <string>
#include <string_view>

#include "common/parse/parsers.h"

namespace briefsearch {

void parse_scraped_text(std::string_view text, const std::string& path, ParseResult& result);
void parse_markdown(std::string_view text, const std::string& path, ParseResult& result);
// Records over limits.max_brief_bytes are errors of their own lines.
void parse_json_lines(std::string_view text, const std::string& path, const ParseLimits& limits,
                      ParseResult& result);

}  // namespace briefsearch

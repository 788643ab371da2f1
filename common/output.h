// Renders search results: one ResultWriter interface, one implementation per format.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "common/search.h"

namespace briefsearch {

// Version of the JSON output documented in docs/json.md. Adding keys keeps it; removing
// or changing one bumps it.
inline constexpr int kJsonFormatVersion = 1;

enum class OutputFormat { kText, kJson, kJsonLines, kPaths, kCount };

// "text", "json", "jsonl", "paths", "count".
[[nodiscard]] std::optional<OutputFormat> output_format_named(std::string_view name);

struct SearchReport {
  std::string query;
  SearchOptions options;
  SearchResults results;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // Writes one search's results. Text from briefs is escaped for terminals in text
  // formats; JSON formats are always valid UTF-8 JSON.
  virtual void write(const SearchReport& report) = 0;
};

[[nodiscard]] std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format,
                                                               std::ostream& out, bool color);

}  // namespace briefsearch

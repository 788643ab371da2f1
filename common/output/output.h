// Renders search results: one ResultWriter interface, one implementation per format.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "common/base/named_choices.h"
#include "common/output/terminal_text.h"
#include "common/search/session.h"

namespace briefsearch {

// Version of the JSON output documented in docs/json.md. Adding keys keeps it; removing
// or changing one bumps it. 2: a total that is not exact is a guaranteed lower bound (1: an
// estimate), and total_relation says which.
inline constexpr int kJsonFormatVersion = 2;

// kPaths is for terminals (control characters escaped, invalid UTF-8 replaced); kPaths0
// writes each path's bytes exactly as on disk, each ended by a NUL, for xargs -0.
enum class OutputFormat { kText, kJson, kJsonLines, kPaths, kPaths0, kCount };

// Every output format by name, as brief-search --format accepts and --help lists them
// (each with its note); make_result_writer writes each.
inline constexpr std::array<NamedChoice<OutputFormat>, 6> kOutputFormats = {{
    {"text", OutputFormat::kText, ""},
    {"json", OutputFormat::kJson, ""},
    {"jsonl", OutputFormat::kJsonLines, ""},
    {"paths", OutputFormat::kPaths, "for terminals"},
    {"paths0", OutputFormat::kPaths0, "NUL-separated, bytes as on disk, for xargs -0"},
    {"count", OutputFormat::kCount, "the exact number of matches"},
}};

// The format named so in kOutputFormats, or nothing.
[[nodiscard]] std::optional<OutputFormat> output_format_named(std::string_view name);

// Hits a page of text or JSON shows when no limit is given.
inline constexpr std::size_t kPageHits = 10;

// The search options format needs, with limit (-n) when one is given. Without one, text
// and json show a page (kPageHits: a reader, or the one JSON object, stays small, and
// json's total and limit say what is left), while jsonl, paths and paths0 write every
// match, as rg -l and notmuch search --output=files do: a script reading them expects
// them all. kCount counts every match exactly, and ranks and shows none.
[[nodiscard]] SearchOptions options_for_format(OutputFormat format, SearchOptions options,
                                               std::optional<std::size_t> limit);

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // Writes one search's results. Text from briefs is escaped for terminals in text
  // formats; JSON formats are always valid UTF-8 JSON.
  virtual void write(const SearchReport& report) = 0;
  // For the formats that write hit by hit (jsonl, paths, paths0), a sink that writes each
  // hit as the search reads it (SearchSession::answer), so memory does not grow with the
  // hits; it returns false once the output can no longer be written. write then writes
  // what the report still holds. Other formats return an empty sink.
  [[nodiscard]] virtual HitSink hit_sink(const SearchOptions& options);
};

// The --batch line for a query that could not be run: {"format_version", "query", "error"}.
[[nodiscard]] std::string batch_error_json(const std::string& query, const std::string& error);

// The writer of format on out. Text output is coloured when color is set, and wrapped to
// width columns (wrap_line) unless width is 0; other formats take neither.
[[nodiscard]] std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format,
                                                               std::ostream& out, bool color,
                                                               std::size_t width = 0);

// The writer of format on std::cout, coloured as color says for stdout (should_use_color)
// and wrapped to width, else to what stdout calls for (output_width).
[[nodiscard]] std::unique_ptr<ResultWriter> make_stdout_writer(OutputFormat format, ColorMode color,
                                                               std::optional<std::size_t> width);

}  // namespace briefsearch

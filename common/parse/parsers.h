// Reads brief files (scraped text, Markdown with front matter, JSON Lines) into Briefs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/brief/brief.h"

namespace briefsearch {

enum class InputFormat { kScrapedText, kMarkdown, kJsonLines };

// ".txt", ".md" (also ".markdown") and ".jsonl" (case-insensitive); nothing for others.
[[nodiscard]] std::optional<InputFormat> input_format_for(const std::filesystem::path& path);

// A problem with one file or one record in it. line is 1-based, 0 when it concerns the
// whole file.
struct ParseIssue {
  std::string path;
  std::size_t line = 0;
  std::string message;

  // "path:line: message" (or "path: message"), the form compilers and scriptindex use.
  [[nodiscard]] std::string describe() const;
};

struct ParseResult {
  std::vector<Brief> briefs;
  // Files or records that could not be read as a brief; they are not indexed.
  std::vector<ParseIssue> errors;
  // Read anyway, with something dropped, repaired or assumed (an impossible date, invalid
  // UTF-8 bytes, a legacy encoding).
  std::vector<ParseIssue> warnings;
};

// Files larger than this are rejected unread; no brief is anywhere near it.
inline constexpr std::uintmax_t kMaxInputFileBytes = 64 * 1024 * 1024;

// Reads a whole input file into contents. Returns the reason when it cannot: not a
// regular file (a FIFO, a device, a symlink), larger than kMaxInputFileBytes, or an
// operating system error.
[[nodiscard]] std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                                         std::string& contents);

// Reads and parses one file. Never throws for bad input: an unreadable, empty or binary
// file, or one without a title or text, becomes an error naming the file and the reason.
// display_path is used for messages and Brief::path.
[[nodiscard]] ParseResult parse_brief_file(const std::filesystem::path& file, InputFormat format,
                                           const std::string& display_path);

// Parses bytes already read. JSON Lines yields one brief per good line and one error per
// bad line; the other formats yield one brief or one error.
[[nodiscard]] ParseResult parse_brief_bytes(std::string_view bytes, InputFormat format,
                                            const std::string& display_path);

}  // namespace briefsearch

// Reads brief files (scraped text, Markdown with front matter, JSON Lines) into Briefs.
#pragma once

#include <cstddef>
#include <cstdint>
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

// Files larger than this are rejected unread, whatever their format.
inline constexpr std::uintmax_t kMaxInputFileBytes = 64 * 1024 * 1024;

// The default of ParseLimits::max_brief_bytes (brief-index --max-brief-size).
inline constexpr std::uintmax_t kDefaultMaxBriefBytes = 4 * 1024 * 1024;

// How large one brief may be: a .txt or .md file, or one record of a .jsonl file (its
// line, decoded to UTF-8). A larger one is rejected, a file unread: indexing a brief takes
// some 30 times its size in memory (a 60 MB brief took 1.9 GB), and every search that
// shows it reads it again. Set by brief-index --max-brief-size, at most kMaxInputFileBytes.
struct ParseLimits {
  std::uintmax_t max_brief_bytes = kDefaultMaxBriefBytes;
};

// A size limit on what is read, and how a message names it.
struct SizeLimit {
  std::uintmax_t bytes = kMaxInputFileBytes;
  // "the 4 MiB limit for one brief (--max-brief-size)", "the 64 MiB limit for one file"
  std::string description = "the 64 MiB limit for one file";
};

// The limit on one brief, as messages name it.
[[nodiscard]] SizeLimit brief_size_limit(const ParseLimits& limits);

// The largest file of format read at all: the brief limit for .txt and .md, the file
// limit for .jsonl (whose records are limited one by one).
[[nodiscard]] SizeLimit file_size_limit(InputFormat format, const ParseLimits& limits);

// "too large: 62914560 bytes (60 MiB), over LIMIT'S DESCRIPTION"
[[nodiscard]] std::string too_large_message(std::uintmax_t size, const SizeLimit& limit);

// Reads a whole input file into contents. Returns why it cannot, as a message: "cannot
// read: REASON" when it is not a regular file (a FIFO, a device, a symlink) or for an
// operating system error, too_large_message when it is larger than limit (checked before
// reading).
[[nodiscard]] std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                                         std::string& contents,
                                                         const SizeLimit& limit = {});

// Reads and parses one file. Never throws for bad input: an unreadable, empty or binary
// file, or one without a title or text, becomes an error naming the file and the reason.
// display_path is used for messages and Brief::path.
[[nodiscard]] ParseResult parse_brief_file(const std::filesystem::path& file, InputFormat format,
                                           const std::string& display_path,
                                           const ParseLimits& limits = {});

// Parses bytes already read. JSON Lines yields one brief per good line and one error per
// bad line (a record over limits.max_brief_bytes among them); the other formats yield one
// brief or one error. Every brief goes through settle_brief.
[[nodiscard]] ParseResult parse_brief_bytes(std::string_view bytes, InputFormat format,
                                            const std::string& display_path,
                                            const ParseLimits& limits = {});

// The longest title kept as a title, in bytes.
inline constexpr std::size_t kMaxTitleBytes = 400;

// The last step of every reader, the rules all formats share. A title longer than
// kMaxTitleBytes is text run together (a page saved without line breaks), not a title: it
// is cut at a word before kMaxTitleBytes, with "…", and the whole of it opens the text (the
// first paragraph of the Body section, which comes first), with a warning. Then a brief
// without a title or without text is an error ("no title found", "no text found");
// otherwise it is added to result. line names the record in messages (0: the file).
void settle_brief(Brief brief, const std::string& path, std::size_t line, ParseResult& result);

}  // namespace briefsearch

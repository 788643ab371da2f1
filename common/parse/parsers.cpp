#include "common/parse/parsers.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/base/string_utils.h"
#include "common/brief/section_names.h"
#include "common/parse/formats.h"
#include "common/parse/text_encoding.h"

namespace briefsearch {
namespace {

ParseResult single_error(const std::string& path, std::string message) {
  ParseResult result;
  result.errors.push_back({path, 0, std::move(message)});
  return result;
}

// Turns a title too long to be one into the opening of the text (settle_brief).
void settle_long_title(Brief& brief, const std::string& path, std::size_t line,
                       ParseResult& result) {
  if (brief.title.size() <= kMaxTitleBytes) return;
  constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  std::string whole = std::move(brief.title);
  std::string_view cut = utf8_prefix(whole, kMaxTitleBytes - kEllipsis.size());
  // At the last space, unless that leaves less than half: one huge word is cut anywhere.
  const size_t space = cut.rfind(' ');
  if (space != std::string_view::npos && space > cut.size() / 2) cut = cut.substr(0, space);
  brief.title = std::string(trim(cut)) + std::string(kEllipsis);
  result.warnings.push_back(
      {path, line,
       "title too long (" + std::to_string(whole.size()) + " bytes, over " +
           std::to_string(kMaxTitleBytes) +
           "): cut to its first words, and kept whole as the first paragraph of the text"});
  if (!brief.sections.empty() && brief.sections.front().name == kUntitledSectionName) {
    std::string& text = brief.sections.front().text;
    text = whole + "\n\n" + text;
  } else {
    brief.sections.insert(brief.sections.begin(),
                          Section{std::string(kUntitledSectionName), std::move(whole)});
  }
}

// The reason a parsed brief cannot be indexed (no title, no text), if any.
std::optional<std::string> find_missing_content(const Brief& brief) {
  if (trim(brief.title).empty()) return "no title found";
  for (const Section& section : brief.sections) {
    if (!trim(section.text).empty()) return std::nullopt;
  }
  return "no text found";
}

}  // namespace

SizeLimit brief_size_limit(const ParseLimits& limits) {
  const std::uintmax_t bytes = std::min(limits.max_brief_bytes, kMaxInputFileBytes);
  return {bytes, "the " + describe_size(bytes) + " limit for one brief (--max-brief-size)"};
}

SizeLimit file_size_limit(InputFormat format, const ParseLimits& limits) {
  if (format != InputFormat::kJsonLines) return brief_size_limit(limits);
  return {kMaxInputFileBytes, "the " + describe_size(kMaxInputFileBytes) + " limit for one file"};
}

std::string too_large_message(std::uintmax_t size, const SizeLimit& limit) {
  return "too large: " + std::to_string(size) + " bytes (" + describe_size(size) + "), over " +
         limit.description;
}

// Opening without following a final symlink and without blocking on a FIFO, and insisting
// on a regular file, means a stray device or pipe named *.txt cannot hang the indexer.
std::optional<std::string> read_input_file(const std::filesystem::path& file, std::string& contents,
                                           const SizeLimit& limit) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return "cannot read: " + std::string(std::strerror(errno));
  struct stat status {};
  std::optional<std::string> failure;
  if (::fstat(fd, &status) != 0) {
    failure = "cannot read: " + std::string(std::strerror(errno));
  } else if (!S_ISREG(status.st_mode)) {
    failure = "cannot read: not a regular file";
  } else if (static_cast<std::uintmax_t>(status.st_size) > limit.bytes) {
    failure = too_large_message(static_cast<std::uintmax_t>(status.st_size), limit);
  } else {
    contents.resize(static_cast<size_t>(status.st_size));
    size_t done = 0;
    while (done < contents.size()) {
      const ssize_t got = ::read(fd, contents.data() + done, contents.size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        failure = "cannot read: " + std::string(std::strerror(errno));
        break;
      }
      if (got == 0) break;
      done += static_cast<size_t>(got);
    }
    contents.resize(done);
  }
  ::close(fd);
  return failure;
}

std::optional<InputFormat> input_format_for(const std::filesystem::path& path) {
  const std::string extension = ascii_lowercase(path.extension().string());
  if (extension == ".txt") return InputFormat::kScrapedText;
  if (extension == ".md" || extension == ".markdown") return InputFormat::kMarkdown;
  if (extension == ".jsonl") return InputFormat::kJsonLines;
  return std::nullopt;
}

std::string ParseIssue::describe() const {
  std::string text = path;
  if (line > 0) text += ":" + std::to_string(line);
  text += ": ";
  text += message;
  return text;
}

ParseResult parse_brief_file(const std::filesystem::path& file, InputFormat format,
                             const std::string& display_path, const ParseLimits& limits) {
  std::string contents;
  if (auto failure = read_input_file(file, contents, file_size_limit(format, limits))) {
    return single_error(display_path, *failure);
  }
  return parse_brief_bytes(contents, format, display_path, limits);
}

ParseResult parse_brief_bytes(std::string_view bytes, InputFormat format,
                              const std::string& display_path, const ParseLimits& limits) {
  DecodedText decoded;
  // Records of a JSON Lines export are separate documents, often gathered from several
  // sources, so each line is decoded on its own.
  const DecodeUnit unit =
      format == InputFormat::kJsonLines ? DecodeUnit::kEachLine : DecodeUnit::kWholeText;
  if (auto failure = decode_text(bytes, decoded, unit)) {
    return single_error(display_path, failure->reason);
  }
  // Checked after decoding, so a byte-order mark with blank lines is empty too.
  if (trim(decoded.utf8).empty()) return single_error(display_path, "empty file");
  ParseResult result;
  for (DecodeWarning& warning : decoded.warnings) {
    result.warnings.push_back({display_path, warning.line, std::move(warning.message)});
  }
  switch (format) {
    case InputFormat::kScrapedText:
      parse_scraped_text(decoded.utf8, display_path, result);
      break;
    case InputFormat::kMarkdown:
      parse_markdown(decoded.utf8, display_path, result);
      break;
    case InputFormat::kJsonLines:
      parse_json_lines(decoded.utf8, display_path, limits, result);
      break;
  }
  return result;
}

void settle_brief(Brief brief, const std::string& path, std::size_t line, ParseResult& result) {
  settle_long_title(brief, path, line, result);
  if (auto missing = find_missing_content(brief)) {
    result.errors.push_back({path, line, std::move(*missing)});
    return;
  }
  result.briefs.push_back(std::move(brief));
}

}  // namespace briefsearch

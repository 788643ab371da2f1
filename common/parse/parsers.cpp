#include "common/parse/parsers.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/base/string_utils.h"
#include "common/parse/formats.h"
#include "common/parse/text_encoding.h"

namespace briefsearch {
namespace {

ParseResult single_error(const std::string& path, std::string message) {
  ParseResult result;
  result.errors.push_back({path, 0, std::move(message)});
  return result;
}

}  // namespace

// Opening without following a final symlink and without blocking on a FIFO, and insisting
// on a regular file, means a stray device or pipe named *.txt cannot hang the indexer.
std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           std::string& contents) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::string(std::strerror(errno));
  struct stat status {};
  std::optional<std::string> failure;
  if (::fstat(fd, &status) != 0) {
    failure = std::strerror(errno);
  } else if (!S_ISREG(status.st_mode)) {
    failure = "not a regular file";
  } else if (static_cast<std::uintmax_t>(status.st_size) > kMaxInputFileBytes) {
    failure = "file too large (" + std::to_string(status.st_size) + " bytes, limit " +
              std::to_string(kMaxInputFileBytes) + ")";
  } else {
    contents.resize(static_cast<size_t>(status.st_size));
    size_t done = 0;
    while (done < contents.size()) {
      const ssize_t got = ::read(fd, contents.data() + done, contents.size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        failure = std::strerror(errno);
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
                             const std::string& display_path) {
  std::string contents;
  if (auto failure = read_input_file(file, contents)) {
    return single_error(display_path, "cannot read: " + *failure);
  }
  return parse_brief_bytes(contents, format, display_path);
}

ParseResult parse_brief_bytes(std::string_view bytes, InputFormat format,
                              const std::string& display_path) {
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
      parse_json_lines(decoded.utf8, display_path, result);
      break;
  }
  return result;
}

std::optional<std::string> find_missing_content(const Brief& brief) {
  if (trim(brief.title).empty()) return "no title found";
  for (const Section& section : brief.sections) {
    if (!trim(section.text).empty()) return std::nullopt;
  }
  return "no text found";
}

}  // namespace briefsearch

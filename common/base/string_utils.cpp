#include "common/base/string_utils.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace briefsearch {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

}  // namespace

std::string_view trim(std::string_view text) {
  while (true) {
    if (!text.empty() && is_ascii_space(text.front())) {
      text.remove_prefix(1);
    } else if (text.starts_with(kNoBreakSpace)) {
      text.remove_prefix(kNoBreakSpace.size());
    } else {
      break;
    }
  }
  while (true) {
    if (!text.empty() && is_ascii_space(text.back())) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(kNoBreakSpace.size());
    } else {
      break;
    }
  }
  return text;
}

std::string normalise_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string as_one_line(std::string_view text) {
  const std::string_view trimmed = trim(text);
  std::string out;
  out.reserve(trimmed.size());
  for (size_t i = 0; i < trimmed.size();) {
    if (!is_ascii_space(trimmed[i])) {
      out += trimmed[i++];
      continue;
    }
    // A run of white space: one space if it breaks the line, else kept as written.
    size_t end = i;
    while (end < trimmed.size() && is_ascii_space(trimmed[end])) ++end;
    const std::string_view run = trimmed.substr(i, end - i);
    out.append(run.find_first_not_of(' ') == std::string_view::npos ? run : " ");
    i = end;
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A-Z and a-z only, whatever the C locale says: std::tolower is a call per byte (a
// tenth of a snippet's cost) and may map other bytes under another locale.
std::string ascii_lowercase(std::string_view text) {
  std::string lowered(text);
  ascii_lowercase_in_place(lowered);
  return lowered;
}

std::string ascii_uppercase(std::string_view text) {
  std::string uppered(text);
  for (char& c : uppered) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return uppered;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         ascii_lowercase(text.substr(0, prefix.size())) == ascii_lowercase(prefix);
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = trim(text.substr(start, end - start));
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += separator;
    joined += parts[i];
  }
  return joined;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::string shown_excerpt(std::string_view text, std::size_t max_bytes) {
  std::string shown(utf8_prefix(text, max_bytes));
  if (shown.size() < text.size()) shown += "\xE2\x80\xA6";
  return shown;
}

std::string describe_size(std::uintmax_t bytes) {
  constexpr std::array<const char*, 3> kUnits = {"KiB", "MiB", "GiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  for (value /= 1024; value >= 1024 && unit + 1 < kUnits.size(); value /= 1024) ++unit;
  char number[32];
  std::snprintf(number, sizeof number, "%.1f", value);
  std::string text = number;
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text + " " + kUnits[unit];
}

uint64_t hash_bytes(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string decimal_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

bool is_valid_utf8(std::string_view bytes) {
  // ASCII text, the common case, is checked a block at a time, and so is its ASCII prefix.
  std::size_t at = ascii_prefix_length(bytes);
  while (at < bytes.size()) {
    if (static_cast<unsigned char>(bytes[at]) < 0x80) {
      ++at;
    } else if (next_multibyte_code_point(bytes, at).value < 0) {
      return false;
    }
  }
  return true;
}

CodePoint next_multibyte_code_point(std::string_view text, std::size_t& offset) {
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  // ICU indexes with int32_t: walk a window of text that fits in one.
  const std::size_t window = std::min<std::size_t>(text.size() - offset, INT32_MAX);
  const std::size_t start = offset;
  int32_t position = 0;
  UChar32 c;
  U8_NEXT(data + start, position, static_cast<int32_t>(window), c);
  offset = start + static_cast<std::size_t>(position);
  return {c < 0 ? -1 : c, text.substr(start, offset - start)};
}

std::string repair_utf8(std::string_view bytes) {
  std::string repaired;
  repaired.reserve(bytes.size());
  for (std::size_t offset = 0; offset < bytes.size();) {
    const CodePoint code_point = next_code_point(bytes, offset);
    repaired += code_point.value < 0 ? kReplacementCharacter : code_point.bytes;
  }
  return repaired;
}

}  // namespace briefsearch

#include "common/parse/section_builder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "common/base/string_utils.h"
#include "common/brief/section_names.h"

namespace briefsearch {
namespace {

// Words that sit next to a genuine parenthetical dash, never inside a hyphenated compound.
constexpr std::array<std::string_view, 40> kFunctionWords = {
    "a",   "an",  "and",  "as",   "at",    "but",   "by",    "for",   "from", "he",
    "her", "his", "if",   "in",   "is",    "it",    "its",   "not",   "of",   "on",
    "or",  "she", "than", "that", "the",   "their", "these", "they",  "this", "those",
    "to",  "was", "we",   "were", "which", "while", "who",   "whose", "with", "when"};

constexpr std::string_view kSpacedEnDash = " \xE2\x80\x93 ";

// The letters or digits touching the dash, in any script; quotes and brackets end a word.
size_t word_start_before(std::string_view text, size_t end) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t start = static_cast<int32_t>(end);
  while (start > 0) {
    int32_t previous = start;
    UChar32 c;
    U8_PREV(bytes, 0, previous, c);
    if (c < 0 || !u_isalnum(c)) break;
    start = previous;
  }
  return static_cast<size_t>(start);
}

size_t word_end_after(std::string_view text, size_t start) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t end = static_cast<int32_t>(start);
  while (end < length) {
    int32_t next = end;
    UChar32 c;
    U8_NEXT(bytes, next, length, c);
    if (c < 0 || !u_isalnum(c)) break;
    end = next;
  }
  return static_cast<size_t>(end);
}

// "Regional Reactions": one to four words, letters only, each starting with a capital.
bool is_capitalised_title(std::string_view name) {
  if (name.empty() || name.size() > 40) return false;
  size_t words = 0;
  bool word_start = true;
  for (char c : name) {
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (word_start && !std::isupper(static_cast<unsigned char>(c))) return false;
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    if (word_start) ++words;
    word_start = false;
  }
  return words > 0 && words <= 4;
}

// Whether a paragraph's text so far ends a sentence: '.', '!' or '?', perhaps followed by
// closing quotes and brackets.
bool ends_sentence(std::string_view text) {
  constexpr std::array<std::string_view, 6> kClosers = {"\"",           "'",           ")", "]",
                                                        "\xE2\x80\x9D", "\xE2\x80\x99"};  // ” ’
  for (bool stripped = true; stripped && !text.empty();) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (text.ends_with(closer)) {
        text.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

bool is_function_word(std::string_view word) {
  const std::string lowered = ascii_lowercase(word);
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), lowered) != kFunctionWords.end();
}

}  // namespace

std::optional<Heading> read_heading(std::string_view line) {
  line = trim(line);
  if (line.empty() || !std::isupper(static_cast<unsigned char>(line.front()))) return std::nullopt;
  constexpr size_t kMaxHeadingBytes = 40;
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos && colon <= kMaxHeadingBytes) {
    const std::string_view text = trim(line.substr(colon + 1));
    if (auto known = canonical_section_name(line.substr(0, colon))) {
      return Heading{std::move(*known), text};
    }
    const std::string_view name = trim(line.substr(0, colon));
    if (text.empty() && is_capitalised_title(name)) return Heading{std::string(name), {}};
    return std::nullopt;
  }
  if (auto known = canonical_section_name(line)) return Heading{std::move(*known), {}};
  return std::nullopt;
}

std::string repair_spaced_hyphens(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t position = 0;
  // After a real dash opens a parenthesis ("talks – which"), the next dash in the sentence
  // closes it ("stalled – resumed") even though no function word marks it.
  bool parenthesis_open = false;
  while (true) {
    const size_t dash = text.find(kSpacedEnDash, position);
    if (dash == std::string_view::npos) break;
    if (text.substr(position, dash - position).find_first_of(".!?") != std::string_view::npos) {
      parenthesis_open = false;
    }
    const size_t after = dash + kSpacedEnDash.size();
    const size_t left_start = word_start_before(text, dash);
    const size_t right_end = word_end_after(text, after);
    const std::string_view left = text.substr(left_start, dash - left_start);
    const std::string_view right = text.substr(after, right_end - after);
    out.append(text.substr(position, dash - position));
    if (!parenthesis_open && !left.empty() && !right.empty() && !is_function_word(left) &&
        !is_function_word(right)) {
      out += '-';
    } else {
      out.append(kSpacedEnDash);
      parenthesis_open = !parenthesis_open;
    }
    position = after;
  }
  out.append(text.substr(position));
  return out;
}

void SectionBuilder::start_section(std::string name) {
  end_paragraph();
  sections_.push_back({std::move(name), {}});
  section_open_ = true;
}

void SectionBuilder::add_line(std::string_view line) {
  line = trim(line);
  if (line.empty()) {
    end_paragraph();
    return;
  }
  if (!paragraph_.empty()) paragraph_ += ' ';
  paragraph_.append(line);
}

void SectionBuilder::add_line_or_heading(std::string_view line) {
  if (paragraph_.empty() || ends_sentence(paragraph_)) {
    if (auto heading = read_heading(line)) {
      start_section(std::move(heading->name));
      add_line(heading->text);
      return;
    }
  }
  add_line(line);
}

void SectionBuilder::end_paragraph() {
  if (paragraph_.empty()) return;
  if (!section_open_) {
    sections_.push_back({std::string(kUntitledSectionName), {}});
    section_open_ = true;
  }
  std::string& text = sections_.back().text;
  if (!text.empty()) text += "\n\n";
  text += repair_spaced_hyphens(paragraph_);
  paragraph_.clear();
}

std::vector<Section> SectionBuilder::finish() {
  end_paragraph();
  std::vector<Section> sections;
  for (Section& section : sections_) {
    if (!section.text.empty()) sections.push_back(std::move(section));
  }
  sections_.clear();
  section_open_ = false;
  return sections;
}

}  // namespace briefsearch

// Small string helpers shared by the parsers and the writers. All work on UTF-8 bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// Space, tab, CR, LF, form feed, vertical tab.
[[nodiscard]] inline bool is_ascii_space(char c) {
  // One bit per byte value up to ' ': a shift and a test rather than six comparisons.
  constexpr std::uint64_t kSpaces = (std::uint64_t{1} << ' ') | (std::uint64_t{1} << '\t') |
                                    (std::uint64_t{1} << '\n') | (std::uint64_t{1} << '\v') |
                                    (std::uint64_t{1} << '\f') | (std::uint64_t{1} << '\r');
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' && ((std::uint64_t{1} << byte) & kSpaces) != 0;
}

// How many bytes at the start of text are below 0x80: the offset of the first non-ASCII
// byte, or text.size() when there is none.
[[nodiscard]] inline std::size_t ascii_prefix_length(std::string_view text) {
  // The bytes of a block are OR-ed together, which vectorises; only the block that holds a
  // non-ASCII byte is looked at byte by byte.
  constexpr std::size_t kBlock = 256;
  for (std::size_t at = 0; at < text.size(); at += kBlock) {
    const std::string_view block = text.substr(at, kBlock);
    unsigned char any = 0;
    for (char c : block) any |= static_cast<unsigned char>(c);
    if (any < 0x80) continue;
    std::size_t i = 0;
    while (static_cast<unsigned char>(block[i]) < 0x80) ++i;
    return at + i;
  }
  return text.size();
}

// True when every byte is below 0x80.
[[nodiscard]] inline bool is_ascii(std::string_view text) {
  return ascii_prefix_length(text) == text.size();
}

// Strips ASCII whitespace and U+00A0 (no-break space, common in scraped pages) at both ends.
[[nodiscard]] std::string_view trim(std::string_view text);

// Turns CRLF and lone CR into LF.
[[nodiscard]] std::string normalise_line_ends(std::string_view text);

// The text as one line, for a field that has no lines (a title, a name, an id): each run of
// ASCII white space that holds a line break, tab, vertical tab or form feed becomes one
// space, and the ends are trimmed as trim() does. Text without them comes back trimmed.
[[nodiscard]] std::string as_one_line(std::string_view text);

// Splits on '\n'; the text is expected to have LF line ends already.
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view text);

// ASCII letters A-Z become a-z; every other byte is kept, so offsets stay the same.
[[nodiscard]] std::string ascii_lowercase(std::string_view text);
// Inline, so the analyser's per-word call (add_ascii_words) vectorises in place.
inline void ascii_lowercase_in_place(std::string& text) {
  for (char& c : text) {
    // Branch-free, so the loop vectorises.
    c = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? 'a' - 'A' : 0));
  }
}
[[nodiscard]] std::string ascii_uppercase(std::string_view text);

[[nodiscard]] bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);

// Splits "a, b ,c" on commas and trims each part; empty parts are dropped.
[[nodiscard]] std::vector<std::string> split_list(std::string_view text);

// Joins parts with a separator.
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);

// A 64-bit FNV-1a hash: stable across runs and platforms, so it may be stored.
[[nodiscard]] uint64_t hash_bytes(std::string_view bytes);

// The longest prefix of text of at most max_bytes that does not cut a UTF-8 character in
// two (text itself when it fits). The one rule for cutting text to a byte budget.
[[nodiscard]] std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// How much of a value from a file or a query a message quotes.
inline constexpr std::size_t kShownExcerptBytes = 80;

// text itself when it fits in max_bytes, else its utf8_prefix followed by "…": how a
// message shows a value that may be huge (a 100 KB date, a whole query).
[[nodiscard]] std::string shown_excerpt(std::string_view text,
                                        std::size_t max_bytes = kShownExcerptBytes);

// A size for people: "900 bytes", "512 KiB", "4 MiB", "60.5 MiB" (binary units, rounded
// to one decimal, shown only when it is not 0).
[[nodiscard]] std::string describe_size(std::uintmax_t bytes);

// A number for people, as messages quote a value such as a --timeout: fixed-point, at
// most 6 decimals, trailing zeros dropped, never an exponent ("0.000001", "2.5", "86400";
// "%g" would write "1e-06").
[[nodiscard]] std::string decimal_text(double value);

// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

// U+FFFD REPLACEMENT CHARACTER, which stands for an ill-formed UTF-8 sequence.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// One step of a walk over UTF-8 text: the code point, or -1 for an ill-formed sequence
// (as short as Unicode's "maximal subpart" rule makes it, as ICU's U8_NEXT reads it), and
// the bytes it spans.
struct CodePoint {
  std::int32_t value;
  std::string_view bytes;
};

// The code point of two or more bytes (or the ill-formed sequence) that starts at offset;
// next_code_point's slow path.
[[nodiscard]] CodePoint next_multibyte_code_point(std::string_view text, std::size_t& offset);

// The code point that starts at offset in text (offset < text.size()); moves offset past it.
// ASCII is read here, inline: printed text is mostly ASCII, and a call per byte showed as
// a third more instructions in printable_text.
[[nodiscard]] inline CodePoint next_code_point(std::string_view text, std::size_t& offset) {
  const auto byte = static_cast<unsigned char>(text[offset]);
  if (byte >= 0x80) return next_multibyte_code_point(text, offset);
  const CodePoint ascii{byte, text.substr(offset, 1)};
  ++offset;
  return ascii;
}

// Replaces each ill-formed UTF-8 sequence with U+FFFD.
[[nodiscard]] std::string repair_utf8(std::string_view bytes);

}  // namespace briefsearch

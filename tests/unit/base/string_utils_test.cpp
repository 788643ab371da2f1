// Tests for the byte-level string helpers: trimming, line ends, splitting and joining,
// ASCII case, the stored hash and UTF-8 validation and repair.
#include "common/base/string_utils.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace briefsearch;

namespace {

using Lines = std::vector<std::string_view>;
using Parts = std::vector<std::string>;

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

TEST_CASE("as_one_line turns line breaks and tabs into single spaces", "[string_utils]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"one line", "one line"},
      {"  padded  ", "padded"},
      {"Des\rcription", "Des cription"},
      {"Mali:\r\n Wagner\nGroup", "Mali: Wagner Group"},
      {"a\tb\vc\fd", "a b c d"},
      {"two  spaces stay", "two  spaces stay"},  // runs without a break are kept as given
      {"\r\n", ""},
      {"Z\xC3\xBCrich\n\xC3\xA9t\xC3\xA9", "Z\xC3\xBCrich \xC3\xA9t\xC3\xA9"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(as_one_line(c.input) == c.expected);
  }
}

TEST_CASE("trim strips ASCII whitespace and no-break spaces at both ends only", "[string_utils]") {
  const std::string nbsp(kNoBreakSpace);
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"word", "word"},
      {" \t\r\n\f\vword \t\r\n\f\v", "word"},
      {nbsp + "word" + nbsp, "word"},
      {" " + nbsp + "\t" + nbsp + "two words" + nbsp + " " + nbsp, "two words"},
      {"two" + nbsp + "words", "two" + nbsp + "words"},  // inside: kept
      {nbsp + nbsp, ""},
      {" \t ", ""},
      // Only U+00A0: a lone lead byte, or other Unicode spaces (U+2003 em space), stay.
      {"\xC2word\xC2", "\xC2word\xC2"},
      {"\xE2\x80\x83word\xE2\x80\x83", "\xE2\x80\x83word\xE2\x80\x83"},
      // A byte of a multi-byte character next to the space is not eaten.
      {" Zürich ", "Zürich"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(trim(c.input) == c.expected);
  }
}

TEST_CASE("normalise_line_ends turns CRLF and lone CR into LF", "[string_utils]") {
  CHECK(normalise_line_ends("") == "");
  CHECK(normalise_line_ends("no line end") == "no line end");
  CHECK(normalise_line_ends("a\r\nb\rc\nd") == "a\nb\nc\nd");
  CHECK(normalise_line_ends("\r\r\n") == "\n\n");  // CR, then CRLF
  CHECK(normalise_line_ends("\n\r") == "\n\n");    // LF, then a lone CR
  CHECK(normalise_line_ends("end\r") == "end\n");  // a CR at the very end
  CHECK(normalise_line_ends("\r\n\r\n") == "\n\n");
}

TEST_CASE("split_lines splits on LF, with no empty line after a final LF", "[string_utils]") {
  CHECK(split_lines("").empty());
  CHECK(split_lines("one") == Lines{"one"});
  CHECK(split_lines("one\n") == Lines{"one"});
  CHECK(split_lines("\n") == Lines{""});
  CHECK(split_lines("one\ntwo") == Lines{"one", "two"});
  CHECK(split_lines("one\n\ntwo\n") == Lines{"one", "", "two"});
  CHECK(split_lines("\none") == Lines{"", "one"});
  CHECK(split_lines("one\r\ntwo") == Lines{"one\r", "two"});  // CR is the caller's to remove
}

TEST_CASE("split_list splits on commas, trims each part and drops empty ones", "[string_utils]") {
  const std::string nbsp(kNoBreakSpace);
  CHECK(split_list("").empty());
  CHECK(split_list(" , ,").empty());
  CHECK(split_list("a, b ,c") == Parts{"a", "b", "c"});
  CHECK(split_list(",,a,," + nbsp + ",b,") == Parts{"a", "b"});
  CHECK(split_list("Middle East, Indo-Pacific") == Parts{"Middle East", "Indo-Pacific"});
  CHECK(split_list("only one") == Parts{"only one"});
}

TEST_CASE("join puts the separator between parts only", "[string_utils]") {
  CHECK(join({}, ", ").empty());
  CHECK(join({"a"}, ", ") == "a");
  CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(join({"", ""}, ",") == ",");
  CHECK(join({"a", "b"}, "") == "ab");
  // split_list and join undo each other for trimmed, non-empty parts.
  const Parts parts = {"Europe", "Middle East", "Zürich"};
  CHECK(split_list(join(parts, ", ")) == parts);
}

TEST_CASE("the ASCII case helpers change ASCII letters only", "[string_utils]") {
  CHECK(ascii_lowercase("") == "");
  CHECK(ascii_lowercase("Key JUDGMENTS 2025!") == "key judgments 2025!");
  CHECK(ascii_uppercase("Key judgments 2025!") == "KEY JUDGMENTS 2025!");
  // Bytes of multi-byte characters are left alone: "Ü" and "ü" stay as they are.
  CHECK(ascii_lowercase("ZÜRICH") == "zÜrich");
  CHECK(ascii_uppercase("zürich") == "ZüRICH");
  CHECK(ascii_lowercase("ПУТИН") == "ПУТИН");
  std::string every_byte;
  for (int byte = 0x80; byte <= 0xFF; ++byte) every_byte += static_cast<char>(byte);
  CHECK(ascii_lowercase(every_byte) == every_byte);
  CHECK(ascii_uppercase(every_byte) == every_byte);
}

TEST_CASE("starts_with_ignoring_case compares ASCII letters without case", "[string_utils]") {
  CHECK(starts_with_ignoring_case("Key Judgments", "key"));
  CHECK(starts_with_ignoring_case("KEY JUDGMENTS", "Key judgments"));
  CHECK(starts_with_ignoring_case("anything", ""));
  CHECK(starts_with_ignoring_case("", ""));
  CHECK_FALSE(starts_with_ignoring_case("Ke", "key"));
  CHECK_FALSE(starts_with_ignoring_case("", "k"));
  CHECK_FALSE(starts_with_ignoring_case("Keys", "kez"));
  // Only ASCII letters fold: "É" is not "é".
  CHECK(starts_with_ignoring_case("Élysée", "Élysée"));
  CHECK_FALSE(starts_with_ignoring_case("ÉLYSÉE", "élysée"));
}

TEST_CASE("hash_bytes is 64-bit FNV-1a, so stored hashes stay valid", "[string_utils]") {
  // The FNV-1a test vectors (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
  CHECK(hash_bytes("") == 0xcbf29ce484222325ULL);
  CHECK(hash_bytes("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(hash_bytes("foobar") == 0x85944171f73967e8ULL);
  // Bytes above 0x7F are taken unsigned, and NUL bytes count.
  CHECK(hash_bytes("\xFF") == 0xaf64724c8602eb6eULL);
  CHECK(hash_bytes("Z\xC3\xBCrich") == 0x0ef841596f67fdc0ULL);
  std::string all_bytes;
  for (int byte = 0; byte <= 0xFF; ++byte) all_bytes += static_cast<char>(byte);
  CHECK(hash_bytes(all_bytes) == 0x4242dc5249c33625ULL);
  CHECK(hash_bytes(std::string_view("a\0", 2)) != hash_bytes("a"));
}

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 only", "[string_utils]") {
  struct Case {
    std::string label;
    std::string bytes;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"empty", "", true},
      {"ASCII with NUL", std::string("a\0b", 3), true},
      {"two-byte", "Z\xC3\xBCrich", true},
      {"three-byte", "\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3", true},  // 习近平
      {"four-byte", "\xF0\x9F\x98\x80", true},                       // U+1F600
      {"last code point U+10FFFF", "\xF4\x8F\xBF\xBF", true},
      {"U+FFFD itself", std::string(kReplacement), true},
      {"before the surrogates U+D7FF", "\xED\x9F\xBF", true},
      {"after the surrogates U+E000", "\xEE\x80\x80", true},
      {"overlong two-byte '/'", "\xC0\xAF", false},
      {"overlong two-byte U+007F", "\xC1\xBF", false},
      {"overlong three-byte '/'", "\xE0\x80\xAF", false},
      {"overlong three-byte U+07FF", "\xE0\x9F\xBF", false},
      {"overlong four-byte '/'", "\xF0\x80\x80\xAF", false},
      {"overlong four-byte U+FFFF", "\xF0\x8F\xBF\xBF", false},
      {"surrogate U+D800", "\xED\xA0\x80", false},
      {"surrogate U+DFFF", "\xED\xBF\xBF", false},
      {"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", false},
      {"beyond U+10FFFF", "\xF4\x90\x80\x80", false},
      {"lead byte F5", "\xF5\x80\x80\x80", false},
      {"byte FE", "a\xFE", false},
      {"byte FF", "\xFF", false},
      {"lone continuation byte", "a\x80z", false},
      {"truncated at the end", "Z\xC3", false},
      {"truncated three-byte at the end", "\xE4\xB9", false},
      {"truncated four-byte at the end", "\xF0\x9F\x98", false},
      {"truncated in the middle", "\xE4\xB9xyz", false},
      {"Latin-1, not UTF-8", "Z\xFCrich", false},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    CHECK(is_valid_utf8(c.bytes) == c.valid);
  }
}

TEST_CASE("repair_utf8 replaces each maximal ill-formed subpart with one U+FFFD",
          "[string_utils]") {
  const std::string fffd(kReplacement);
  struct Case {
    std::string label;
    std::string bytes;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"well-formed text is kept", "Z\xC3\xBCrich \xF0\x9F\x98\x80",
       "Z\xC3\xBCrich \xF0\x9F\x98\x80"},
      {"empty", "", ""},
      {"Latin-1 byte", "Z\xFCrich", "Z" + fffd + "rich"},
      {"truncated sequence then ASCII: one replacement", "\xE4\xB9x", fffd + "x"},
      {"truncated at the end", "ok\xF0\x9F\x98", "ok" + fffd},
      // An overlong or surrogate lead is ill-formed by itself: each byte is replaced.
      {"overlong two-byte", "\xC0\xAF", fffd + fffd},
      {"surrogate", "\xED\xA0\x80", fffd + fffd + fffd},
      // The Unicode Standard's own example (chapter 3, "U+FFFD Substitution of Maximal
      // Subparts"): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64.
      {"the standard's example",
       "a\xF1\x80\x80\xE1\x80\xC2"
       "b\x80"
       "c\x80\xBF"
       "d",
       "a" + fffd + fffd + fffd + "b" + fffd + "c" + fffd + fffd + "d"},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    const std::string repaired = repair_utf8(c.bytes);
    CHECK(repaired == c.expected);
    CHECK(is_valid_utf8(repaired));
    CHECK(repair_utf8(repaired) == repaired);
  }
  // Whatever the bytes, the result is valid UTF-8.
  std::string all_bytes;
  for (int byte = 0; byte <= 0xFF; ++byte) all_bytes += static_cast<char>(byte);
  CHECK(is_valid_utf8(repair_utf8(all_bytes)));
  CHECK(repair_utf8(all_bytes).substr(0, 0x80) == all_bytes.substr(0, 0x80));
}

TEST_CASE("is_ascii and is_ascii_space look at bytes", "[string_utils]") {
  CHECK(is_ascii(""));
  CHECK(is_ascii(std::string("tab\tand\0NUL", 11)));
  CHECK_FALSE(is_ascii("Z\xC3\xBCrich"));
  CHECK_FALSE(is_ascii("\x80"));
  for (char c : std::string(" \t\r\n\f\v")) CHECK(is_ascii_space(c));
  for (char c : std::string("a0_\xA0\x85")) CHECK_FALSE(is_ascii_space(c));
  CHECK_FALSE(is_ascii_space('\0'));
}

TEST_CASE("ascii_prefix_length finds the first non-ASCII byte across blocks", "[string_utils]") {
  CHECK(ascii_prefix_length("") == 0);
  CHECK(ascii_prefix_length("plain") == 5);
  CHECK(ascii_prefix_length("Z\xC3\xBCrich") == 1);
  // Around the 256-byte blocks it reads at a time: first, last and next byte of a block.
  for (std::size_t at : {0, 1, 255, 256, 257, 511, 512, 1000}) {
    std::string text(1200, 'a');
    text[at] = '\x80';
    INFO(at);
    CHECK(ascii_prefix_length(text) == at);
    CHECK_FALSE(is_ascii(text));
    // A broken byte after a long ASCII prefix, and a good character there, are told apart.
    CHECK_FALSE(is_valid_utf8(text));
    text.replace(at, 1, "\xC3\xBC");
    CHECK(is_valid_utf8(text));
  }
  CHECK(ascii_prefix_length(std::string(700, 'a')) == 700);
}

TEST_CASE("shown_excerpt quotes a value whole or by its opening", "[string_utils]") {
  CHECK(shown_excerpt("2025-02-30") == "2025-02-30");
  CHECK(shown_excerpt(std::string(80, 'x')) == std::string(80, 'x'));
  CHECK(shown_excerpt(std::string(81, 'x')) == std::string(80, 'x') + "\xE2\x80\xA6");
  // Never inside a character: "ü" takes bytes 4 and 5.
  CHECK(shown_excerpt("abcd\xC3\xBC"
                      "efg",
                      5) == "abcd\xE2\x80\xA6");
}

TEST_CASE("describe_size names sizes in binary units", "[string_utils]") {
  CHECK(describe_size(0) == "0 bytes");
  CHECK(describe_size(1) == "1 byte");
  CHECK(describe_size(1023) == "1023 bytes");
  CHECK(describe_size(1024) == "1 KiB");
  CHECK(describe_size(1536) == "1.5 KiB");
  CHECK(describe_size(2041) == "2 KiB");  // 1.99: rounded
  CHECK(describe_size(4 * 1024 * 1024) == "4 MiB");
  CHECK(describe_size(62914560) == "60 MiB");
  CHECK(describe_size(63000000) == "60.1 MiB");
  CHECK(describe_size(std::uintmax_t{3} << 40) == "3072 GiB");
}

TEST_CASE("decimal_text writes a number for people, never with an exponent", "[string_utils]") {
  CHECK(decimal_text(0.000001) == "0.000001");
  CHECK(decimal_text(0.5) == "0.5");
  CHECK(decimal_text(2) == "2");
  CHECK(decimal_text(86400) == "86400");
  CHECK(decimal_text(1.25) == "1.25");
  CHECK(decimal_text(0) == "0");
  CHECK(decimal_text(40.0) == "40");
}

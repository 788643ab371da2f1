// Tests for decode_text: raw file bytes to UTF-8 with LF line ends, or a failure.
#include "common/parse/text_encoding.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

using Catch::Matchers::Contains;

// Builds a string from bytes that may include NUL.
std::string bytes_of(std::initializer_list<unsigned char> bytes) {
  return std::string(bytes.begin(), bytes.end());
}

// UTF-16 bytes for ASCII-only text, with the given byte order.
std::string ascii_as_utf16(std::string_view text, bool little_endian) {
  std::string out;
  for (char c : text) {
    if (little_endian) {
      out += c;
      out += '\0';
    } else {
      out += '\0';
      out += c;
    }
  }
  return out;
}

TEST_CASE("decode_text passes valid UTF-8 through unchanged", "[text_encoding]") {
  const std::vector<std::string> inputs = {
      "plain ASCII\n",
      "Z\xC3\xBCrich, Kyiv\xE2\x80\x99s \xE2\x80\x9Cquiet\xE2\x80\x9D talks \xE2\x80\x93 done",
      "\xE5\x8C\x97\xE4\xBA\xAC and \xF0\x9F\x8C\x8D",  // CJK and a 4-byte emoji
      "tabs\tand\fform feeds\n",
  };
  for (const std::string& input : inputs) {
    INFO(input);
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(input, decoded).has_value());
    CHECK(decoded.utf8 == input);
    CHECK(decoded.source_encoding == "UTF-8");
  }
}

TEST_CASE("decode_text strips a UTF-8 byte-order mark", "[text_encoding]") {
  DecodedText decoded;
  REQUIRE_FALSE(decode_text("\xEF\xBB\xBFZ\xC3\xBCrich\n", decoded).has_value());
  CHECK(decoded.utf8 == "Z\xC3\xBCrich\n");
  CHECK(decoded.source_encoding == "UTF-8");
}

TEST_CASE("decode_text turns CRLF and lone CR into LF", "[text_encoding]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"a\r\nb\r\n", "a\nb\n"},
      {"a\rb\r", "a\nb\n"},
      {"a\r\rb", "a\n\nb"},
      {"a\r\n\r\nb", "a\n\nb"},
      {"a\n\rb", "a\n\nb"},
      {"a\r\r\nb", "a\n\nb"},
      {"mixed\r\nends\rhere\n", "mixed\nends\nhere\n"},
  };
  for (const Case& c : cases) {
    INFO("input with " << c.input.size() << " bytes: " << c.input);
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(c.input, decoded).has_value());
    CHECK(decoded.utf8 == c.expected);
  }
}

TEST_CASE("decode_text reads Windows-1252 bytes as Windows-1252", "[text_encoding]") {
  // "Zürich hosts “quiet” talks – a two – day round", as a Windows text editor saves it.
  const std::string input =
      "Delegations met in Z\xFCrich for \x93quiet\x94 talks \x96 a two \x96 day round on "
      "Sahel security, the Swiss foreign ministry said on Monday.\r\n";
  DecodedText decoded;
  REQUIRE_FALSE(decode_text(input, decoded).has_value());
  CHECK(decoded.source_encoding == "windows-1252");
  CHECK(decoded.utf8 ==
        "Delegations met in Z\xC3\xBCrich for \xE2\x80\x9Cquiet\xE2\x80\x9D talks \xE2\x80\x93 a "
        "two \xE2\x80\x93 day round on Sahel security, the Swiss foreign ministry said on "
        "Monday.\n");
  CHECK(is_valid_utf8(decoded.utf8));
}

TEST_CASE("decode_text reads legacy Western European text without mojibake", "[text_encoding]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  // Inputs as Windows-1252 bytes (octal where a hex escape would swallow the next letter);
  // the expected text is written in UTF-8 as it should read.
  const std::vector<Case> cases = {
      {"Die Gespr\344che in Z\xFCrich \x96 so hie\xDF es \x84vertraulich\x93 \x96 wurden "
       "fortgesetzt.",
       "Die Gespräche in Zürich – so hieß es „vertraulich“ – wurden fortgesetzt."},
      {"Caf\xE9 cr\xE8me \xE0 la fran\347aise. \x93Oui\x94, dit-il \x96 peut-\xEAtre.",
       "Café crème à la française. “Oui”, dit-il – peut-être."},
      {"Espa\361a y M\xE9xico \x96 \xBFqu\xE9 pasa? \x93Ma\361ana\x94.",
       "España y México – ¿qué pasa? “Mañana”."},
  };
  for (const Case& c : cases) {
    INFO(c.expected);
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(c.input, decoded).has_value());
    CHECK(decoded.source_encoding == "windows-1252");
    CHECK(decoded.utf8 == c.expected);
  }
}

// The warnings as "line: message", which Catch prints whole when a comparison fails.
std::vector<std::string> warnings_of(const DecodedText& decoded) {
  std::vector<std::string> lines;
  for (const DecodeWarning& warning : decoded.warnings) {
    lines.push_back(std::to_string(warning.line) + ": " + warning.message);
  }
  return lines;
}

TEST_CASE("decode_text repairs one stray byte in UTF-8 and keeps the rest", "[text_encoding]") {
  // The example: "Zürich" and "Genève" in UTF-8, and one Windows-1252 apostrophe.
  const std::string input =
      "Switzerland: Z\xC3\xBCrich Talks Resume\n\nBy July 29, 2025No Comments\n\n"
      "Description: Delegates met in Z\xC3\xBCrich and Gen\xC3\xA8ve. The envoy\x92s note was "
      "pasted from Word.\n\nImpact: Observers attended.\n";
  DecodedText decoded;
  REQUIRE_FALSE(decode_text(input, decoded).has_value());
  CHECK(decoded.source_encoding == "UTF-8");
  CHECK(decoded.utf8 ==
        "Switzerland: Zürich Talks Resume\n\nBy July 29, 2025No Comments\n\n"
        "Description: Delegates met in Zürich and Genève. The envoy’s note was pasted from "
        "Word.\n\nImpact: Observers attended.\n");
  const size_t offset = input.find('\x92');
  CHECK(warnings_of(decoded) ==
        std::vector<std::string>{"5: invalid UTF-8 byte 0x92 at byte offset " +
                                 std::to_string(offset) +
                                 ", read as the Windows-1252 character '’'"});
}

TEST_CASE("decode_text repairs each kind of invalid sequence", "[text_encoding]") {
  struct Case {
    std::string input;     // UTF-8 with "ü" twice, so it is UTF-8-shaped, and one fault
    std::string expected;  // the decoded text
    std::string warning;   // "line: message"
  };
  const std::vector<Case> cases = {
      {"\xC3\xBC\xC3\xBC a\x96z", "üü a–z",
       "1: invalid UTF-8 byte 0x96 at byte offset 6, read as the Windows-1252 character '–'"},
      {"\xC3\xBC\xC3\xBC \x80", "üü €",
       "1: invalid UTF-8 byte 0x80 at byte offset 5, read as the Windows-1252 character '€'"},
      // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined.
      {"\xC3\xBC\xC3\xBC \x81!", "üü \xEF\xBF\xBD!",
       "1: invalid UTF-8 byte 0x81 at byte offset 5, replaced by U+FFFD"},
      // A continuation byte 0xA0-0xBF alone, a lead byte without its continuation, a
      // character cut at the end of the text: each maximal subpart is one U+FFFD.
      {"\xC3\xBC\xC3\xBC \xA9", "üü \xEF\xBF\xBD",
       "1: invalid UTF-8 byte 0xA9 at byte offset 5, replaced by U+FFFD"},
      {"\xC3\xBC\nZ\xC3rich \xC3\xBC", "ü\nZ\xEF\xBF\xBDrich ü",
       "2: invalid UTF-8 byte 0xC3 at byte offset 4, replaced by U+FFFD"},
      {"\xC3\xBC\xC3\xBC\r\n\r\nend \xE2\x80", "üü\n\nend \xEF\xBF\xBD",
       "3: invalid UTF-8 bytes 0xE2 0x80 at byte offset 12, replaced by U+FFFD"},
      // Lone CR line ends count as line ends too.
      // An overlong "/" is two invalid sequences.
      {"\xC3\xBC\r\xC3\xBC\r\xC0\xAF", "ü\nü\n\xEF\xBF\xBD\xEF\xBF\xBD",
       "3: invalid UTF-8 byte 0xC0 at byte offset 6, replaced by U+FFFD (and 1 more on this "
       "line)"},
      // A byte 0x80-0x9F that follows a broken character is part of it, not a quote: an
      // overlong "/" of three bytes is three U+FFFD, never "€".
      {"\xC3\xBC\xC3\xBC\xC3\xBC \xE0\x80\xAF", "üüü \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       "1: invalid UTF-8 byte 0xE0 at byte offset 7, replaced by U+FFFD (and 2 more on this "
       "line)"},
      // An encoded UTF-16 surrogate (CESU-8, WTF-8) is one character: one U+FFFD.
      {"\xC3\xBC\xC3\xBC \xED\xA0\x80!", "üü \xEF\xBF\xBD!",
       "1: invalid UTF-8 bytes 0xED 0xA0 0x80 (an encoded UTF-16 surrogate) at byte offset 5, "
       "replaced by U+FFFD"},
      {"\xC3\xBC\xC3\xBC \xED\xB8\x80\xED\xA0\xBD", "üü \xEF\xBF\xBD\xEF\xBF\xBD",
       "1: invalid UTF-8 bytes 0xED 0xB8 0x80 (an encoded UTF-16 surrogate) at byte offset 5, "
       "replaced by U+FFFD (and 1 more on this line)"},
      // A CESU-8 surrogate pair is the character it encodes.
      {"\xC3\xBC\xC3\xBC \xED\xA0\xBD\xED\xB8\x80", "üü \xF0\x9F\x98\x80",
       "1: CESU-8 bytes 0xED 0xA0 0xBD 0xED 0xB8 0x80 (a UTF-16 surrogate pair) at byte offset "
       "5, read as U+1F600"},
      // Two stray quotes side by side are both Windows-1252.
      {"\xC3\xBC\xC3\xBC \x93\x94", "üü “”",
       "1: invalid UTF-8 byte 0x93 at byte offset 5, read as the Windows-1252 character '“' "
       "(and 1 more on this line)"},
      // The byte-order mark counts in the offset: it is in the file.
      {"\xEF\xBB\xBF\xC3\xBC\xC3\xBC \x93q\x94", "üü “q”",
       "1: invalid UTF-8 byte 0x93 at byte offset 8, read as the Windows-1252 character '“' "
       "(and 1 more on this line)"},
  };
  for (const Case& c : cases) {
    INFO(c.expected);
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(c.input, decoded).has_value());
    CHECK(decoded.source_encoding == "UTF-8");
    CHECK(decoded.utf8 == c.expected);
    CHECK(warnings_of(decoded) == std::vector<std::string>{c.warning});
    CHECK(is_valid_utf8(decoded.utf8));
  }
}

TEST_CASE("decode_text reads text as UTF-8 while it is UTF-8-shaped", "[text_encoding]") {
  // UTF-8-shaped: invalid sequences that a repair would turn into U+FFFD are no more
  // numerous than valid multi-byte sequences; lone bytes 0x80-0x9F repair without loss.
  struct Case {
    std::string input;
    std::string encoding;
    std::string expected;
  };
  const std::vector<Case> cases = {
      // One valid "ü", one character cut short: UTF-8.
      {"Z\xC3\xBCrich and Gen\xC3ve", "UTF-8", "Zürich and Gen\xEF\xBF\xBDve"},
      // ASCII with Windows-1252 punctuation only: the same text either way, read as UTF-8
      // so that the warning names each byte.
      {"The envoy\x92s \x93note\x94 \x96 pasted", "UTF-8", "The envoy’s “note” – pasted"},
      {"\x80 100 \x96 Brand\x99 \x85", "UTF-8", "€ 100 – Brand™ …"},
      // A Latin-1 letter and no valid sequence: legacy text.
      {"Caf\351 society", "windows-1252", "Café society"},
      // One valid sequence against two Latin-1 letters: legacy text (whose "Ã©" reads so).
      {"Caf\xC3\xA9 cr\350me br\373l\351e", "windows-1252", "CafÃ© crème brûlée"},
  };
  for (const Case& c : cases) {
    INFO(c.expected);
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(c.input, decoded).has_value());
    CHECK(decoded.source_encoding == c.encoding);
    CHECK(decoded.utf8 == c.expected);
  }
}

TEST_CASE("decode_text names the first lines it repaired and counts the others",
          "[text_encoding]") {
  std::string input = "Z\xC3\xBCrich Z\xC3\xBCrich Z\xC3\xBCrich Z\xC3\xBCrich\n";
  for (int i = 0; i < 7; ++i) input += "line\x92s\n";
  DecodedText decoded;
  REQUIRE_FALSE(decode_text(input, decoded).has_value());
  // 4 valid sequences, 7 lossless repairs: UTF-8.
  CHECK(decoded.source_encoding == "UTF-8");
  const std::vector<std::string> warnings = warnings_of(decoded);
  REQUIRE(warnings.size() == kMaxDecodeWarnings + 1);
  CHECK_THAT(warnings.front(), Contains("2: invalid UTF-8 byte 0x92 at byte offset 36"));
  CHECK(warnings.back() ==
        "0: invalid or legacy-encoded text on 2 more lines, repaired or converted in the same "
        "way");
}

TEST_CASE("decode_text decides for each line on its own when asked", "[text_encoding]") {
  // A JSON Lines export gathered from three sources: clean UTF-8, Windows-1252, and UTF-8
  // with a stray byte.
  const std::string input =
      "{\"title\": \"Z\xC3\xBCrich\"}\r\n"
      "{\"title\": \"Z\xFCrich, Gen\350ve\"}\r\n"
      "{\"title\": \"Z\xC3\xBCrich\x92s\"}";
  DecodedText decoded;
  REQUIRE_FALSE(decode_text(input, decoded, DecodeUnit::kEachLine).has_value());
  CHECK(decoded.utf8 ==
        "{\"title\": \"Zürich\"}\n{\"title\": \"Zürich, Genève\"}\n{\"title\": \"Zürich’s\"}");
  CHECK(decoded.source_encoding == "windows-1252");
  CHECK(warnings_of(decoded) ==
        std::vector<std::string>{"2: not UTF-8; read as windows-1252",
                                 "3: invalid UTF-8 byte 0x92 at byte offset 69, read as the "
                                 "Windows-1252 character '’'"});
  SECTION("the same bytes as one text are repaired as UTF-8") {
    REQUIRE_FALSE(decode_text(input, decoded, DecodeUnit::kWholeText).has_value());
    CHECK(decoded.source_encoding == "UTF-8");
    CHECK_THAT(decoded.utf8, Contains("Z\xEF\xBF\xBDrich, Gen\xEF\xBF\xBDve"));
  }
}

TEST_CASE("decode_text falls back to Windows-1252 for a few legacy bytes", "[text_encoding]") {
  // Too little text for the detector to be sure.
  DecodedText decoded;
  REQUIRE_FALSE(decode_text("caf\xE9 \x96 na\xEFve", decoded).has_value());
  CHECK(decoded.source_encoding == "windows-1252");
  CHECK(decoded.utf8 == "caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve");
}

TEST_CASE("decode_text converts UTF-16 with a byte-order mark", "[text_encoding]") {
  SECTION("little endian") {
    // "Zürich\r\nKyiv’s" in UTF-16LE.
    const std::string input =
        bytes_of({0xFF, 0xFE, 'Z', 0,   0xFC, 0,   'r', 0,   'i', 0,   'c', 0,    'h',  0,   '\r',
                  0,    '\n', 0,   'K', 0,    'y', 0,   'i', 0,   'v', 0,   0x19, 0x20, 's', 0});
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(input, decoded).has_value());
    CHECK(decoded.source_encoding == "UTF-16LE");
    CHECK(decoded.utf8 == "Z\xC3\xBCrich\nKyiv\xE2\x80\x99s");
  }
  SECTION("big endian") {
    const std::string input = bytes_of({0xFE, 0xFF}) + ascii_as_utf16("Title\rline two", false);
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(input, decoded).has_value());
    CHECK(decoded.source_encoding == "UTF-16BE");
    CHECK(decoded.utf8 == "Title\nline two");
  }
  SECTION("a surrogate pair becomes one 4-byte character") {
    // U+1F30D EARTH GLOBE EUROPE-AFRICA is D83C DF0D.
    const std::string input = bytes_of({0xFF, 0xFE, 'a', 0, 0x3C, 0xD8, 0x0D, 0xDF});
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(input, decoded).has_value());
    CHECK(decoded.utf8 == "a\xF0\x9F\x8C\x8D");
  }
}

TEST_CASE("decode_text rejects binary bytes and says why", "[text_encoding]") {
  struct Case {
    std::string input;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {bytes_of({'P', 'K', 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00}),  // a zip header
       "binary file (a NUL byte at byte offset 5)"},
      {std::string("text with one NUL\0 in it", 24), "binary file (a NUL byte at byte offset 17)"},
      // The byte-order mark counts in the offset: it is in the file.
      {std::string("\xEF\xBB\xBFtext\0", 8), "binary file (a NUL byte at byte offset 7)"},
      {bytes_of({0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00}),
       "binary file (a NUL byte at byte offset 7)"},
      // Control characters that are not text, without any NUL.
      {bytes_of({0x01, 0x02, 0x03, 0x04, 0x05, 'a', 0x06, 0x07, 0x08, 0x0E, 0x0F}),
       "binary file (10 control bytes in 11)"},
      // A UTF-16 file whose characters are NULs.
      {bytes_of({0xFF, 0xFE, 'a', 0, 0, 0, 0, 0, 'b', 0}),
       "binary file (control characters when read as UTF-16LE)"},
  };
  for (const Case& c : cases) {
    INFO(c.reason);
    DecodedText decoded;
    const auto failure = decode_text(c.input, decoded);
    REQUIRE(failure.has_value());
    CHECK(failure->reason == c.reason);
  }
}

TEST_CASE("decode_text reads UTF-16 without a byte-order mark when ICU is sure of it",
          "[text_encoding]") {
  const std::string text = "Chad: Border Closed\r\n\r\nBy July 28, 2025No Comments\r\n";
  for (const bool little_endian : {true, false}) {
    INFO((little_endian ? "little" : "big") << " endian");
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(ascii_as_utf16(text, little_endian), decoded).has_value());
    const std::string encoding = little_endian ? "UTF-16LE" : "UTF-16BE";
    CHECK(decoded.source_encoding == encoding);
    CHECK(decoded.utf8 == "Chad: Border Closed\n\nBy July 28, 2025No Comments\n");
    CHECK(warnings_of(decoded) ==
          std::vector<std::string>{"0: not UTF-8; read as " + encoding + " (no byte-order mark)"});
  }
}

TEST_CASE("decode_text leaves a NUL in one line of a JSON Lines export to that record",
          "[text_encoding]") {
  const std::string input = std::string("{\"title\": \"a\"}\n{\"title\": \"b") + '\0' + "\"}\n";
  DecodedText decoded;
  REQUIRE_FALSE(decode_text(input, decoded, DecodeUnit::kEachLine).has_value());
  CHECK(decoded.utf8 == input);
  SECTION("read as one text, the NUL makes the file binary") {
    const auto failure = decode_text(input, decoded, DecodeUnit::kWholeText);
    REQUIRE(failure.has_value());
    CHECK(failure->reason == "binary file (a NUL byte at byte offset 27)");
  }
}

TEST_CASE("decode_text keeps the odd control character in text", "[text_encoding]") {
  std::string input = "A long line of ordinary prose with one stray escape \x1B and a bell \x07.";
  DecodedText decoded;
  REQUIRE_FALSE(decode_text(input, decoded).has_value());
  CHECK_THAT(decoded.utf8, Contains("stray escape"));
}

}  // namespace
}  // namespace briefsearch

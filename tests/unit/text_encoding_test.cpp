// Tests for decode_text: raw file bytes to UTF-8 with LF line ends, or a failure.
#include "common/text_encoding.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"

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
      {"\x80 100 \x96 Brand\x99 \x85", "€ 100 – Brand™ …"},
  };
  for (const Case& c : cases) {
    INFO(c.expected);
    DecodedText decoded;
    REQUIRE_FALSE(decode_text(c.input, decoded).has_value());
    CHECK(decoded.source_encoding == "windows-1252");
    CHECK(decoded.utf8 == c.expected);
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

TEST_CASE("decode_text rejects binary bytes", "[text_encoding]") {
  const std::vector<std::string> inputs = {
      bytes_of({'P', 'K', 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00}),  // a zip header
      std::string("text with one NUL\0 in it", 24),
      bytes_of({0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00}),
      // UTF-16 without a byte-order mark is indistinguishable from binary.
      ascii_as_utf16("Title without BOM", true),
      // Control characters that are not text, without any NUL.
      bytes_of({0x01, 0x02, 0x03, 0x04, 0x05, 'a', 0x06, 0x07, 0x08, 0x0E, 0x0F}),
      // A UTF-16 file whose characters are NULs.
      bytes_of({0xFF, 0xFE, 'a', 0, 0, 0, 0, 0, 'b', 0}),
  };
  for (size_t i = 0; i < inputs.size(); ++i) {
    INFO("input " << i);
    DecodedText decoded;
    const auto failure = decode_text(inputs[i], decoded);
    REQUIRE(failure.has_value());
    CHECK(failure->reason == "binary file");
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

// Tests for the Latin-ASCII folding table: it is what ICU's transliterator gives.
#include "common/analysis/latin_ascii.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>

namespace briefsearch {
namespace {

TEST_CASE("the folding table is ICU's Latin-ASCII for every Latin letter", "[latin_ascii]") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> latin_ascii(
      icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  std::size_t letters = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    const bool latin_letter =
        c >= 0x80 && u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_LATIN;
    if (!latin_letter) {
      if (latin_ascii_folding(static_cast<char32_t>(c)).empty()) continue;
      FAIL("U+" << std::hex << c << " is no Latin letter beyond ASCII but is in the table");
    }
    icu::UnicodeString text(c);
    latin_ascii->transliterate(text);
    std::string expected;
    text.toUTF8String(expected);
    bool letters_only = !expected.empty();
    for (char& letter : expected) {
      if (letter >= 'A' && letter <= 'Z') letter = static_cast<char>(letter - 'A' + 'a');
      letters_only = letters_only && letter >= 'a' && letter <= 'z';
    }
    if (!letters_only) expected.clear();
    if (latin_ascii_folding(static_cast<char32_t>(c)) != expected) {
      FAIL_CHECK("U+" << std::hex << c << ": table '"
                      << latin_ascii_folding(static_cast<char32_t>(c)) << "', ICU '" << expected
                      << "'");
    }
    ++letters;
  }
  CHECK(letters > 1000);
  CHECK(kLatinAsciiFoldings.size() > 800);
}

TEST_CASE("latin_ascii_folding folds the letters analysts meet", "[latin_ascii]") {
  struct Case {
    char32_t letter;
    std::string_view ascii;
  };
  const auto [letter, ascii] = GENERATE(values<Case>({
      {U'ł', "l"},
      {U'Ł', "l"},
      {U'ø', "o"},
      {U'đ', "d"},
      {U'ı', "i"},
      {U'æ', "ae"},
      {U'œ', "oe"},
      {U'þ', "th"},
      {U'ß', "ss"},
      {U'ð', "d"},
      {U'ħ', "h"},
      {U'ŋ', "n"},
      {U'ɪ', "i"},
      {U'ǀ', ""},
      {U'ж', ""},
      {U'北', ""},
      {U'a', ""},
      {U'’', ""},
  }));
  INFO(static_cast<unsigned>(letter));
  CHECK(latin_ascii_folding(letter) == ascii);
}

}  // namespace
}  // namespace briefsearch

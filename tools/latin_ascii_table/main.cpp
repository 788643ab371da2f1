// Writes the table behind common/analysis/latin_ascii.h: each Latin letter beyond ASCII with the
// ASCII letters ICU's "Latin-ASCII" transliterator gives for it. Run at build time, so the
// analyser folds exactly as ICU does without compiling the transliterator's rules in every
// process (150 million instructions, ten times a whole search).
//
//   latin-ascii-table OUTPUT.cpp
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

namespace {

// Latin-ASCII's output for letter, lowercased; empty unless it is ASCII letters only (it
// gives "|" for the click letter "ǀ"; small capitals give capitals: "ɪ" -> "I").
std::string ascii_letters(icu::Transliterator& latin_ascii, UChar32 letter) {
  icu::UnicodeString text(letter);
  latin_ascii.transliterate(text);
  std::string ascii;
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t c = text.charAt(i);
    if (c >= 'A' && c <= 'Z') {
      ascii += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      ascii += static_cast<char>(c);
    } else {
      return {};
    }
  }
  return ascii;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: latin-ascii-table OUTPUT.cpp\n");
    return 2;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> latin_ascii(
      icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "latin-ascii-table: ICU: %s\n", u_errorName(status));
    return 1;
  }
  std::string rows;
  int count = 0;
  for (UChar32 letter = 0x80; letter <= 0x10FFFF; ++letter) {
    if (!u_isalpha(letter) || uscript_getScript(letter, &status) != USCRIPT_LATIN) continue;
    const std::string ascii = ascii_letters(*latin_ascii, letter);
    if (ascii.empty()) continue;
    char row[64];
    std::snprintf(row, sizeof row, "    {0x%04X, \"%s\"},\n", static_cast<unsigned>(letter),
                  ascii.c_str());
    rows += row;
    ++count;
  }
  if (U_FAILURE(status) || count == 0) {
    std::fprintf(stderr, "latin-ascii-table: no letters found (%s)\n", u_errorName(status));
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << "// Generated at build time by tools/latin_ascii_table from ICU " U_ICU_VERSION
         "'s Latin-ASCII; do not edit.\n"
         "#include \"common/analysis/latin_ascii.h\"\n\n"
         "namespace briefsearch {\n"
         "namespace {\n\n"
         "constexpr LatinAsciiFolding kFoldings[] = {\n"
      << rows
      << "};\n\n"
         "}  // namespace\n\n"
         "const std::span<const LatinAsciiFolding> kLatinAsciiFoldings{kFoldings};\n\n"
         "}  // namespace briefsearch\n";
  out.close();
  if (!out) {
    std::fprintf(stderr, "latin-ascii-table: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}

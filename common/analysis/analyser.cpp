#include "common/analysis/analyser.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "common/analysis/ascii_words.h"
#include "common/analysis/latin_ascii.h"
#include "common/analysis/stop_words.h"
#include "common/base/errors.h"
#include "common/base/string_utils.h"

namespace briefsearch {
namespace {

// Combining marks stripped after decomposition: the generic accents used by Latin, Greek
// and Cyrillic ("Zürich" -> "zurich", "ё" -> "е") and Arabic's optional vowel marks.
// Marks that change letters in other scripts (Devanagari vowel signs) are kept.
bool is_foldable_mark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

// Typographic apostrophes and the modifier letter used as one, read as "'".
bool is_apostrophe(UChar32 c) { return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07; }

// French and Italian articles and pronouns that elide before a vowel or h: "Côte
// d'Ivoire", "L'Aquila", "dell'Acqua", "qu'il". The word after the apostrophe is the
// term, as Lucene's ElisionFilter does for French, so that "ivoire" finds "d'Ivoire".
// English names keep theirs: "o'brien" is no elision, nor "d'souza" (no vowel after).
constexpr std::array<std::string_view, 20> kElidedArticles = {
    "c",      "d",      "j",      "l",    "m",   "n",    "qu",   "s",    "t",     "jusqu",
    "lorsqu", "puisqu", "quoiqu", "dell", "all", "dall", "nell", "sull", "quell", "un"};

// term ("d'ivoire", lowercase) without its elided article ("ivoire"); unchanged otherwise.
void remove_elided_article(std::string& term) {
  const std::size_t apostrophe = term.find('\'');
  if (apostrophe == std::string::npos || apostrophe + 1 >= term.size()) return;
  const std::string_view article(term.data(), apostrophe);
  if (std::find(kElidedArticles.begin(), kElidedArticles.end(), article) == kElidedArticles.end()) {
    return;
  }
  const char next = term[apostrophe + 1];
  if (std::string_view("aeiouyh").find(next) == std::string_view::npos) return;
  term.erase(0, apostrophe + 1);
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw InternalError(std::string("ICU: cannot load ") + what + ": " + u_errorName(status));
  }
}

}  // namespace

Analyser::Analyser(IcuLoading loading) : stemmer_("english") {
  if (loading == IcuLoading::kNow) load_icu();
}

struct Analyser::Icu {
  std::unique_ptr<icu::BreakIterator> word_breaker;
  // Owned by ICU.
  const icu::Normalizer2* casefold = nullptr;
  const icu::Normalizer2* decompose = nullptr;
  const icu::Normalizer2* compose = nullptr;
};

void Analyser::load_icu() {
  if (icu_ != nullptr) return;
  auto loaded = std::make_unique<Icu>();
  UErrorCode status = U_ZERO_ERROR;
  loaded->word_breaker.reset(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  check(status, "word break rules");
  loaded->casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  check(status, "NFKC case folding");
  loaded->decompose = icu::Normalizer2::getNFDInstance(status);
  check(status, "NFD");
  loaded->compose = icu::Normalizer2::getNFCInstance(status);
  check(status, "NFC");
  icu_ = std::move(loaded);  // only when all of it loaded: a failure is retried next time
}

Analyser::~Analyser() = default;

std::string Analyser::normalise_word(const char16_t* word, std::int32_t length) {
  // Most words in briefs are plain ASCII, for which NFKC case folding is lowercasing and
  // there is nothing to decompose: skip ICU's three passes.
  bool word_is_ascii = true;
  for (int32_t i = 0; i < length && word_is_ascii; ++i) word_is_ascii = word[i] < 0x80;
  if (word_is_ascii) {
    std::string lowered(static_cast<std::size_t>(length), '\0');
    for (int32_t i = 0; i < length; ++i) {
      const auto c = static_cast<char>(word[i]);
      lowered[static_cast<std::size_t>(i)] =
          (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return lowered;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text(false, word, length);  // read-only alias, no copy
  icu::UnicodeString folded = icu_->casefold->normalize(text, status);
  icu::UnicodeString decomposed = icu_->decompose->normalize(folded, status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_foldable_mark(c)) continue;
    // Latin letters whose marks do not decompose, and ligatures. Only letters of the Latin
    // script are in the table, and they fold to letters: other scripts and punctuation keep
    // their characters, so words never split differently.
    if (c >= 0x80) {
      if (const std::string_view ascii = latin_ascii_folding(static_cast<char32_t>(c));
          !ascii.empty()) {
        for (char letter : ascii) stripped.append(static_cast<char16_t>(letter));
        continue;
      }
    }
    stripped.append(is_apostrophe(c) ? UChar32{'\''} : c);
  }
  icu::UnicodeString composed = icu_->compose->normalize(stripped, status);
  if (U_FAILURE(status)) return {};
  std::string utf8;
  composed.toUTF8String(utf8);
  return utf8;
}

const std::string& Analyser::stem_of(const std::string& term) {
  // Word frequencies are Zipfian, so a small cache answers most stems; it is dropped when
  // full to keep memory bounded.
  constexpr std::size_t kMaxCachedStems = 200000;
  auto found = stem_cache_.find(term);
  if (found != stem_cache_.end()) return found->second;
  if (stem_cache_.size() >= kMaxCachedStems) stem_cache_.clear();
  return stem_cache_.emplace(term, stemmer_(term)).first->second;
}

std::vector<Token> Analyser::analyse(std::string_view text) { return analyse(text, true); }

std::vector<Token> Analyser::analyse_without_stems(std::string_view text) {
  return analyse(text, false);
}

std::vector<Token> Analyser::analyse_with_icu(std::string_view text) {
  std::vector<Token> tokens;
  analyse_with_icu(text, 0, true, tokens);
  return tokens;
}

// Most briefs are ASCII with a few other characters. No word spans ASCII whitespace, so
// the text is cut there; runs of ASCII are segmented directly (a fraction of the cost of
// ICU's UTF-16 path) and only the pieces with other characters go through ICU.
std::vector<Token> Analyser::analyse(std::string_view text, bool with_stems) {
  std::vector<Token> tokens;
  // About one word in six bytes of English: most texts need no reallocation.
  tokens.reserve(text.size() / 6 + 1);
  std::size_t at = 0;
  while (at < text.size()) {
    // ASCII up to the start of the first whitespace-delimited piece with another character.
    std::size_t ascii_end = at;
    std::size_t piece_start = at;
    while (ascii_end < text.size() && static_cast<unsigned char>(text[ascii_end]) < 0x80) {
      if (is_ascii_space(text[ascii_end])) piece_start = ascii_end + 1;
      ++ascii_end;
    }
    if (ascii_end == text.size()) piece_start = ascii_end;
    add_ascii_words(text, at, piece_start, with_stems, tokens);
    if (piece_start == text.size()) break;
    std::size_t piece_end = ascii_end;
    while (piece_end < text.size() && !is_ascii_space(text[piece_end])) ++piece_end;
    analyse_with_icu(text.substr(piece_start, piece_end - piece_start), piece_start, with_stems,
                     tokens);
    at = piece_end;
  }
  return tokens;
}

void Analyser::add_ascii_words(std::string_view text, std::size_t from, std::size_t to,
                               bool with_stems, std::vector<Token>& tokens) {
  for_each_ascii_word(text.substr(from, to - from), [&](std::size_t begin, std::size_t end) {
    if (end - begin > kMaxWordBytes) return;
    const std::string_view word = text.substr(from + begin, end - begin);
    Token& token = tokens.emplace_back();
    token.term.assign(word);
    ascii_lowercase_in_place(token.term);
    if (word.find('\'') != std::string_view::npos) remove_elided_article(token.term);
    if (with_stems) token.stem = stem_of(token.term);
    token.begin = from + begin;
    token.end = from + end;
    if (with_stems) token.stop_word = is_stop_word(token.term, word);
  });
}

void Analyser::analyse_with_icu(std::string_view text, std::size_t offset, bool with_stems,
                                std::vector<Token>& tokens) {
  if (text.empty()) return;
  load_icu();
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));

  // UTF-16 index -> byte offset in text. Invalid bytes became one U+FFFD each; the offsets
  // stay approximate there, which only affects highlighting of already broken text.
  std::vector<std::size_t> byte_offsets(static_cast<size_t>(unicode.length()) + 1, text.size());
  {
    std::size_t byte = 0;
    for (int32_t i = 0; i < unicode.length();) {
      const UChar32 c = unicode.char32At(i);
      const int32_t units = U16_LENGTH(c);
      for (int32_t k = 0; k < units; ++k) byte_offsets[static_cast<size_t>(i + k)] = byte;
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += units;
    }
    byte_offsets.back() = std::min(byte, text.size());
  }

  icu_->word_breaker->setText(unicode);
  int32_t start = icu_->word_breaker->first();
  for (int32_t end = icu_->word_breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = icu_->word_breaker->next()) {
    if (icu_->word_breaker->getRuleStatus() == UBRK_WORD_NONE) continue;
    std::string term = normalise_word(unicode.getBuffer() + start, end - start);
    while (!term.empty() && term.back() == '\'') term.pop_back();  // "states'" -> "states"
    remove_elided_article(term);
    if (term.empty() || term.size() > kMaxWordBytes) continue;
    Token token;
    if (with_stems) token.stem = stem_of(term);
    token.term = std::move(term);
    // Offsets past an invalid byte are approximate; they must still lie inside text.
    const std::size_t finish = std::min(byte_offsets[static_cast<size_t>(end)], text.size());
    const std::size_t begin = std::min(byte_offsets[static_cast<size_t>(start)], finish);
    token.begin = offset + begin;
    token.end = offset + finish;
    if (with_stems) token.stop_word = is_stop_word(token.term, text.substr(begin, finish - begin));
    tokens.push_back(std::move(token));
  }
}

}  // namespace briefsearch

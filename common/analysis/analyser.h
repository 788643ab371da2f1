// The one text analyser: ICU normalisation, ICU word segmentation and Snowball stemming.
// The indexer and the query parser both use it, so the same text always yields the same
// terms on both sides.
//
// Persisted: the terms in every database are this analyser's output. Any change to what
// analyse() returns for some text (normalisation, folding, segmentation, stop words,
// stemming, kMaxWordBytes) must come with a new kAnalyserVersion (common/store/schema.h), so that
// both binaries refuse a database built with the old terms instead of missing matches.
// tests/unit/analysis/analyser_test.cpp pins the output on a fixed set of words to catch a change.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace briefsearch {

// One word of analysed text.
struct Token {
  // The word as matched exactly: NFKC, case-folded, common diacritics removed, Latin
  // letters folded to ASCII as ICU's Latin-ASCII transliteration folds them ("ł" -> "l",
  // "æ" -> "ae", "ß" -> "ss"; common/analysis/latin_ascii.h), typographic apostrophes as ASCII.
  // Used for phrases.
  std::string term;
  // The Snowball English stem of term. Used for plain word searches.
  std::string stem;
  // Byte range of the word in the analysed text, for highlighting.
  std::size_t begin = 0;
  std::size_t end = 0;
  // A common English function word ("the", "of", "us"). Written in capitals it is not
  // one: "US", "IT" and "WHO" carry meaning. Stop words are indexed like any word (so
  // phrases keep them); a query leaves them out of plain word matches.
  bool stop_word = false;
};

// Words longer than this many bytes after normalisation are dropped: they are never real
// words, and a prefixed term must stay under Xapian's 245-byte limit.
inline constexpr std::size_t kMaxWordBytes = 64;

// What every analysed word with this stem starts with. Snowball's English stems keep all of
// a word but its last byte ("military" -> "militari"), or its last two for "-ying" words
// ("dying" -> "die"); checked on the 200,000 distinct words of the benchmark corpora.
[[nodiscard]] inline std::string_view stem_start(std::string_view stem) {
  if (stem.size() < 3) return stem;
  return stem.substr(0, stem.size() - (stem.ends_with("ie") ? 2 : 1));
}

// Not thread-safe (it owns an ICU break iterator): use one Analyser per thread.
class Analyser {
 public:
  // When ICU's break rules and normalisers are loaded: at construction, or at the first
  // text that is not ASCII (which saves a one-query process 0.8 ms when none comes).
  enum class IcuLoading { kNow, kWhenNeeded };

  // Throws InternalError when ICU's data cannot be loaded (with kWhenNeeded, the
  // first analysis that needs it throws instead).
  explicit Analyser(IcuLoading loading = IcuLoading::kNow);
  ~Analyser();
  Analyser(const Analyser&) = delete;
  Analyser& operator=(const Analyser&) = delete;

  // The words of text in order. Invalid UTF-8 bytes are read as U+FFFD and never form part
  // of a word.
  [[nodiscard]] std::vector<Token> analyse(std::string_view text);

  // The same terms and offsets, leaving Token::stem empty and Token::stop_word false, for
  // callers that need few stems and no stop words (snippets, exact terms, names): a
  // snippet analyses every byte of the briefs shown, and the stop-word lookup was a tenth
  // of it.
  [[nodiscard]] std::vector<Token> analyse_without_stems(std::string_view text);

  // The Snowball English stem of an analysed term (cached).
  [[nodiscard]] const std::string& stem(const std::string& term) { return stem_of(term); }

  // analyse() with ICU segmenting all of text, ASCII included: the reference the direct
  // ASCII path is tested against.
  [[nodiscard]] std::vector<Token> analyse_with_icu(std::string_view text);

 private:
  // ICU's word break iterator and normalisers, set by load_icu(). Defined in analyser.cpp,
  // so that no ICU header is part of this one (briefsearch_common links ICU privately).
  struct Icu;

  std::vector<Token> analyse(std::string_view text, bool with_stems);
  void load_icu();
  void add_ascii_words(std::string_view text, std::size_t from, std::size_t to, bool with_stems,
                       std::vector<Token>& tokens);
  void analyse_with_icu(std::string_view text, std::size_t offset, bool with_stems,
                        std::vector<Token>& tokens);
  std::string normalise_word(const char16_t* word, std::int32_t length);
  const std::string& stem_of(const std::string& term);

  std::unique_ptr<Icu> icu_;  // null until load_icu() has loaded all of it
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string> stem_cache_;
};

}  // namespace briefsearch

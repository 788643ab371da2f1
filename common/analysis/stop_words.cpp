#include "common/analysis/stop_words.h"

#include <unordered_set>

namespace briefsearch {
namespace {

// Function words that say nothing about what a brief is about. Words that look like stop
// words but often carry meaning in briefs ("no", "not", "against", "over") are left out.
const std::unordered_set<std::string_view> kStopWords = {
    "a",    "about", "an",    "and",   "are",   "as",   "at",    "be",    "been",  "being", "but",
    "by",   "can",   "could", "did",   "do",    "does", "for",   "from",  "had",   "has",   "have",
    "he",   "her",   "hers",  "him",   "his",   "i",    "if",    "in",    "into",  "is",    "it",
    "it's", "its",   "me",    "my",    "of",    "on",   "or",    "our",   "she",   "so",    "such",
    "than", "that",  "the",   "their", "them",  "then", "there", "these", "they",  "this",  "those",
    "to",   "us",    "was",   "we",    "were",  "what", "when",  "where", "which", "while", "who",
    "whom", "why",   "will",  "with",  "would", "you",  "your"};

// "US", "IT", "WHO": two or more letters, all capitals, as written.
bool written_in_capitals(std::string_view original) {
  std::size_t letters = 0;
  for (char c : original) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

}  // namespace

bool is_stop_word(std::string_view term, std::string_view as_written) {
  return kStopWords.contains(term) && !written_in_capitals(as_written);
}

}  // namespace briefsearch

#include "common/query/expansion.h"

#include <algorithm>
#include <array>

#include "common/analysis/country_table.h"
#include "common/base/string_utils.h"
#include "common/brief/calendar_date.h"

namespace briefsearch {
namespace {

using Kind = QueryNode::Kind;

// Years an analyst writes as a word; other four-digit numbers ("1500 troops") stay numbers.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2099;

// A date written as a word (absolute_period, the date: field's own reading) in the years
// an analyst means: "2024", "2024-06", "2024-06-15".
std::optional<DateBounds> period_written(std::string_view text) {
  const auto period = absolute_period(text);
  if (!period) return std::nullopt;
  const int year = period->from->year();
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  return period;
}

std::optional<int> year_written(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  const auto period = period_written(text);
  if (!period) return std::nullopt;
  return period->from->year();
}

bool is_plain_word(const QueryNode& node) { return node.kind == Kind::kWord && !node.field; }

// The texts of count siblings from index, joined by spaces.
std::string span_text(const std::vector<QueryNode>& siblings, std::size_t index,
                      std::size_t count) {
  std::vector<std::string> texts;
  for (std::size_t i = index; i < index + count; ++i) texts.push_back(siblings[i].text);
  return join(texts, " ");
}

// The country with this code into meaning: its names other than the words written (the
// analysed terms of the query's words), one-word names with one stem ("russian",
// "russians") once, and none with the stem of a one-word name written.
void add_country(WordMeaning& meaning, const std::string& code,
                 const std::vector<std::string>& written, Analyser& analyser) {
  meaning.country = code;
  std::vector<std::string> stems;
  if (written.size() == 1) stems.push_back(analyser.stem(written.front()));
  for (auto& words : country_names_of(code)) {
    if (words == written) continue;
    if (words.size() == 1) {
      std::string stem = analyser.stem(words.front());
      if (std::find(stems.begin(), stems.end(), stem) != stems.end()) continue;
      stems.push_back(std::move(stem));
    }
    meaning.country_names.push_back(std::move(words));
  }
}

std::string period_text(const DateBounds& period) {
  return period.from->iso() + ".." + period.to->iso();
}

void add_notes(const std::string& written, const WordMeaning& meaning,
               std::vector<std::string>& notes) {
  if (!meaning.capitals_country.empty()) {
    notes.push_back(written + ": a common word, left out; written " + ascii_uppercase(written) +
                    " it names the country " + meaning.capitals_country);
  }
  if (meaning.period) {
    notes.push_back(written + ": also " +
                    (meaning.month_name.empty() ? "" : "'" + meaning.month_name + "' and ") +
                    "briefs dated " + period_text(*meaning.period));
  }
  if (meaning.country_names.empty()) return;
  std::vector<std::string> names;
  for (const auto& words : meaning.country_names) names.push_back(join(words, " "));
  notes.push_back(written + ": also " + join(names, ", ") + " (country " + meaning.country + ")");
}

void collect_notes(const QueryNode& node, Analyser& analyser, std::vector<std::string>& notes) {
  if (node.kind == Kind::kWord) {
    add_notes(node.text, meaning_of(node, analyser), notes);
    return;
  }
  if (node.kind == Kind::kNear) return;  // its operands are exact words
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const QueryNode& child = node.children[i];
    if (node.side_by_side && child.kind == Kind::kWord) {  // --any: each word, and any name
      if (const std::size_t words = country_name_words(node.children, i, analyser); words > 1) {
        add_notes(span_text(node.children, i, words),
                  meaning_of_name(node.children, i, words, analyser), notes);
      }
    }
    if (node.kind != Kind::kAnd || child.kind != Kind::kWord) {
      collect_notes(child, analyser, notes);
      continue;
    }
    const SiblingMeaning at = meaning_at(node.children, i, analyser);
    add_notes(span_text(node.children, i, at.words), at.meaning, notes);
    i += at.words - 1;
  }
}

}  // namespace

std::optional<int> year_beside(const std::vector<QueryNode>& siblings, std::size_t index) {
  for (const std::size_t other : {index - 1, index + 1}) {
    if (other >= siblings.size() || !is_plain_word(siblings[other])) continue;
    if (auto year = year_written(siblings[other].text)) return year;
  }
  return std::nullopt;
}

WordMeaning meaning_of(const QueryNode& node, Analyser& analyser, std::optional<int> year_beside) {
  WordMeaning meaning;
  if (!is_plain_word(node)) return meaning;
  meaning.period = period_written(node.text);
  if (!meaning.period && year_beside) {
    if (const auto month = month_from_name(node.text)) {
      meaning.period = DateBounds{CalendarDate::from_parts(*year_beside, *month, 1),
                                  CalendarDate::end_of_month(*year_beside, *month)};
      const std::string_view full = month_name(*month);
      if (ascii_lowercase(node.text) != full) meaning.month_name = full;
      // The months whose English names (or abbreviations) are also everyday words.
      constexpr std::array<std::string_view, 3> kCommonWords = {"may", "march", "mar"};
      const std::string written = ascii_lowercase(trim(node.text));
      if (std::find(kCommonWords.begin(), kCommonWords.end(), written) != kCommonWords.end()) {
        meaning.beside_year = year_beside;
      }
    }
  }
  if (meaning.period) return meaning;
  const std::vector<Token> tokens = analyser.analyse(node.text);
  if (tokens.size() == 1 && tokens.front().stop_word && ascii_lowercase(node.text) == node.text) {
    if (const auto code = country_code_named(ascii_uppercase(node.text), analyser)) {
      meaning.capitals_country = *code;
    }
  }
  if (tokens.size() != 1 || tokens.front().stop_word) return meaning;
  if (const auto code = country_code_named(node.text, analyser)) {
    add_country(meaning, *code, {tokens.front().term}, analyser);
  }
  return meaning;
}

std::size_t country_name_words(const std::vector<QueryNode>& siblings, std::size_t index,
                               Analyser& analyser) {
  for (std::size_t count = std::min(kMostNameWords, siblings.size() - index); count > 1; --count) {
    const auto first = siblings.begin() + static_cast<std::ptrdiff_t>(index);
    if (!std::all_of(first, first + static_cast<std::ptrdiff_t>(count), is_plain_word)) continue;
    if (country_phrase_known(span_text(siblings, index, count), analyser)) return count;
  }
  return 0;
}

WordMeaning meaning_of_name(const std::vector<QueryNode>& siblings, std::size_t index,
                            std::size_t count, Analyser& analyser) {
  WordMeaning meaning;
  const std::string text = span_text(siblings, index, count);
  if (const auto code = country_code_named(text, analyser)) {
    std::vector<std::string> written;
    for (const Token& token : analyser.analyse(text)) written.push_back(token.term);
    add_country(meaning, *code, written, analyser);
  }
  return meaning;
}

SiblingMeaning meaning_at(const std::vector<QueryNode>& siblings, std::size_t index,
                          Analyser& analyser) {
  if (const std::size_t count = country_name_words(siblings, index, analyser); count > 1) {
    return {count, meaning_of_name(siblings, index, count, analyser)};
  }
  return {1, meaning_of(siblings[index], analyser, year_beside(siblings, index))};
}

std::vector<std::string> meaning_notes(const QueryNode& tree, Analyser& analyser) {
  std::vector<std::string> notes;
  collect_notes(tree, analyser, notes);
  return notes;
}

}  // namespace briefsearch

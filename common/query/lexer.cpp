#include "common/query/lexer.h"

#include <algorithm>
#include <cctype>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/query/query.h"

namespace briefsearch {
namespace {

using Type = Lexeme::Type;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_word_boundary(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

// Letters, '-' and '_' only, so times ("10:30") and codes are not taken for fields.
bool is_field_name(std::string_view name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name.front()))) return false;
  for (char c : name) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

// "NEAR", "NEAR/5", "ADJ", "ADJ/3", in capitals only.
bool is_proximity_operator(std::string_view word) {
  for (std::string_view name : {"NEAR", "ADJ"}) {
    if (word == name) return true;
    if (word.starts_with(name) && word.size() > name.size() + 1 && word[name.size()] == '/') {
      return true;
    }
  }
  return false;
}

bool ends_term(Type type) {
  return type == Type::kWord || type == Type::kPhrase || type == Type::kClose;
}

// Operators work in any case, but a lowercase "and", "or", "xor" or "not" with no term
// where the operator needs one is the word itself: "and" alone, "rock and" or "not".
// Written in capitals, a misplaced operator stays an error.
void demote_stray_lowercase_operators(std::vector<Lexeme>& lexemes) {
  for (std::size_t i = 0; i + 1 < lexemes.size(); ++i) {
    Lexeme& lexeme = lexemes[i];
    const bool is_operator = lexeme.type == Type::kAnd || lexeme.type == Type::kOr ||
                             lexeme.type == Type::kXor || lexeme.type == Type::kNot;
    if (!is_operator || lexeme.text == ascii_uppercase(lexeme.text)) continue;
    const bool binary = lexeme.type != Type::kNot;
    const bool has_left = i > 0 && ends_term(lexemes[i - 1].type);
    const bool has_right = starts_term(lexemes[i + 1].type);
    if (!has_right || (binary && !has_left)) lexeme.type = Type::kWord;
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view query) : query_(query) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> lexemes;
    while (true) {
      while (pos_ < query_.size() && is_space(query_[pos_])) ++pos_;
      if (pos_ >= query_.size()) break;
      const std::size_t column = pos_ + 1;
      const char c = query_[pos_];
      if (c == '(' || c == ')') {
        lexemes.push_back({c == '(' ? Type::kOpen : Type::kClose, std::string(1, c), column});
        ++pos_;
      } else if (c == '"') {
        lexemes.push_back({Type::kPhrase, read_phrase(column), column});
      } else if ((c == '+' || c == '-') && pos_ + 1 < query_.size() &&
                 !is_space(query_[pos_ + 1]) && query_[pos_ + 1] != ')') {
        // Only in front of a term, so "S-400" and "F-16" stay words. Before a space, a ')'
        // or the end, the sign is a word of its own whichever of them follows: "(a -)"
        // reads as "(a - )" does, so --explain's "(a OR -) AND b" reads back.
        lexemes.push_back({c == '+' ? Type::kPlus : Type::kMinus, std::string(1, c), column});
        ++pos_;
      } else {
        lexemes.push_back(read_word(column));
      }
    }
    lexemes.push_back({Type::kEnd, "", query_.size() + 1});
    demote_stray_lowercase_operators(lexemes);
    return lexemes;
  }

 private:
  std::string read_phrase(std::size_t column) {
    const std::size_t close = query_.find('"', pos_ + 1);
    if (close == std::string_view::npos) {
      throw QueryError(std::string(query_), column, "unterminated phrase: missing closing '\"'");
    }
    std::string phrase(query_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return phrase;
  }

  Lexeme read_word(std::size_t column) {
    const std::size_t start = pos_;
    while (pos_ < query_.size() && !is_word_boundary(query_[pos_])) ++pos_;
    const std::string_view word = query_.substr(start, pos_ - start);
    const std::size_t colon = word.find(':');
    if (colon != std::string_view::npos && is_field_name(word.substr(0, colon))) {
      // "title:word" is split into the field and what follows, which may also be a
      // phrase or a parenthesised group.
      pos_ = start + colon + 1;
      field_value_at_ = pos_;
      return {Type::kField, std::string(word.substr(0, colon)), column};
    }
    // Right after a field's colon a word is the field's value, whatever it spells:
    // "title:AND" searches the title for "and", as "title:and" does.
    if (start == field_value_at_) return {Type::kWord, std::string(word), column};
    if (is_proximity_operator(word)) return {Type::kNear, std::string(word), column};
    const std::string lowered = ascii_lowercase(word);
    if (lowered == "and") return {Type::kAnd, std::string(word), column};
    if (lowered == "or") return {Type::kOr, std::string(word), column};
    if (lowered == "xor") return {Type::kXor, std::string(word), column};
    if (lowered == "not") return {Type::kNot, std::string(word), column};
    return {Type::kWord, std::string(word), column};
  }

  std::string_view query_;
  std::size_t pos_ = 0;
  // Where the value of the last field read starts (just after its colon).
  std::size_t field_value_at_ = std::string_view::npos;
};

}  // namespace

bool starts_term(Lexeme::Type type) {
  return type == Type::kWord || type == Type::kPhrase || type == Type::kField ||
         type == Type::kOpen || type == Type::kNot || type == Type::kPlus || type == Type::kMinus;
}

std::vector<Lexeme> lex_query(std::string_view query) { return Lexer(query).run(); }

}  // namespace briefsearch

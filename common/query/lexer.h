// Splits a query string into lexemes for the query parser (internal to the query module).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

struct Lexeme {
  enum class Type {
    kWord,
    kPhrase,
    kField,
    kOpen,
    kClose,
    kAnd,
    kOr,
    kXor,
    kNot,
    kNear,
    kPlus,
    kMinus,
    kEnd
  };
  Type type;
  std::string text;
  std::size_t column;  // 1-based byte offset in the query
};

// True when a lexeme of this type can begin a term (a word, a phrase, a field, '(' or a
// unary operator): what a binary operator needs on its right.
[[nodiscard]] bool starts_term(Lexeme::Type type);

// Throws QueryError for an unterminated phrase.
[[nodiscard]] std::vector<Lexeme> lex_query(std::string_view query);

}  // namespace briefsearch

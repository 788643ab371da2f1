#include <cctype>

#include "common/errors.h"
#include "common/query.h"
#include "common/strings.h"

namespace briefsearch {
namespace {

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
    kPlus,
    kMinus,
    kEnd
  };
  Type type;
  std::string text;
  std::size_t column;  // 1-based byte offset in the query
};

std::string ascii_uppercase(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

bool is_word_boundary(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '"';
}

class Lexer {
 public:
  explicit Lexer(std::string_view query) : query_(query) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> lexemes;
    while (true) {
      while (pos_ < query_.size() && std::isspace(static_cast<unsigned char>(query_[pos_]))) ++pos_;
      if (pos_ >= query_.size()) break;
      const std::size_t column = pos_ + 1;
      const char c = query_[pos_];
      if (c == '(') {
        lexemes.push_back({Lexeme::Type::kOpen, "(", column});
        ++pos_;
      } else if (c == ')') {
        lexemes.push_back({Lexeme::Type::kClose, ")", column});
        ++pos_;
      } else if (c == '"') {
        lexemes.push_back({Lexeme::Type::kPhrase, read_phrase(column), column});
      } else if ((c == '+' || c == '-') && at_term_start(lexemes)) {
        lexemes.push_back(
            {c == '+' ? Lexeme::Type::kPlus : Lexeme::Type::kMinus, std::string(1, c), column});
        ++pos_;
      } else {
        lexemes.push_back(read_word(column));
      }
    }
    lexemes.push_back({Lexeme::Type::kEnd, "", query_.size() + 1});
    demote_stray_lowercase_operators(lexemes);
    return lexemes;
  }

 private:
  // Operators work in any case, but a lowercase "and", "or", "xor" or "not" with no term
  // where the operator needs one is the word itself: "and" alone, "rock and" or "not".
  // Written in capitals, a misplaced operator stays an error.
  static void demote_stray_lowercase_operators(std::vector<Lexeme>& lexemes) {
    using T = Lexeme::Type;
    auto ends_term = [](T type) {
      return type == T::kWord || type == T::kPhrase || type == T::kClose;
    };
    auto starts_term = [](T type) {
      return type == T::kWord || type == T::kPhrase || type == T::kField || type == T::kOpen ||
             type == T::kNot || type == T::kPlus || type == T::kMinus;
    };
    for (std::size_t i = 0; i + 1 < lexemes.size(); ++i) {
      Lexeme& lexeme = lexemes[i];
      const bool is_operator = lexeme.type == T::kAnd || lexeme.type == T::kOr ||
                               lexeme.type == T::kXor || lexeme.type == T::kNot;
      if (!is_operator || lexeme.text == ascii_uppercase(lexeme.text)) continue;
      const bool binary = lexeme.type != T::kNot;
      const bool has_left = i > 0 && ends_term(lexemes[i - 1].type);
      const bool has_right = starts_term(lexemes[i + 1].type);
      if (!has_right || (binary && !has_left)) lexeme.type = T::kWord;
    }
  }

  // '+' and '-' are operators only in front of a term, so "S-400" and "F-16" stay words.
  bool at_term_start(const std::vector<Lexeme>&) const {
    return pos_ + 1 < query_.size() && !std::isspace(static_cast<unsigned char>(query_[pos_ + 1]));
  }

  std::string read_phrase(std::size_t column) {
    const std::size_t close = query_.find('"', pos_ + 1);
    if (close == std::string_view::npos) {
      throw QueryError(error_text(query_, column, "unterminated phrase: missing closing '\"'"));
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
    if (colon != std::string_view::npos && colon > 0 && is_field_name(word.substr(0, colon))) {
      // "title:word" is split into the field and what follows; "title:" may be followed
      // by a phrase or a parenthesised group.
      pos_ = start + colon + 1;
      return {Lexeme::Type::kField, std::string(word.substr(0, colon)), column};
    }
    const std::string upper = ascii_lowercase(word);
    if (upper == "and") return {Lexeme::Type::kAnd, std::string(word), column};
    if (upper == "or") return {Lexeme::Type::kOr, std::string(word), column};
    if (upper == "xor") return {Lexeme::Type::kXor, std::string(word), column};
    if (upper == "not") return {Lexeme::Type::kNot, std::string(word), column};
    return {Lexeme::Type::kWord, std::string(word), column};
  }

  // Letters only, so times ("10:30") and URLs' digits are not taken for fields.
  static bool is_field_name(std::string_view name) {
    for (char c : name) {
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
  }

 public:
  static std::string error_text(std::string_view query, std::size_t column,
                                const std::string& problem) {
    return "query '" + std::string(query) + "': " + problem + " (column " + std::to_string(column) +
           ")";
  }

 private:
  std::string_view query_;
  std::size_t pos_ = 0;
};

class Parser {
 public:
  Parser(std::string_view query, std::vector<Lexeme> lexemes)
      : query_(query), lexemes_(std::move(lexemes)) {}

  QueryNode parse() {
    QueryNode tree = parse_or();
    if (peek().type == Lexeme::Type::kClose) fail(peek(), "unbalanced ')'");
    if (peek().type != Lexeme::Type::kEnd) fail(peek(), "unexpected '" + peek().text + "'");
    return tree;
  }

 private:
  const Lexeme& peek() const { return lexemes_[index_]; }
  const Lexeme& take() { return lexemes_[index_++]; }

  [[noreturn]] void fail(const Lexeme& at, const std::string& problem) const {
    throw QueryError(Lexer::error_text(query_, at.column, problem));
  }

  static QueryNode combine(QueryNode::Kind kind, std::vector<QueryNode> children) {
    if (children.size() == 1) return std::move(children.front());
    QueryNode node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
  }

  QueryNode parse_or() {
    std::vector<QueryNode> children{parse_xor()};
    while (peek().type == Lexeme::Type::kOr) {
      const Lexeme& op = take();
      if (!starts_term(peek().type)) fail(op, "'" + op.text + "' needs a term on both sides");
      children.push_back(parse_xor());
    }
    return combine(QueryNode::Kind::kOr, std::move(children));
  }

  QueryNode parse_xor() {
    std::vector<QueryNode> children{parse_and()};
    while (peek().type == Lexeme::Type::kXor) {
      const Lexeme& op = take();
      if (!starts_term(peek().type)) fail(op, "'" + op.text + "' needs a term on both sides");
      children.push_back(parse_and());
    }
    return combine(QueryNode::Kind::kXor, std::move(children));
  }

  QueryNode parse_and() {
    if (!starts_term(peek().type)) {
      if (peek().type == Lexeme::Type::kEnd) fail(peek(), "empty query");
      fail(peek(), "'" + peek().text + "' needs a term before it");
    }
    std::vector<QueryNode> children{parse_unary()};
    while (true) {
      if (peek().type == Lexeme::Type::kAnd) {
        const Lexeme& op = take();
        if (!starts_term(peek().type)) fail(op, "'" + op.text + "' needs a term on both sides");
      } else if (!starts_term(peek().type)) {
        break;
      }
      children.push_back(parse_unary());
    }
    return combine(QueryNode::Kind::kAnd, std::move(children));
  }

  static bool starts_term(Lexeme::Type type) {
    using T = Lexeme::Type;
    return type == T::kWord || type == T::kPhrase || type == T::kField || type == T::kOpen ||
           type == T::kNot || type == T::kPlus || type == T::kMinus;
  }

  QueryNode parse_unary() {
    const Lexeme& lexeme = peek();
    if (lexeme.type == Lexeme::Type::kNot || lexeme.type == Lexeme::Type::kMinus) {
      take();
      if (!starts_term(peek().type)) fail(lexeme, "'" + lexeme.text + "' needs a term after it");
      QueryNode node;
      node.kind = QueryNode::Kind::kNot;
      node.children.push_back(lexeme.type == Lexeme::Type::kNot ? parse_unary() : parse_primary());
      return node;
    }
    if (lexeme.type == Lexeme::Type::kPlus) {
      take();
      if (!starts_term(peek().type)) fail(lexeme, "'+' needs a term after it");
      return parse_primary();
    }
    return parse_primary();
  }

  QueryNode parse_primary() {
    const Lexeme& lexeme = take();
    switch (lexeme.type) {
      case Lexeme::Type::kWord:
        return leaf(QueryNode::Kind::kWord, lexeme.text, std::nullopt);
      case Lexeme::Type::kPhrase:
        return leaf(QueryNode::Kind::kPhrase, lexeme.text, std::nullopt);
      case Lexeme::Type::kOpen: {
        if (peek().type == Lexeme::Type::kEnd) fail(lexeme, "unbalanced '('");
        if (peek().type == Lexeme::Type::kClose) fail(lexeme, "empty parentheses");
        QueryNode inner = parse_or();
        if (peek().type != Lexeme::Type::kClose) fail(lexeme, "unbalanced '('");
        take();
        return inner;
      }
      case Lexeme::Type::kField:
        return parse_field(lexeme);
      default:
        fail(lexeme, "unexpected '" + lexeme.text + "'");
    }
  }

  QueryNode parse_field(const Lexeme& field_lexeme) {
    const auto field = text_field_named(field_lexeme.text);
    if (!field) fail(field_lexeme, "unknown field '" + field_lexeme.text + ":'");
    const Lexeme& next = peek();
    const bool adjacent = next.column == field_lexeme.column + field_lexeme.text.size() + 1;
    if (!adjacent || (next.type != Lexeme::Type::kWord && next.type != Lexeme::Type::kPhrase &&
                      next.type != Lexeme::Type::kOpen)) {
      fail(field_lexeme, "empty field '" + field_lexeme.text + ":'");
    }
    if (next.type == Lexeme::Type::kOpen) {
      QueryNode group = parse_primary();
      apply_field(group, *field);
      return group;
    }
    take();
    return leaf(
        next.type == Lexeme::Type::kWord ? QueryNode::Kind::kWord : QueryNode::Kind::kPhrase,
        next.text, field);
  }

  static void apply_field(QueryNode& node, const TextField& field) {
    if (node.kind == QueryNode::Kind::kWord || node.kind == QueryNode::Kind::kPhrase) {
      if (!node.field) node.field = field;
      return;
    }
    for (QueryNode& child : node.children) apply_field(child, field);
  }

  static QueryNode leaf(QueryNode::Kind kind, std::string text, std::optional<TextField> field) {
    QueryNode node;
    node.kind = kind;
    node.text = std::move(text);
    node.field = field;
    return node;
  }

  std::string_view query_;
  std::vector<Lexeme> lexemes_;
  std::size_t index_ = 0;
};

}  // namespace

QueryNode parse_query(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    throw QueryError("query of " + std::to_string(query.size()) + " bytes is longer than the " +
                     std::to_string(kMaxQueryBytes) + "-byte limit");
  }
  Lexer lexer(query);
  Parser parser(query, lexer.run());
  return parser.parse();
}

}  // namespace briefsearch

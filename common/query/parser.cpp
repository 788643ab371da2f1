#include <algorithm>
#include <charconv>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/query/dates.h"
#include "common/query/lexer.h"
#include "common/query/query.h"

namespace briefsearch {
namespace {

using Type = Lexeme::Type;
using Kind = QueryNode::Kind;

constexpr Xapian::termcount kMaxNearWindow = 1000;

class Parser {
 public:
  Parser(std::string_view query, std::vector<Lexeme> lexemes, const CalendarDate& today,
         bool any_word, std::size_t max_depth)
      : query_(query),
        lexemes_(std::move(lexemes)),
        today_(today),
        any_word_(any_word),
        max_depth_(max_depth) {}

  QueryNode parse() {
    QueryNode tree = parse_or();
    if (peek().type == Type::kClose) fail(peek(), "unbalanced ')'");
    if (peek().type != Type::kEnd) fail(peek(), "unexpected '" + peek().text + "'");
    return tree;
  }

 private:
  const Lexeme& peek() const { return lexemes_[index_]; }
  const Lexeme& take() { return lexemes_[index_++]; }

  [[noreturn]] void fail(const Lexeme& at, const std::string& problem) const {
    throw QueryError(std::string(query_), at.column, problem);
  }

  void expect_term_after(const Lexeme& op) const {
    if (!starts_term(peek().type)) fail(op, "'" + op.text + "' needs a term on both sides");
  }

  static QueryNode combine(Kind kind, std::vector<QueryNode> children) {
    if (children.size() == 1) return std::move(children.front());
    QueryNode node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
  }

  QueryNode parse_or() {
    std::vector<QueryNode> children{parse_xor()};
    while (peek().type == Type::kOr) {
      expect_term_after(take());
      children.push_back(parse_xor());
    }
    return combine(Kind::kOr, std::move(children));
  }

  QueryNode parse_xor() {
    std::vector<QueryNode> children{parse_and()};
    while (peek().type == Type::kXor) {
      expect_term_after(take());
      children.push_back(parse_and());
    }
    return combine(Kind::kXor, std::move(children));
  }

  QueryNode parse_and() {
    if (!starts_term(peek().type)) {
      if (peek().type == Type::kEnd) fail(peek(), "empty query");
      // Every operator checks for a term after it, and '(' for ')' after it: a ')' here
      // opens the query.
      if (peek().type == Type::kClose) fail(peek(), "unbalanced ')'");
      fail(peek(), "'" + peek().text + "' needs a term before it");
    }
    // Groups of terms joined by an explicit AND; side by side, groups are ANDed too,
    // or ORed with any_word.
    std::vector<std::vector<QueryNode>> groups{{parse_typed_near()}};
    while (true) {
      if (peek().type == Type::kAnd) {
        expect_term_after(take());
        groups.back().push_back(parse_typed_near());
      } else if (starts_term(peek().type)) {
        groups.push_back({parse_typed_near()});
      } else {
        break;
      }
    }
    if (!any_word_) {
      std::vector<QueryNode> children;
      for (auto& group : groups) {
        for (QueryNode& node : group) children.push_back(std::move(node));
      }
      return combine(Kind::kAnd, std::move(children));
    }
    // Negations, filters and dates restrict whatever the mode: they are never alternatives.
    std::vector<QueryNode> alternatives;
    std::vector<QueryNode> restrictions;
    for (auto& group : groups) {
      if (group.size() == 1 && only_restricts(group.front())) {
        restrictions.push_back(std::move(group.front()));
      } else {
        alternatives.push_back(combine(Kind::kAnd, std::move(group)));
      }
    }
    if (alternatives.empty()) return combine(Kind::kAnd, std::move(restrictions));
    std::vector<QueryNode> children{combine(Kind::kOr, std::move(alternatives))};
    if (children.front().kind == Kind::kOr) children.front().side_by_side = true;
    for (QueryNode& restriction : restrictions) children.push_back(std::move(restriction));
    return combine(Kind::kAnd, std::move(children));
  }

  // An operand of AND, with where it was written: from its first lexeme to the spaces
  // before the next.
  QueryNode parse_typed_near() {
    const std::size_t begin = peek().column - 1;
    QueryNode node = parse_near();
    std::size_t end = peek().column - 1;
    while (end > begin && is_ascii_space(query_[end - 1])) --end;
    node.typed_begin = begin;
    node.typed_end = end;
    return node;
  }

  QueryNode parse_near() {
    const Lexeme& first_lexeme = peek();
    QueryNode first = parse_unary();
    if (peek().type != Type::kNear) return first;
    QueryNode near;
    near.kind = Kind::kNear;
    near.column = first_lexeme.column;
    check_near_operand(first, first_lexeme);
    near.children.push_back(std::move(first));
    while (peek().type == Type::kNear) {
      const Lexeme& op = take();
      const bool ordered = op.text.starts_with("ADJ");
      const Xapian::termcount window = near_window(op);
      if (near.children.size() > 1 && (ordered != near.ordered || window != near.window)) {
        fail(op, "mixed NEAR and ADJ windows in one chain; use parentheses");
      }
      near.ordered = ordered;
      near.window = window;
      expect_term_after(op);
      const Lexeme& operand_lexeme = peek();
      QueryNode operand = parse_unary();
      check_near_operand(operand, operand_lexeme);
      const QueryNode& first_operand = near.children.front();
      const bool same_field =
          operand.field.has_value() == first_operand.field.has_value() &&
          (!operand.field || operand.field->prefix == first_operand.field->prefix) &&
          operand.named_section == first_operand.named_section;
      if (!same_field) {
        fail(operand_lexeme, "NEAR and ADJ join words of one field; write title:(a NEAR b)");
      }
      near.children.push_back(std::move(operand));
    }
    return near;
  }

  Xapian::termcount near_window(const Lexeme& op) const {
    const std::size_t slash = op.text.find('/');
    if (slash == std::string::npos) return kDefaultNearWindow;
    Xapian::termcount window = 0;
    const char* begin = op.text.data() + slash + 1;
    const char* end = op.text.data() + op.text.size();
    const auto [stop, error] = std::from_chars(begin, end, window);
    if (error != std::errc() || stop != end || window < 1 || window > kMaxNearWindow) {
      fail(op, "'" + op.text + "' needs a window from 1 to " + std::to_string(kMaxNearWindow));
    }
    return window;
  }

  void check_near_operand(const QueryNode& operand, const Lexeme& at) const {
    if (operand.kind != Kind::kWord && operand.kind != Kind::kPhrase) {
      fail(at, "NEAR and ADJ join words and phrases; put groups and wildcards in their own terms");
    }
  }

  QueryNode parse_unary() {
    const Lexeme& lexeme = peek();
    if (lexeme.type == Type::kNot || lexeme.type == Type::kMinus) {
      take();
      if (!starts_term(peek().type)) fail(lexeme, "'" + lexeme.text + "' needs a term after it");
      QueryNode node;
      node.kind = Kind::kNot;
      node.column = lexeme.column;
      // NOT NOT ... nests as parentheses do, and shares their bound.
      if (lexeme.type == Type::kNot && ++depth_ > max_depth_) {
        fail(lexeme,
             "NOT and parentheses nested more than " + std::to_string(max_depth_) + " deep");
      }
      node.children.push_back(lexeme.type == Type::kNot ? parse_unary() : parse_primary());
      if (lexeme.type == Type::kNot) --depth_;
      return node;
    }
    if (lexeme.type == Type::kPlus) {
      take();
      if (!starts_term(peek().type)) fail(lexeme, "'+' needs a term after it");
    }
    return parse_primary();
  }

  QueryNode parse_primary() {
    const Lexeme& lexeme = take();
    switch (lexeme.type) {
      case Type::kWord:
        return word_leaf(lexeme);
      case Type::kPhrase:
        return leaf(Kind::kPhrase, lexeme);
      case Type::kOpen: {
        if (peek().type == Type::kEnd) fail(lexeme, "unbalanced '('");
        if (peek().type == Type::kClose) fail(lexeme, "empty parentheses");
        // Each level is a few stack frames here and in the builder: bounded, not a crash.
        if (++depth_ > max_depth_) {
          fail(lexeme,
               "NOT and parentheses nested more than " + std::to_string(max_depth_) + " deep");
        }
        QueryNode inner = parse_or();
        if (peek().type != Type::kClose) fail(lexeme, "unbalanced '('");
        take();
        --depth_;
        return inner;
      }
      case Type::kField:
        return parse_field(lexeme);
      default:
        fail(lexeme, "unexpected '" + lexeme.text + "'");
    }
  }

  // Which word a wildcard completes is the analyser's to say (query_builder.cpp).
  QueryNode word_leaf(const Lexeme& lexeme) const {
    const std::size_t star = lexeme.text.find('*');
    if (star == std::string::npos) return leaf(Kind::kWord, lexeme);
    if (star + 1 != lexeme.text.size()) fail(lexeme, "only a trailing '*' is a wildcard");
    if (star == 0) fail(lexeme, "a wildcard needs letters before '*'");
    QueryNode node = leaf(Kind::kWildcard, lexeme);
    node.text.pop_back();
    return node;
  }

  QueryNode parse_field(const Lexeme& field_lexeme) {
    const auto field = query_field_named(field_lexeme.text);
    if (!field) fail_unknown_field(field_lexeme);
    const Lexeme& next = peek();
    const bool adjacent = next.column == field_lexeme.column + field_lexeme.text.size() + 1;
    if (adjacent) check_value_start(field_lexeme, *field);
    if (adjacent && next.type == Type::kOpen && field->kind != QueryField::Kind::kText) {
      fail(field_lexeme, "'" + field_lexeme.text + ":' takes one value; write " +
                             field_lexeme.text + ":a OR " + field_lexeme.text + ":b");
    }
    const bool has_value =
        adjacent && (next.type == Type::kWord || next.type == Type::kPhrase ||
                     (next.type == Type::kOpen && field->kind == QueryField::Kind::kText));
    if (!has_value) fail(field_lexeme, "empty field '" + field_lexeme.text + ":'");
    if (field->kind == QueryField::Kind::kDate) return date_leaf(take());
    if (field->kind == QueryField::Kind::kFilter) {
      const Lexeme& value = take();
      if (value.type == Type::kWord && value.text.ends_with('*')) {
        fail(value, "wildcards do not apply to '" + field_lexeme.text + ":'");
      }
      QueryNode node = leaf(Kind::kFilter, value);
      node.filter = field->filter;
      return node;
    }
    QueryNode node = next.type == Type::kOpen ? parse_primary() : take_text_leaf();
    apply_field(node, *field);
    return node;
  }

  // A value that starts with a sign or another field would otherwise read as an empty
  // field. A sign inside a field is an error rather than a guess: "-" before the field
  // excludes, and a date counts back from today without one.
  void check_value_start(const Lexeme& field_lexeme, const QueryField& field) const {
    const Lexeme& next = peek();
    if (next.type == Type::kField) {
      if (!query_field_named(next.text)) fail_unknown_field(next);
      fail(next, "'" + next.text + ":' cannot be the value of '" + field_lexeme.text +
                     ":'; use one field, or quote the value to search for its words");
    }
    const bool sign = next.type == Type::kPlus || next.type == Type::kMinus;
    const bool lone_sign = next.type == Type::kWord && (next.text == "-" || next.text == "+");
    if (!sign && !lone_sign) return;
    // The lexer splits a sign from what follows it only when something does.
    const Lexeme& after = lexemes_[index_ + 1];
    const bool value_follows = after.type == Type::kWord || after.type == Type::kPhrase;
    const std::string rest = sign && value_follows ? after.text : "";
    if (field.kind == QueryField::Kind::kDate) {
      DateBounds bounds;
      std::string problem = parse_date_bounds(next.text + rest, today_, bounds)
                                .value_or("invalid date '" + next.text + rest + "'");
      if (next.text == "-") problem += "; to exclude dates, put '-' before the field";
      fail(next, problem);
    }
    std::string value = "...";
    if (sign && after.type == Type::kWord) value = after.text;
    if (sign && after.type == Type::kPhrase) value = "\"" + after.text + "\"";
    if (sign && after.type == Type::kOpen) value = "(...)";
    const std::string example = field_lexeme.text + ":" + value;
    if (next.text == "-") {
      fail(next, "a field's value cannot start with '-'; to exclude, put '-' before the field: -" +
                     example);
    }
    fail(next,
         "a field's value cannot start with '+'; put '+' before the field, or leave it out: " +
             example);
  }

  [[noreturn]] void fail_unknown_field(const Lexeme& field_lexeme) const {
    fail(field_lexeme,
         "unknown field '" + field_lexeme.text + ":' (quote the text to search for it as words)");
  }

  QueryNode take_text_leaf() {
    const Lexeme& lexeme = take();
    return lexeme.type == Type::kWord ? word_leaf(lexeme) : leaf(Kind::kPhrase, lexeme);
  }

  QueryNode date_leaf(const Lexeme& value) const {
    DateBounds bounds;
    if (auto problem = parse_date_bounds(value.text, today_, bounds)) fail(value, *problem);
    QueryNode node = leaf(Kind::kDateRange, value);
    node.date_from = bounds.from;
    node.date_to = bounds.to;
    return node;
  }

  // Fields apply to the text leaves of a group; a leaf's own field wins.
  void apply_field(QueryNode& node, const QueryField& field) const {
    const bool text_leaf =
        node.kind == Kind::kWord || node.kind == Kind::kPhrase || node.kind == Kind::kWildcard;
    if (text_leaf) {
      if (!node.field) {
        node.field = field.text;
        node.named_section = field.named_section;
      }
      return;
    }
    for (QueryNode& child : node.children) apply_field(child, field);
  }

  static QueryNode leaf(Kind kind, const Lexeme& lexeme) {
    QueryNode node;
    node.kind = kind;
    node.text = lexeme.text;
    // A phrase's text starts after its opening quote.
    node.column = lexeme.column + (lexeme.type == Type::kPhrase ? 1 : 0);
    return node;
  }

  std::string_view query_;
  std::vector<Lexeme> lexemes_;
  const CalendarDate& today_;
  bool any_word_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::size_t index_ = 0;
};

std::size_t count_leaves(const QueryNode& node) {
  if (node.children.empty()) return 1;
  std::size_t leaves = 0;
  for (const QueryNode& child : node.children) leaves += count_leaves(child);
  return leaves;
}

}  // namespace

QueryNode parse_query(std::string_view query, const CalendarDate& today, const QueryLimits& limits,
                      bool any_word) {
  if (query.size() > limits.max_bytes) {
    throw QueryError(std::string(query), limits.max_bytes + 1,
                     "query of " + std::to_string(query.size()) + " bytes is longer than the " +
                         std::to_string(limits.max_bytes) + "-byte limit");
  }
  QueryNode tree = Parser(query, lex_query(query), today, any_word, limits.max_depth).parse();
  if (const std::size_t leaves = count_leaves(tree); leaves > limits.max_leaves) {
    throw QueryError(std::string(query), 1,
                     "too many terms (" + std::to_string(leaves) + ", limit " +
                         std::to_string(limits.max_leaves) + ")");
  }
  return tree;
}

}  // namespace briefsearch

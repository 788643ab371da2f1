#include <algorithm>

#include "common/query.h"

namespace briefsearch {
namespace {

std::vector<TextField> fields_for(const QueryNode& node) {
  if (node.field) return {*node.field};
  return {kTextFields.begin(), kTextFields.end()};
}

Xapian::Query exact_sequence(const std::vector<Token>& tokens, const TextField& field) {
  std::vector<Xapian::Query> terms;
  for (const Token& token : tokens) terms.emplace_back(std::string(field.prefix) + token.term);
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

// One word: its stem in each field, combined as a synonym so the word scores as one term
// whose frequency spans the fields (a title hit weighs more through the title's wdf).
Xapian::Query word_query(const QueryNode& node, Analyzer& analyzer) {
  const std::vector<Token> tokens = analyzer.analyse(node.text);
  if (tokens.empty()) return {};
  std::vector<Xapian::Query> per_field;
  for (const TextField& field : fields_for(node)) {
    if (tokens.size() == 1) {
      per_field.emplace_back(std::string(kStemmedPrefix) + std::string(field.prefix) +
                             tokens.front().stem);
    } else {
      per_field.push_back(exact_sequence(tokens, field));
    }
  }
  const auto op = tokens.size() == 1 ? Xapian::Query::OP_SYNONYM : Xapian::Query::OP_OR;
  if (per_field.size() == 1) return per_field.front();
  return Xapian::Query(op, per_field.begin(), per_field.end());
}

Xapian::Query phrase_query(const QueryNode& node, Analyzer& analyzer) {
  const std::vector<Token> tokens = analyzer.analyse(node.text);
  if (tokens.empty()) return {};
  std::vector<Xapian::Query> per_field;
  for (const TextField& field : fields_for(node))
    per_field.push_back(exact_sequence(tokens, field));
  if (per_field.size() == 1) return per_field.front();
  return Xapian::Query(Xapian::Query::OP_OR, per_field.begin(), per_field.end());
}

Xapian::Query build(const QueryNode& node, Analyzer& analyzer);

// A plain word that the analyser reads as one stop word: "the", "of", lowercase "us".
bool is_stop_word_only(const QueryNode& node, Analyzer& analyzer) {
  if (node.kind != QueryNode::Kind::kWord) return false;
  const std::vector<Token> tokens = analyzer.analyse(node.text);
  return tokens.size() == 1 && tokens.front().stop_word;
}

// Positive children are ANDed; negated ones are subtracted. A query made only of
// negations subtracts from every document. Stop words are left out unless nothing else
// is asked for ("the" alone still searches for "the").
Xapian::Query and_query(const std::vector<QueryNode>& children, Analyzer& analyzer) {
  std::vector<Xapian::Query> positive;
  std::vector<Xapian::Query> negative;
  const bool has_content_word =
      std::any_of(children.begin(), children.end(), [&](const QueryNode& child) {
        return child.kind != QueryNode::Kind::kNot && !is_stop_word_only(child, analyzer);
      });
  for (const QueryNode& child : children) {
    if (has_content_word && is_stop_word_only(child, analyzer)) continue;
    if (child.kind == QueryNode::Kind::kNot) {
      Xapian::Query excluded = build(child.children.front(), analyzer);
      if (!excluded.empty()) negative.push_back(std::move(excluded));
    } else {
      Xapian::Query included = build(child, analyzer);
      if (!included.empty()) positive.push_back(std::move(included));
    }
  }
  if (positive.empty() && negative.empty()) return {};
  Xapian::Query result =
      positive.empty() ? Xapian::Query::MatchAll
                       : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
  if (negative.empty()) return result;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                       Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
}

Xapian::Query build(const QueryNode& node, Analyzer& analyzer) {
  switch (node.kind) {
    case QueryNode::Kind::kWord:
      return word_query(node, analyzer);
    case QueryNode::Kind::kPhrase:
      return phrase_query(node, analyzer);
    case QueryNode::Kind::kAnd:
      return and_query(node.children, analyzer);
    case QueryNode::Kind::kNot:
      return and_query({node}, analyzer);
    case QueryNode::Kind::kOr:
    case QueryNode::Kind::kXor: {
      std::vector<Xapian::Query> parts;
      for (const QueryNode& child : node.children) {
        Xapian::Query part = build(child, analyzer);
        if (!part.empty()) parts.push_back(std::move(part));
      }
      const auto op =
          node.kind == QueryNode::Kind::kOr ? Xapian::Query::OP_OR : Xapian::Query::OP_XOR;
      return Xapian::Query(op, parts.begin(), parts.end());
    }
  }
  return {};
}

void describe_into(const QueryNode& node, std::string& out) {
  const std::string field = node.field ? std::string(node.field->name) + ":" : "";
  switch (node.kind) {
    case QueryNode::Kind::kWord:
      out += field + node.text;
      return;
    case QueryNode::Kind::kPhrase:
      out += field + "\"" + node.text + "\"";
      return;
    case QueryNode::Kind::kAnd:
      out += "(AND";
      break;
    case QueryNode::Kind::kOr:
      out += "(OR";
      break;
    case QueryNode::Kind::kXor:
      out += "(XOR";
      break;
    case QueryNode::Kind::kNot:
      out += "(NOT";
      break;
  }
  for (const QueryNode& child : node.children) {
    out += ' ';
    describe_into(child, out);
  }
  out += ')';
}

}  // namespace

Xapian::Query build_xapian_query(const QueryNode& tree, Analyzer& analyzer) {
  return build(tree, analyzer);
}

std::string describe(const QueryNode& tree) {
  std::string out;
  describe_into(tree, out);
  return out;
}

}  // namespace briefsearch

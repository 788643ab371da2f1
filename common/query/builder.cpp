#include <algorithm>
#include <map>

#include "common/analysis/edit_distance.h"
#include "common/analysis/filter_values.h"
#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/brief/section_names.h"
#include "common/query/boosts.h"
#include "common/query/build_context.h"
#include "common/query/expansion.h"
#include "common/query/positional.h"
#include "common/query/query.h"
#include "common/query/words.h"

namespace briefsearch {
namespace {

using namespace building;
using Kind = QueryNode::Kind;

// A word naming a country (meaning.country), with the country's boosts. The other names
// are matched through the country's mention term (mentions:), which the indexer writes
// wherever the gazetteer finds any of its names: one posting list instead of a stem or a
// phrase per name and field.
Xapian::Query country_query(Xapian::Query written, const WordMeaning& meaning,
                            BuildContext& context) {
  if (context.negations == 0) {
    // A brief filed under the country the words name ranks above one that only mentions
    // it: the "Sudan: Energy" profile above "South Sudan: Energy" for "sudan energy". The
    // boost is the title boost's, over the briefs the country leads (lead_subject_term):
    // their titles say it, whatever name they use. The country counts as the last word
    // naming it: "north korea" holds two words, and a title that holds both and is filed
    // under North Korea still holds two.
    if (auto boost =
            title_boost({lead_subject_term(meaning.country)},
                        std::max<std::size_t>(context.boosts.plain_words, 1), context.database)) {
      context.boosts.title.push_back(std::move(*boost));
    }
    // And the brief filed under the country before those about it among others.
    if (auto boost = lead_subject_boost(meaning.country, context.database)) {
      context.boosts.uncoordinated.push_back(std::move(*boost));
    }
  }
  const Xapian::Query mentions(filter_term(kMentionsFilter, meaning.country));
  if (written.empty()) return mentions;
  // The word as written scores, so a brief that uses it ranks first; the other names only
  // match (weightless, as mentions: is): scored, a brief that merely says "Moldovan"
  // often outranked the one that says "Moldova" for "moldova finance", and long briefs
  // repeating "Algerian" the short "Algeria: Military" (scripts/bench --relevance,
  // docs/relevance.md). But a brief led by the country that calls it only by other names
  // scores by its lead-mentions term, whose wdf counts every name: "Canada: Carney Leads
  // Liberals", which never says "Canadian", is not left to its other words for "canadian
  // election". Among the boosts (with_boosts: OP_AND_MAYBE), it is looked at only for
  // briefs that match the whole query: as a third branch of the word's OR it doubled the
  // matcher's work for "russia ukraine".
  if (context.negations == 0) {
    context.boosts.uncoordinated.emplace_back(
        Xapian::Query::OP_AND_NOT, Xapian::Query(lead_mentions_term(meaning.country)), written);
  }
  return Xapian::Query(Xapian::Query::OP_OR, written, weightless(mentions));
}

// A word as written, or as what it means (expansion.h): a period its brief's date may be
// in, or a country (country_query). A whole year or month is a synonym of the word, with
// the date boost (boosts.h) for briefs dated then; a day adds no weight, as date: adds
// none.
Xapian::Query with_meaning(Xapian::Query written, const WordMeaning& meaning,
                           BuildContext& context) {
  if (!meaning.country.empty()) return country_query(std::move(written), meaning, context);
  if (meaning.empty()) return written;
  std::vector<Xapian::Query> alternatives;
  if (!meaning.month_name.empty()) {  // "jun 2025": "june" in the text too
    QueryNode full;
    full.kind = Kind::kWord;
    full.text = meaning.month_name;
    const Xapian::Query spelled_out = written_word_query(full, context);
    written = written.empty() ? spelled_out
                              : Xapian::Query(Xapian::Query::OP_SYNONYM, written, spelled_out);
  }
  if (meaning.period) {
    // A whole year or month is a synonym of the word (OP_SYNONYM: one weight from the
    // summed wdfs, the frequency of either): the date counts as one mention, so a brief
    // dated then is not outranked by every brief that merely says the year.
    // And briefs dated then gain date_boost's weight.
    if (const auto names = whole_period_terms(*meaning.period->from, *meaning.period->to)) {
      const Xapian::Query terms(Xapian::Query::OP_OR, names->begin(), names->end());
      written = written.empty() ? terms : Xapian::Query(Xapian::Query::OP_SYNONYM, written, terms);
      if (context.negations == 0) {
        if (auto boost = date_boost(*names, context.database)) {
          context.boosts.uncoordinated.push_back(std::move(*boost));
        }
      }
    } else {
      QueryNode period;
      period.date_from = meaning.period->from;
      period.date_to = meaning.period->to;
      alternatives.push_back(date_query(period));
    }
  }
  if (!written.empty()) alternatives.insert(alternatives.begin(), std::move(written));
  return combined(std::move(alternatives));
}

// A word outside an AND (alone, or an alternative): as written, or as what it means.
Xapian::Query word_query(const QueryNode& node, BuildContext& context) {
  return with_meaning(written_word_query(node, context), meaning_of(node, context.analyser),
                      context);
}

// A month's name beside a year (meaning.beside_year) as the text may write it: the name,
// or its full spelling when it is an abbreviation ("jun"), within kMonthYearDistance
// words of the year.
Xapian::Query month_near_year(const QueryNode& month, const WordMeaning& meaning,
                              BuildContext& context) {
  // "May 12, 2025", "May of 2025"; not "may close in 2025".
  constexpr Xapian::termcount kMonthYearDistance = 2;
  std::vector<Xapian::Query> spellings;
  for (const std::string& spelling : {month.text, meaning.month_name}) {
    if (spelling.empty()) continue;
    QueryNode near;
    near.kind = Kind::kNear;
    near.window = kMonthYearDistance;
    near.children = {month, month};
    near.children[0].text = spelling;
    near.children[1].text = std::to_string(*meaning.beside_year);
    Xapian::Query query = near_query(near, context);
    if (!query.empty()) spellings.push_back(std::move(query));
  }
  return spellings.empty() ? Xapian::Query() : combined(std::move(spellings));
}

// The words of an AND from index on as meaning_at reads them: a word, or words side by side
// that name a country ("north korea"), as written (all of them) or as what they mean.
Xapian::Query words_query(const std::vector<QueryNode>& siblings, std::size_t index,
                          const SiblingMeaning& at, BuildContext& context) {
  std::vector<Xapian::Query> words;
  for (std::size_t i = index; i < index + at.words; ++i) {
    if (at.words > 1 && is_stop_word_only(siblings[i], context.analyser)) continue;
    Xapian::Query word = written_word_query(siblings[i], context);
    if (!word.empty()) words.push_back(std::move(word));
  }
  Xapian::Query written =
      words.empty() ? Xapian::Query() : combined(std::move(words), Xapian::Query::OP_AND);
  if (at.meaning.beside_year) {
    WordMeaning meaning = at.meaning;
    written = month_near_year(siblings[index], meaning, context);
    meaning.month_name.clear();  // spelled out there already
    return with_meaning(std::move(written), meaning, context);
  }
  return with_meaning(std::move(written), at.meaning, context);
}

// The problem with section:VALUE when no brief has that section: sections are whatever
// headings the briefs use, so the database's own are listed, the closest first.
std::string section_problem(std::string_view value, const Xapian::Database& database) {
  constexpr std::size_t kMostListed = 12;
  const std::string prefix(kSectionFilter.prefix);
  const std::u32string wanted = code_points_of(ascii_lowercase(value));
  const std::size_t limit = std::max<std::size_t>(1, wanted.size() / 4);
  std::vector<std::pair<std::size_t, std::string>> held;
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
    std::string name = (*term).substr(prefix.size());
    held.emplace_back(edit_distance(wanted, code_points_of(name), limit), std::move(name));
  }
  std::string problem = "no brief has a section '" + std::string(value) + "'";
  if (held.empty()) return problem;
  std::sort(held.begin(), held.end());
  if (held.front().first <= limit)
    problem += "; did you mean " + held.front().second + "?";
  else
    problem += ".";
  std::sort(held.begin(), held.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  problem += " The briefs' sections are ";
  for (std::size_t i = 0; i < held.size() && i < kMostListed; ++i) {
    problem += (i > 0 ? ", " : "") + held[i].second;
  }
  if (held.size() > kMostListed)
    problem += " and " + std::to_string(held.size() - kMostListed) + " more";
  return problem;
}

// A filter's term. A value that no table knows (filter_value_problem) and no brief holds
// is a mistake to report, not an empty result: "region:mideast", "country:narnia", and a
// section no brief has and no brief is known to use ("section:outlok").
Xapian::Query filter_query(const QueryNode& node, BuildContext& context) {
  const std::string term =
      filter_term(*node.filter, canonical_filter_value(*node.filter, node.text));
  if (!context.database.term_exists(term)) {
    if (auto problem = filter_value_problem(*node.filter, node.text)) context.fail(node, *problem);
    // A section some briefs are known to use ("summary") may simply be absent here.
    if (node.filter->prefix == kSectionFilter.prefix && !section_named_in_query(node.text)) {
      context.fail(node, section_problem(node.text, context.database));
    }
  }
  return weightless(Xapian::Query(term));
}

Xapian::Query build(const QueryNode& node, BuildContext& context);

// Each child once, the first copy kept: "u* u* u*" is "u*", since every copy of a leaf
// would be expanded, read and scored again (256 copies of a wildcard took 5-10 s).
std::vector<const QueryNode*> distinct(std::vector<const QueryNode*> children) {
  std::vector<std::string> seen;
  std::vector<const QueryNode*> kept;
  for (const QueryNode* child : children) {
    std::string key = describe(*child);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    kept.push_back(child);
  }
  return kept;
}

// Positive children are ANDed; negated ones are subtracted. A query made only of
// negations subtracts from every document. Plain words side by side that name a country
// are matched together (words_query).
Xapian::Query and_query(const std::vector<QueryNode>& children, BuildContext& context) {
  std::vector<Xapian::Query> positive;
  std::vector<Xapian::Query> negative;
  std::size_t next = 0;  // children before it were built as part of a country's name
  for (const QueryNode* child : distinct(without_stop_words(children, context.analyser))) {
    const auto index = static_cast<std::size_t>(child - children.data());
    if (index < next) continue;
    Xapian::Query built;
    if (child->kind == Kind::kNot) {
      ++context.negations;
      Xapian::Query excluded = build(child->children.front(), context);
      --context.negations;
      if (!excluded.empty()) negative.push_back(std::move(excluded));
      continue;
    }
    if (child->kind == Kind::kWord) {
      const SiblingMeaning at = meaning_at(children, index, context.analyser);
      built = words_query(children, index, at, context);
      next = index + at.words;
    } else {
      built = build(*child, context);
    }
    if (!built.empty()) positive.push_back(std::move(built));
  }
  if (positive.empty() && negative.empty()) return {};
  Xapian::Query result = positive.empty() ? Xapian::Query::MatchAll
                                          : combined(std::move(positive), Xapian::Query::OP_AND);
  if (negative.empty()) return result;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, result, combined(std::move(negative)));
}

Xapian::Query alternatives_query(const QueryNode& node, BuildContext& context) {
  std::vector<Xapian::Query> parts;
  std::vector<const QueryNode*> children = without_stop_words(node.children, context.analyser);
  // a XOR a matches nothing, so only OR's copies may go.
  if (node.kind == Kind::kOr) children = distinct(std::move(children));
  // The title boosts' word number after each child (a country's subject boost counts as
  // the last word naming it).
  std::map<const QueryNode*, std::size_t> word_numbers;
  for (const QueryNode* child : children) {
    Xapian::Query part = build(*child, context);
    word_numbers[child] = context.boosts.plain_words;
    if (!part.empty()) parts.push_back(std::move(part));
  }
  // Under --any, words side by side that name a country together ("north korea") are
  // alternatives each, and the country's other names one more.
  for (std::size_t index = 0; node.side_by_side && index < node.children.size(); ++index) {
    const std::size_t words = country_name_words(node.children, index, context.analyser);
    if (words < 2) continue;
    const WordMeaning meaning = meaning_of_name(node.children, index, words, context.analyser);
    const auto last = word_numbers.find(&node.children[index + words - 1]);
    const std::size_t counted = context.boosts.plain_words;
    if (last != word_numbers.end()) context.boosts.plain_words = last->second;
    Xapian::Query other_names = with_meaning({}, meaning, context);
    context.boosts.plain_words = counted;
    if (!other_names.empty()) parts.push_back(std::move(other_names));
    index += words - 1;
  }
  if (parts.empty()) return {};
  return combined(std::move(parts),
                  node.kind == Kind::kOr ? Xapian::Query::OP_OR : Xapian::Query::OP_XOR);
}

Xapian::Query build(const QueryNode& node, BuildContext& context) {
  switch (node.kind) {
    case Kind::kWord:
      return word_query(node, context);
    case Kind::kPhrase:
      return phrase_query(node, context);
    case Kind::kWildcard:
      return wildcard_query(node, context);
    case Kind::kNear:
      return near_query(node, context);
    case Kind::kFilter:
      return filter_query(node, context);
    case Kind::kDateRange:
      return date_query(node);
    case Kind::kAnd:
      return and_query(node.children, context);
    case Kind::kNot:
      return and_query({node}, context);
    case Kind::kOr:
    case Kind::kXor:
      return alternatives_query(node, context);
  }
  return {};
}

}  // namespace

std::optional<std::string> query_problem_of(const Xapian::Error& error) {
  // Xapian::Error is not polymorphic; its type name says which error it is.
  const std::string_view type = error.get_type();
  const bool caused_by_query = type == "UnimplementedError" || type == "InvalidArgumentError" ||
                               type == "QueryParserError" || type == "WildcardError";
  if (!caused_by_query) return std::nullopt;
  return "the search engine cannot run this query (" + std::string(type) + ": " + error.get_msg() +
         ")";
}

Xapian::Query build_xapian_query(const QueryNode& tree, std::string_view query,
                                 const Xapian::Database& database, Analyser& analyser,
                                 const QueryLimits& limits) {
  BuildContext context{query, database, analyser, limits};
  try {
    Xapian::Query built = build(tree, context);
    return with_boosts(std::move(built), context.boosts);
  } catch (const Xapian::Error& error) {
    if (auto problem = query_problem_of(error)) {
      throw QueryError(std::string(query), tree.column > 0 ? tree.column : 1, *problem);
    }
    throw;
  }
}

}  // namespace briefsearch

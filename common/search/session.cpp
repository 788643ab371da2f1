#include "common/search/session.h"

#include <utility>
#include <vector>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/store/database.h"
#include "common/store/reopen_retry.h"

namespace briefsearch {

SearchSession::SearchSession(Xapian::Database& database, SessionOptions options)
    : database_(database),
      options_(std::move(options)),
      checked_uuid_(database_.get_uuid()),
      today_(options_.today ? *options_.today : CalendarDate::today()) {}

SearchReport SearchSession::answer(const std::string& query_text, const HitSink& sink) {
  SearchReport report;
  std::size_t passed_on = 0;
  HitSink counted;
  if (sink) {
    counted = [&](const Hit& hit) {
      ++passed_on;
      return sink(hit);
    };
  }
  try {
    // Every read of the query (expanding field words and wildcards, the search, facets,
    // snippets, spelling, relaxation, --like) on one revision, the latest: a writer that
    // overtakes any of them starts the whole answer over.
    reopen_and_retry(
        database_, [&] { report = answer_once(query_text, counted); }, true,
        [&] { return passed_on == 0; });
  } catch (const Xapian::DatabaseError& error) {
    throw DatabaseError("cannot read the database: " + error.get_description());
  }
  return report;
}

SearchReport SearchSession::answer_once(const std::string& query_text, const HitSink& sink) {
  if (std::string uuid = database_.get_uuid(); uuid != checked_uuid_) {
    check_versions_of_parts(database_, options_.database_name);
    checked_uuid_ = std::move(uuid);
  }
  SearchReport report;
  report.query = query_text;
  report.options = options_.search;
  report.options.sort = options_.sort.value_or(SortOrder::kRelevance);
  Xapian::Query query;
  std::optional<QueryNode> tree;
  // A line of white space is an empty line (--batch gives both a result with total 0).
  if (!trim(query_text).empty()) {
    tree = parse_query(query_text, today_, {}, options_.any_word);
    query = build_xapian_query(*tree, query_text, database_, analyser_);
    report.parsed_query = query_text_of(*tree);
    if (options_.search.explain) report.meanings = meaning_notes(*tree, analyser_);
  }
  if (options_.like) {
    // Once per session: naming the brief by a path reads every brief's source, and the
    // brief's words do not depend on the query (--batch asks the same for every line).
    if (!similar_) similar_ = similar_to(database_, *options_.like, analyser_);
    const Xapian::Query& similar = *similar_;
    query = query.empty() ? similar : Xapian::Query(Xapian::Query::OP_FILTER, similar, query);
  }
  report.xapian_query = query.get_description();
  const bool ranked = options_.like || (tree && has_ranking_terms(*tree));
  if (!options_.sort && !ranked) report.options.sort = SortOrder::kNewest;
  const auto highlights = tree ? highlight_terms(*tree, analyser_) : std::vector<HighlightTerm>{};
  try {
    report.results = run_search(database_, query, highlights, report.options, analyser_, sink);
  } catch (const WildcardLimitError& error) {
    const std::size_t column = tree ? first_wildcard_column(*tree) : 1;
    throw QueryError(query_text, column, error.problem());
  } catch (const QueryError& error) {
    throw QueryError(query_text, 1, error.problem());
  }
  if (report.results.total == 0 && tree) {
    report.suggestion = suggestion_for(query_text, *tree);
    if ((options_.relax || options_.diagnose) && !options_.like)
      relax_into(report, query_text, *tree, highlights, sink);
  }
  return report;
}

// The query matched nothing: its relaxed form's briefs, if any, and what relaxing found.
void SearchSession::relax_into(SearchReport& report, const std::string& query_text,
                               const QueryNode& tree, const std::vector<HighlightTerm>& highlights,
                               const HitSink& sink) {
  const std::optional<RequiredParts> parts = required_parts(tree, analyser_);
  if (!parts) return;
  RelaxedSearch relaxed = relax(*parts, query_text, database_, analyser_);
  report.relaxation = std::move(relaxed.relaxation);
  report.relaxation->shown = options_.relax;
  if (relaxed.query.empty() || !options_.relax) return;
  if (report.options.explain) report.xapian_query = relaxed.query.get_description();
  // Each hit says it lacks words, so that a format that writes hits alone can tell.
  HitSink marked;
  if (sink) {
    marked = [&sink](const Hit& hit) {
      Hit relaxed_hit = hit;
      relaxed_hit.relaxed = true;
      return sink(relaxed_hit);
    };
  }
  report.results =
      run_search(database_, relaxed.query, highlights, report.options, analyser_, marked);
  for (Hit& hit : report.results.hits) hit.relaxed = true;
}

// Offered only when the respelled query finds something.
std::optional<std::string> SearchSession::suggestion_for(const std::string& query_text,
                                                         const QueryNode& tree) {
  auto suggested = suggest_spelling(database_, query_text, plain_words(tree), analyser_);
  if (!suggested) return std::nullopt;
  const auto respelled = parse_query(*suggested, today_, {}, options_.any_word);
  SearchOptions count_only;
  count_only.limit = 0;
  const auto found =
      run_search(database_, build_xapian_query(respelled, *suggested, database_, analyser_), {},
                 count_only, analyser_);
  if (found.total == 0) return std::nullopt;
  return suggested;
}

}  // namespace briefsearch

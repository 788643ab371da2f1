// The search session: a query string in, a SearchReport out. Parses the query, builds it,
// runs it, and offers a respelling when nothing matched; what brief-search, the tests and
// the bench call.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/brief/calendar_date.h"
#include "common/query/query.h"
#include "common/search/relaxation.h"
#include "common/search/search.h"

namespace briefsearch {

// One search's answer: what was asked, with which options, and what was found. Plain
// values, so result writers (common/output/output.h) never see Xapian objects.
struct SearchReport {
  std::string query;
  SearchOptions options;
  SearchResults results;
  // A respelling of the query that finds briefs, offered when the query found none.
  std::optional<std::string> suggestion;
  // With SessionOptions::relax (or diagnose), when the query as written matched nothing:
  // what relaxing it found. With relax, results are then the relaxed search's (none when
  // minimum_should_match is 0); with diagnose alone, results stay empty.
  std::optional<Relaxation> relaxation;
  // With --explain: the words that mean more than their letters (meaning_notes).
  std::vector<std::string> meanings;
  // With --explain: the parsed query and the Xapian query it became.
  std::string parsed_query;
  std::string xapian_query;
};

// What stays the same for every query of a session.
struct SessionOptions {
  // Paging, facets, explain and exact totals, for every query. Its sort is not read: see
  // sort.
  SearchOptions search;
  // The order asked for; without one, relevance when the query has words to rank by
  // (has_ranking_terms) or like is set, newest first otherwise.
  std::optional<SortOrder> sort;
  // Words side by side are ORed, not ANDed (parse_query's any_word).
  bool any_word = false;
  // Only briefs similar to the one named so (id, path or FILE#LINE: similar_to); the query, when
  // there is one, filters them.
  std::optional<std::string> like;
  // When a query matches nothing as written, answer with the briefs that match most of
  // its words instead (relax), and say so in SearchReport::relaxation.
  bool relax = false;
  // Without relax: still find out what relaxing would find (SearchReport::relaxation),
  // for a message, but answer with the query as written.
  bool diagnose = false;
  // The day relative dates count from; without one, the machine's today when the session
  // opens.
  std::optional<CalendarDate> today;
  // The database as the user named it (the --db paths), for messages.
  std::string database_name = "the database";
};

class SearchSession {
 public:
  // Keeps a reference to database (which must outlive the session), and reopens it before
  // each answer and whenever a writer overtakes a read (reopen_and_retry).
  SearchSession(Xapian::Database& database, SessionOptions options);

  // Answers one query: an empty one matches nothing unless options.like is set. When
  // nothing matches, report.suggestion is a respelling that does find briefs
  // (suggest_spelling), if there is one. Throws QueryError naming the query (and the
  // column where it can tell) for a malformed query, an unknown --like id or a wildcard
  // over its limit, DatabaseError when the database fails, and DatabaseChangingError when
  // a writer kept overtaking the reads however often they started over (or overtook them
  // after hits went to sink). With a sink, the hits go to it as they are read (run_search)
  // and report.results.hits stays empty. Each answer reads the database's latest revision.
  [[nodiscard]] SearchReport answer(const std::string& query_text, const HitSink& sink = {});

 private:
  // One attempt at answer, on the revision open.
  SearchReport answer_once(const std::string& query_text, const HitSink& sink);
  void relax_into(SearchReport& report, const std::string& query_text, const QueryNode& tree,
                  const std::vector<HighlightTerm>& highlights, const HitSink& sink);
  std::optional<std::string> suggestion_for(const std::string& query_text, const QueryNode& tree);

  Xapian::Database& database_;
  SessionOptions options_;
  // The database's UUID when its versions were last checked (open_for_reading checked them
  // first). Only a new database, such as a --full rebuild swapped in, has a new UUID, and
  // only a new database can have other versions: a writer refuses to add to one of another
  // version. Comparing costs nothing; reading the versions' metadata for every query would
  // cost a round trip per remote shard.
  std::string checked_uuid_;
  // The --like query (similar_to), found on the first answer.
  std::optional<Xapian::Query> similar_;
  CalendarDate today_;
  Analyser analyser_{Analyser::IcuLoading::kWhenNeeded};
};

}  // namespace briefsearch

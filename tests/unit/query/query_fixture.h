// A small real database of briefs, built the way the indexer builds it, for query tests.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/index/documents.h"
#include "common/query/query.h"
#include "common/search/search.h"
#include "tests/support/temporary_folder.h"

namespace briefsearch::testing {

inline const CalendarDate kToday = *CalendarDate::from_parts(2025, 7, 15);

using Ids = std::vector<std::string>;

inline Brief brief(std::string id, std::string title, std::vector<Section> sections) {
  Brief result;
  result.id = std::move(id);
  result.path = result.id;
  result.title = std::move(title);
  result.sections = std::move(sections);
  return result;
}

// A small real database, built the way the indexer builds it: five briefs, and any extra
// ones a test adds.
class QueryFixture {
 public:
  explicit QueryFixture(const std::vector<Brief>& extra = {})
      : database_((folder_ / "db").string(), Xapian::DB_CREATE) {
    Analyser analyser;
    std::vector<Brief> briefs = {
        brief("red-sea", "Red Sea: Houthi Attacks Divert Shipping",
              {{"Description", "Ships rerouted around the Cape of Good Hope."},
               {"Impact", "Insurance costs rose for two-day transits."}}),
        brief("baltic", "Baltic Sea: Cable Damage",
              {{"Description", "A tanker dragged its anchor; sanctions on the shadow fleet."},
               {"Background", "Earlier incidents in Gdańsk."}}),
        brief("turkey", "Turkey: S-400 Dispute With Washington",
              {{"Description", "Ankara bought the S-400 system; US sanctions followed."}}),
        brief("mexico", "Mexico: Tariff Talks",
              {{"Description", "Tariffs on steel. Ships wait at ports."},
               {"Outlook", "Talks resume in July."}}),
        brief("letter", "Letter: Tell Us About Sanctions",
              {{"Description", "Readers wrote to us about sanctions on steel."}}),
    };
    briefs[0].date = CalendarDate::from_parts(2024, 1, 15);
    briefs[0].metadata.region = "Middle East";
    briefs[1].date = CalendarDate::from_parts(2024, 12, 27);
    briefs[2].date = CalendarDate::from_parts(2019, 7, 12);
    briefs[3].date = CalendarDate::from_parts(2025, 7, 1);
    briefs[3].metadata.tags = {"Trade", "steel"};
    briefs[3].metadata.source = "Field Office";
    briefs[3].metadata.classification = "UNCLASSIFIED";
    briefs.insert(briefs.end(), extra.begin(), extra.end());
    for (const Brief& entry : briefs) {
      database_.replace_document("Q" + entry.id, build_document(entry, analyser));
    }
    database_.commit();
  }

  // Matching ids in rank order.
  std::vector<std::string> ranked(const std::string& query, const QueryLimits& limits = {},
                                  bool any_word = false) {
    Analyser analyser;
    const Xapian::Query built = build_xapian_query(parse_query(query, kToday, limits, any_word),
                                                   query, database_, analyser, limits);
    SearchOptions options;
    options.limit = 100;
    std::vector<std::string> found;
    for (const Hit& hit : run_search(database_, built, {}, options, analyser).hits) {
      found.push_back(hit.id);
    }
    return found;
  }

  // Matching ids, sorted.
  std::vector<std::string> ids(const std::string& query, const QueryLimits& limits = {},
                               bool any_word = false) {
    std::vector<std::string> found = ranked(query, limits, any_word);
    std::sort(found.begin(), found.end());
    return found;
  }

  [[nodiscard]] Xapian::WritableDatabase& database() { return database_; }

 private:
  TemporaryFolder folder_;
  Xapian::WritableDatabase database_;
};

}  // namespace briefsearch::testing

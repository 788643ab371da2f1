#include "common/query/title_boost.h"

#include <cmath>
#include <string>

namespace briefsearch {

std::optional<Xapian::Query> title_boost(const std::vector<std::string>& title_forms,
                                         const Xapian::Database& database) {
  Xapian::doccount in_titles = 0;
  for (const std::string& form : title_forms) in_titles += database.get_termfreq(form);
  const Xapian::doccount briefs = database.get_doccount();
  if (in_titles == 0 || in_titles >= briefs) return std::nullopt;
  const double weight = kTitleBoost * std::log(static_cast<double>(briefs) / in_titles);
  const Xapian::Query in_title(Xapian::Query::OP_OR, title_forms.begin(), title_forms.end());
  const Xapian::Query fixed((new Xapian::FixedWeightPostingSource(weight))->release());
  return Xapian::Query(Xapian::Query::OP_FILTER, fixed, in_title);
}

Xapian::Query with_title_boosts(Xapian::Query query, const std::vector<Xapian::Query>& boosts) {
  if (boosts.empty() || query.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
}

}  // namespace briefsearch

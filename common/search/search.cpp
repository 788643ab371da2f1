#include "common/search/search.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "common/analysis/countries.h"
#include "common/base/errors.h"
#include "common/query/query.h"
#include "common/search/brief_reference.h"
#include "common/search/held_hits.h"
#include "common/search/snippets.h"
#include "common/store/reopen_retry.h"
#include "common/store/schema.h"
#include "common/store/stored_brief.h"

namespace briefsearch {
namespace {

// Counts each value of a multi-valued slot (or a prefix of the date slot) over every
// match it is shown.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(Xapian::valueno slot, std::size_t date_prefix)
      : slot_(slot), date_prefix_(date_prefix) {}

  void operator()(const Xapian::Document& document, double) override {
    const std::string value = document.get_value(slot_);
    if (value.empty()) return;
    if (date_prefix_ > 0) {
      ++counts_[value.substr(0, date_prefix_)];
      return;
    }
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find(kFacetValueSeparator, start);
      if (end == std::string::npos) end = value.size();
      if (end > start) ++counts_[value.substr(start, end - start)];
      start = end + 1;
    }
  }

  std::vector<FacetCount> counts() const {
    std::vector<FacetCount> sorted;
    for (const auto& [value, count] : counts_) sorted.push_back({value, count, ""});
    std::sort(sorted.begin(), sorted.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return sorted;
  }

 private:
  Xapian::valueno slot_;
  std::size_t date_prefix_;
  std::unordered_map<std::string, Xapian::doccount> counts_;
};

// "2025" and "2025-07" for the year and month facets.
std::string date_facet_value(const std::string& compact) {
  if (compact.size() == 6) return compact.substr(0, 4) + "-" + compact.substr(4, 2);
  return compact;
}

std::unique_ptr<FacetSpy> spy_for(Facet facet) {
  for (const FacetRow& row : kFacets) {
    if (row.value == facet) return std::make_unique<FacetSpy>(row.slot, row.date_prefix);
  }
  throw std::logic_error("a facet missing from kFacets");
}

Hit make_hit(const Xapian::MSetIterator& it, const Xapian::Enquire& enquire,
             const Xapian::Database& database, const std::vector<HighlightTerm>& highlights,
             const SearchOptions& options, Analyser& analyser) {
  const Xapian::Document document = it.get_document();
  const Brief brief = brief_from_document_data(document.get_data());
  Hit hit;
  hit.rank = it.get_rank() + 1;  // get_rank counts from the first match, offset included
  hit.id = brief.id;
  hit.path = brief.path;
  hit.line = brief.line;
  hit.title = brief.title;
  hit.date = brief.date ? brief.date->iso() : "";
  hit.score = it.get_weight();
  if (options.snippets) {
    Snippet snippet = make_snippet(brief, highlights, analyser);
    hit.snippet = std::move(snippet.text);
    hit.highlights = std::move(snippet.highlights);
  }
  if (options.explain) {
    for (auto term = enquire.get_matching_terms_begin(it);
         term != enquire.get_matching_terms_end(it); ++term) {
      auto in_document = document.termlist_begin();
      in_document.skip_to(*term);
      const Xapian::termcount wdf = in_document != document.termlist_end() && *in_document == *term
                                        ? in_document.get_wdf()
                                        : 0;
      hit.matched_terms.push_back({*term, wdf, database.get_termfreq(*term)});
    }
  }
  return hit;
}

// Ties are ordered by id, never by document number, which depends on how briefs are
// spread over databases (several --db interleave them) and on the order they were added.
void set_order(Xapian::Enquire& enquire, SortOrder sort) {
  if (sort == SortOrder::kRelevance) {
    enquire.set_sort_by_relevance_then_value(kIdSlot, false);
    return;
  }
  // Newest first puts undated briefs last, oldest first puts them first.
  auto* date_then_id = new Xapian::MultiValueKeyMaker;
  date_then_id->add_value(kDateSlot, sort == SortOrder::kNewest);
  date_then_id->add_value(kIdSlot);
  enquire.set_sort_by_key(date_then_id->release(), false);
}

// Facet counts from spies that saw every match, with months written "2025-07".
void collect_facets(const SearchOptions& options,
                    const std::vector<std::unique_ptr<FacetSpy>>& spies, SearchResults& results) {
  for (std::size_t i = 0; i < options.facets.size(); ++i) {
    std::vector<FacetCount> counts = spies[i]->counts();
    if (options.facets[i] == Facet::kMonth) {
      for (FacetCount& count : counts) count.value = date_facet_value(count.value);
    }
    if (options.facets[i] == Facet::kCountry || options.facets[i] == Facet::kMentions) {
      const CountryGazetteer& gazetteer = CountryGazetteer::instance();
      for (FacetCount& count : counts)
        count.name = gazetteer.display_name(count.value).value_or("");
    }
    results.facets[options.facets[i]] = std::move(counts);
  }
}

// The lower bound, not get_matches_estimated: an estimate printed as a count misleads
// (1000 printed where 658 match).
void set_total(const Xapian::MSet& mset, SearchResults& results) {
  results.total = mset.get_matches_lower_bound();
  results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
}

Xapian::doccount as_doccount(std::size_t count) {
  return static_cast<Xapian::doccount>(
      std::min<std::size_t>(count, std::numeric_limits<Xapian::doccount>::max()));
}

// One pass of the search over the database as it is; run_search retries it (HeldHits
// decides whether hits already handed to sink allow that).
SearchResults search_once(Xapian::Database& database, const Xapian::Query& query,
                          const std::vector<HighlightTerm>& highlights,
                          const SearchOptions& options, Analyser& analyser, const HitSink& sink) {
  SearchResults results;
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  if (options.limit > 0) set_order(enquire, options.sort);
  std::vector<std::unique_ptr<FacetSpy>> spies;
  for (Facet facet : options.facets) {
    spies.push_back(spy_for(facet));
    enquire.add_matchspy(spies.back().get());
  }
  // Only the hits shown need weights: a count alone is cheaper without them.
  if (options.limit == 0) {
    enquire.set_weighting_scheme(Xapian::BoolWeight());
  } else {
    enquire.set_weighting_scheme(bm25f_weighting());
  }
  // An exact total and facets need every match seen; otherwise the matcher may stop early
  // and only bounds the total.
  const Xapian::doccount check_at_least = options.exact_total || !options.facets.empty()
                                              ? database.get_doccount()
                                              : kExactCountThreshold;
  std::size_t first = options.offset;
  std::size_t wanted = options.limit;
  std::size_t page = std::min(wanted, kFirstPageHits);
  Xapian::MSet mset = enquire.get_mset(as_doccount(first), as_doccount(page), check_at_least);
  set_total(mset, results);
  collect_facets(options, spies, results);
  enquire.clear_matchspies();  // the counts are taken; later pages need not feed them
  for (;;) {
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit = make_hit(it, enquire, database, highlights, options, analyser);
      if (!sink) {
        results.hits.push_back(std::move(hit));
        continue;
      }
      if (!sink(hit)) return results;
    }
    first += mset.size();
    wanted -= mset.size();
    // A short page is the end of the ranking: every match has been seen and counted.
    if (mset.size() < page) {
      if (mset.size() > 0 || first > options.offset) {
        results.total = std::max(results.total, first);
        results.total_exact = true;
      }
      return results;
    }
    if (wanted == 0) return results;
    page = std::min({wanted, page * 2, kLastPageHits});
    mset = enquire.get_mset(as_doccount(first), as_doccount(page));
  }
}

}  // namespace

std::optional<SortOrder> sort_order_named(std::string_view name) {
  return choice_named(kSortOrders, name);
}

std::optional<Facet> facet_named(std::string_view name) { return choice_named(kFacets, name); }

std::string_view facet_name(Facet facet) { return choice_name(kFacets, facet); }

SearchResults run_search(Xapian::Database& database, const Xapian::Query& query,
                         const std::vector<HighlightTerm>& highlights, const SearchOptions& options,
                         Analyser& analyser, const HitSink& sink) {
  if (query.empty()) return {};
  SearchResults results;
  HeldHits held(sink);
  try {
    reopen_and_retry(
        database,
        [&] {
          held.start_over();
          results = search_once(database, query, highlights, options, analyser, held.sink());
        },
        false, [&] { return held.none_passed_on(); });
  } catch (const Xapian::WildcardError&) {
    throw WildcardLimitError({}, 0,
                             "a wildcard matches too many words; type more letters before '*'");
  } catch (const Xapian::DatabaseError& error) {
    // Not a writer moving on (reopen_and_retry retried those): the database itself failed.
    throw DatabaseError("search failed: " + error.get_description());
  } catch (const Xapian::Error& error) {
    // A query Xapian refuses is the query's fault, never the database's.
    if (auto problem = query_problem_of(error)) throw QueryError(*problem);
    throw DatabaseError("search failed: " + error.get_description());
  }
  held.pass_on_rest();
  return results;
}

std::optional<std::string> suggest_spelling(
    const Xapian::Database& database, const std::string& query_text,
    const std::vector<std::pair<std::size_t, std::string>>& words, Analyser& analyser) {
  std::string suggested = query_text;
  bool changed = false;
  // From the last word back, so earlier columns stay valid as lengths change.
  for (auto word = words.rbegin(); word != words.rend(); ++word) {
    const std::vector<Token> tokens = analyser.analyse(word->second);
    if (tokens.size() != 1 || tokens.front().stop_word) continue;
    // A word the index knows is left as typed.
    const bool known =
        std::any_of(kTextFields.begin(), kTextFields.end(), [&](const TextField& field) {
          return database.term_exists(std::string(field.prefix) + tokens.front().term);
        });
    if (known) continue;
    const std::string correction = database.get_spelling_suggestion(tokens.front().term, 2);
    if (correction.empty() || correction == tokens.front().term) continue;
    const std::vector<Token> corrected = analyser.analyse(correction);
    if (corrected.size() == 1 && corrected.front().stop_word) continue;
    suggested.replace(word->first - 1, word->second.size(), correction);
    changed = true;
  }
  if (!changed) return std::nullopt;
  return suggested;
}

}  // namespace briefsearch

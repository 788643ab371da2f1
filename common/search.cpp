#include "common/search.h"

#include "common/documents.h"
#include "common/errors.h"

namespace briefsearch {
namespace {

constexpr std::size_t kSnippetBytes = 240;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

}  // namespace

std::string lead_snippet(const std::string& text, std::size_t max_bytes) {
  std::string flat;
  flat.reserve(std::min(text.size(), max_bytes + 8));
  for (char c : text) {
    if (c == '\n') {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += c;
    }
    if (flat.size() > max_bytes) break;
  }
  if (flat.size() <= max_bytes) return flat;
  std::size_t cut = flat.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  }
  flat.resize(cut);
  while (!flat.empty() && (flat.back() == ' ' || flat.back() == ',')) flat.pop_back();
  flat += kEllipsis;
  return flat;
}

SearchResults run_search(const Xapian::Database& database, const Xapian::Query& query,
                         const SearchOptions& options) {
  SearchResults results;
  if (query.empty()) return results;
  try {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    const Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                         static_cast<Xapian::doccount>(options.limit), kExactCountThreshold);
    results.total = mset.get_matches_estimated();
    results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Brief brief = brief_from_document_data(it.get_document().get_data());
      Hit hit;
      hit.rank = it.get_rank() + 1;  // get_rank counts from the first match, offset included
      hit.id = brief.id;
      hit.path = brief.path;
      hit.title = brief.title;
      hit.date = brief.date ? brief.date->iso() : "";
      hit.score = it.get_weight();
      if (!brief.sections.empty())
        hit.snippet = lead_snippet(brief.sections.front().text, kSnippetBytes);
      results.hits.push_back(std::move(hit));
    }
  } catch (const Xapian::Error& error) {
    throw DatabaseError("search failed: " + error.get_description());
  } catch (const std::runtime_error& error) {
    throw DatabaseError(std::string("search failed: ") + error.what());
  }
  return results;
}

}  // namespace briefsearch

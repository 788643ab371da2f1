#include "common/index/rebuild_reconcile.h"

#include <unordered_set>

#include "common/base/errors.h"
#include "common/index/documents.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

bool same_versions(const Xapian::Database& live) {
  return live.get_metadata(std::string(kSchemaVersionKey)) == std::to_string(kSchemaVersion) &&
         live.get_metadata(std::string(kAnalyserVersionKey)) == std::to_string(kAnalyserVersion);
}

// The source value of the document holding term, or "" when there is none.
std::string source_value(const Xapian::Database& database, const std::string& term) {
  const auto posting = database.postlist_begin(term);
  if (posting == database.postlist_end(term)) return {};
  return database.get_document(*posting).get_value(kSourceSlot);
}

}  // namespace

void check_rebuild_paths(const std::vector<fs::path>& inputs, const RootTable& roots) {
  for (const fs::path& input : inputs) {
    const fs::path path = resolved_path(input);
    for (const Root& root : roots.roots()) {
      if (root.is_folder && is_inside(path, root.path)) {
        throw UsageError(input.string() + ": lies inside the indexed folder " + root.path.string() +
                         "; --full rebuilds whole folders: name " + root.path.string() +
                         ", or run --full with no path to rebuild everything");
      }
    }
  }
}

std::size_t carry_kept_briefs(const Xapian::Database& live, const StoredFiles& live_files,
                              const InputScan& scan, const std::vector<std::string>& unparsed,
                              Xapian::WritableDatabase& rebuilt,
                              const IssueReporter& report_issue) {
  const std::unordered_set<std::string> failed(unparsed.begin(), unparsed.end());
  const bool compatible = same_versions(live);
  std::size_t carried = 0;
  for (const auto& [path, file] : live_files) {
    // Where the file is now, if its corpus moved: what counts is how it fares there.
    const fs::path source = scan.moved_path(fs::path(path));
    const bool kept = failed.count(source.string()) != 0 || scan.is_unreadable(source);
    if (!kept || file.briefs.empty()) continue;
    if (!compatible) {
      report_issue({path, 0,
                    "its " + std::to_string(file.briefs.size()) +
                        " briefs cannot be kept across a schema upgrade and are dropped; "
                        "make the file readable and run again"},
                   true);
      continue;
    }
    const Root* root = scan.roots.root_for(source);
    for (const auto& [document_id, hash] : file.briefs) {
      const Xapian::Document document = live.get_document(document_id);
      const Brief brief = brief_from_document_data(document.get_data());
      const std::string term = filter_term(kIdFilter, brief.id);
      if (rebuilt.term_exists(term)) continue;  // rebuilt from another file
      // A record whose id was derived from its path and line, and whose line the rebuild
      // wrote under the id derived now (its root was absorbed or moved).
      if (root != nullptr && brief.line > 0 &&
          brief.id.ends_with("#" + std::to_string(brief.line)) &&
          rebuilt.term_exists(
              filter_term(kIdFilter, derived_brief_id(*root, source, brief.line)))) {
        continue;
      }
      rebuilt.replace_document(term, document);
      for (const std::string& word : spelling_words(document)) rebuilt.add_spelling(word);
      ++carried;
    }
  }
  rebuilt.commit();
  return carried;
}

void count_against_live(const Xapian::Database& live, const Xapian::Database& rebuilt,
                        IndexStatistics& statistics) {
  statistics.added = statistics.updated = statistics.unchanged = statistics.deleted = 0;
  const std::string prefix(kIdFilter.prefix);
  for (auto term = rebuilt.allterms_begin(prefix); term != rebuilt.allterms_end(prefix); ++term) {
    const std::string before = source_value(live, *term);
    if (before.empty() && !live.term_exists(*term)) {
      ++statistics.added;
    } else if (before == source_value(rebuilt, *term)) {
      ++statistics.unchanged;
    } else {
      ++statistics.updated;
    }
  }
  for (auto term = live.allterms_begin(prefix); term != live.allterms_end(prefix); ++term) {
    if (!rebuilt.term_exists(*term)) ++statistics.deleted;
  }
}

}  // namespace briefsearch

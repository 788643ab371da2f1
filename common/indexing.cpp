#include "common/indexing.h"

#include <map>
#include <memory>
#include <set>
#include <thread>
#include <unordered_map>

#include "common/analysis.h"
#include "common/documents.h"
#include "common/errors.h"
#include "common/file_state.h"
#include "common/ordered_workers.h"
#include "common/schema.h"
#include "common/strings.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

// What the index holds for one source file.
struct StoredFile {
  FileState state;
  // False when the file's documents disagree (a run was killed between two batches of a
  // large JSON Lines file): the file is then read again.
  bool consistent = true;
  std::vector<Xapian::docid> documents;
};

using StoredFiles = std::map<std::string, StoredFile>;

StoredFiles read_stored_files(const Xapian::Database& database) {
  StoredFiles stored;
  for (auto value = database.valuestream_begin(kFileStateSlot);
       value != database.valuestream_end(kFileStateSlot); ++value) {
    const auto state = decode_file_state(*value);
    if (!state) continue;
    auto [entry, inserted] = stored.try_emplace(state->absolute_path);
    if (inserted) {
      entry->second.state = *state;
    } else if (!(entry->second.state == *state)) {
      entry->second.consistent = false;
    }
    entry->second.documents.push_back(value.get_docid());
  }
  return stored;
}

// A worker's result for one file.
struct PreparedFile {
  enum class Outcome { kUnchanged, kRefreshState, kParsed };
  Outcome outcome = Outcome::kParsed;
  FileState state;
  ParseResult parsed;
  std::vector<Xapian::Document> documents;               // one per parsed brief, in order
  std::vector<std::vector<std::string>> spelling_words;  // one list per document (empty when off)
};

bool same_content_known(const StoredFile* stored, const InputFile& file) {
  return stored != nullptr && stored->consistent && stored->state.size == file.size;
}

PreparedFile prepare_file(const InputFile& file, const StoredFile* stored, bool spelling,
                          Analyzer& analyzer) {
  PreparedFile prepared;
  prepared.state = {file.size, file.modified_ns, 0, file.absolute_path.string()};
  if (same_content_known(stored, file) && stored->state.modified_ns == file.modified_ns) {
    prepared.outcome = PreparedFile::Outcome::kUnchanged;
    return prepared;
  }
  const std::string display_path = file.path.string();
  std::string bytes;
  if (auto failure = read_input_file(file.path, bytes)) {
    prepared.parsed.errors.push_back({display_path, 0, "cannot read: " + *failure});
    return prepared;
  }
  prepared.state.size = bytes.size();
  prepared.state.content_hash = hash_bytes(bytes);
  if (same_content_known(stored, file) &&
      stored->state.content_hash == prepared.state.content_hash) {
    prepared.outcome = PreparedFile::Outcome::kRefreshState;  // touched, not changed
    return prepared;
  }
  prepared.parsed = parse_brief_bytes(bytes, file.format, display_path);
  for (Brief& brief : prepared.parsed.briefs) {
    if (brief.id.empty()) brief.id = derived_brief_id(file, brief.line);
    brief.path = prepared.state.absolute_path;
    Xapian::Document document = build_document(brief, analyzer);
    record_file_state(document, prepared.state);
    prepared.spelling_words.push_back(spelling ? spelling_words(document)
                                               : std::vector<std::string>{});
    prepared.documents.push_back(std::move(document));
  }
  return prepared;
}

// Applies prepared files to the database in transactions of a bounded size.
class BatchWriter {
 public:
  BatchWriter(Xapian::WritableDatabase& database, std::size_t commit_every)
      : database_(database), commit_every_(commit_every) {
    database_.begin_transaction();
  }

  // Spelling words are counted here and written once per word per batch: one
  // add_spelling call per occurrence cost a quarter of the indexing time.
  void count_spelling(const std::vector<std::string>& words) {
    for (const std::string& word : words) ++spelling_[word];
  }

  void counted_change() {
    if (++changes_ < commit_every_) return;
    commit();
    database_.begin_transaction();
    changes_ = 0;
  }

  // Deletes each document at most once: Xapian throws for a missing document, and any
  // exception from a modification discards the whole uncommitted batch.
  bool delete_once(Xapian::docid id) {
    if (!deleted_.insert(id).second) return false;
    database_.delete_document(id);
    counted_change();
    return true;
  }

  void finish() { commit(); }

 private:
  void commit() {
    for (const auto& [word, count] : spelling_) database_.add_spelling(word, count);
    spelling_.clear();
    database_.commit_transaction();
  }

  Xapian::WritableDatabase& database_;
  std::unordered_map<std::string, Xapian::termcount> spelling_;
  std::set<Xapian::docid> deleted_;
  std::size_t commit_every_;
  std::size_t changes_ = 0;
};

void apply_parsed(Xapian::WritableDatabase& database, const StoredFile* stored,
                  PreparedFile& prepared, BatchWriter& batches, IndexStatistics& statistics) {
  // A file that yielded nothing keeps what the index had: a bad edit loses no brief.
  if (prepared.documents.empty()) return;
  std::set<Xapian::docid> kept;
  for (std::size_t i = 0; i < prepared.documents.size(); ++i) {
    const Brief& brief = prepared.parsed.briefs[i];
    const std::string unique_term = filter_term(kIdFilter, brief.id);
    if (database.term_exists(unique_term)) {
      ++statistics.updated;
    } else {
      ++statistics.added;
    }
    batches.count_spelling(prepared.spelling_words[i]);
    kept.insert(database.replace_document(unique_term, prepared.documents[i]));
    batches.counted_change();
  }
  if (stored == nullptr) return;
  for (Xapian::docid old : stored->documents) {
    // A record that left the file, or a brief whose id changed.
    if (kept.count(old) == 0 && batches.delete_once(old)) ++statistics.deleted;
  }
}

void refresh_state(Xapian::WritableDatabase& database, const StoredFile& stored,
                   const FileState& state, BatchWriter& batches) {
  for (Xapian::docid id : stored.documents) {
    Xapian::Document document = database.get_document(id);
    record_file_state(document, state);
    database.replace_document(id, document);
    batches.counted_change();
  }
}

void prune_vanished(const StoredFiles& stored, const InputScan& scan, BatchWriter& batches,
                    IndexStatistics& statistics) {
  std::set<std::string> present;
  for (const InputFile& file : scan.files) present.insert(file.absolute_path.string());
  for (const auto& [path, file] : stored) {
    if (present.count(path) != 0) continue;
    bool named = false;
    for (const fs::path& folder : scan.folders) named = named || is_inside(path, folder);
    if (!named) continue;
    for (Xapian::docid id : file.documents) {
      if (batches.delete_once(id)) ++statistics.deleted;
    }
  }
}

}  // namespace

IndexStatistics index_files(Xapian::WritableDatabase& database, const std::vector<InputFile>& files,
                            const IndexOptions& options, const IssueReporter& report_issue,
                            const FileDoneReporter& file_done, const InputScan* prune_scan) {
  IndexStatistics statistics;
  const std::size_t jobs =
      options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  try {
    const StoredFiles stored = read_stored_files(database);
    auto stored_for = [&](const InputFile& file) -> const StoredFile* {
      const auto found = stored.find(file.absolute_path.string());
      return found == stored.end() ? nullptr : &found->second;
    };
    std::vector<std::unique_ptr<Analyzer>> analyzers;
    for (std::size_t i = 0; i < jobs; ++i) analyzers.push_back(std::make_unique<Analyzer>());

    BatchWriter batches(database, std::max<std::size_t>(1, options.commit_every));
    run_in_order<PreparedFile>(
        files.size(), jobs, jobs * 8,
        [&](std::size_t index, std::size_t worker) {
          const InputFile& file = files[index];
          return prepare_file(file, stored_for(file), options.spelling, *analyzers[worker]);
        },
        [&](std::size_t index, PreparedFile&& prepared) {
          const InputFile& file = files[index];
          const StoredFile* previous = stored_for(file);
          for (const ParseIssue& warning : prepared.parsed.warnings) report_issue(warning, false);
          for (const ParseIssue& error : prepared.parsed.errors) report_issue(error, true);
          statistics.rejected += prepared.parsed.errors.size();
          switch (prepared.outcome) {
            case PreparedFile::Outcome::kUnchanged:
              statistics.unchanged += previous->documents.size();
              break;
            case PreparedFile::Outcome::kRefreshState:
              statistics.unchanged += previous->documents.size();
              refresh_state(database, *previous, prepared.state, batches);
              break;
            case PreparedFile::Outcome::kParsed:
              apply_parsed(database, previous, prepared, batches, statistics);
              break;
          }
          if (file_done) file_done();
          if (options.stop_requested != nullptr && options.stop_requested->load()) {
            statistics.interrupted = true;
            return false;
          }
          return true;
        });
    if (prune_scan != nullptr && options.prune && !statistics.interrupted) {
      prune_vanished(stored, *prune_scan, batches, statistics);
    }
    batches.finish();
  } catch (const Xapian::Error& error) {
    throw DatabaseError(database.get_description() +
                        ": indexing failed: " + error.get_description());
  }
  return statistics;
}

void add_vocabulary_spelling(const Xapian::Database& source, Xapian::WritableDatabase& target) {
  // Xapian holds spelling changes in memory until a commit; committing in steps bounds
  // that for any vocabulary (a million generated briefs' took 43 MB in all).
  constexpr std::size_t kWordsPerCommit = 100000;
  std::size_t pending = 0;
  for (const TextField& field : kTextFields) {
    const std::string prefix(field.prefix);
    for (auto term = source.allterms_begin(prefix); term != source.allterms_end(prefix); ++term) {
      const auto word = spelling_word(*term, field);
      if (!word) continue;
      // A word in several fields gets the sum of its frequencies, as add_spelling adds up.
      target.add_spelling(std::string(*word), term.get_termfreq());
      if (++pending == kWordsPerCommit) {
        target.commit();
        pending = 0;
      }
    }
  }
  target.commit();
}

IndexStatistics index_inputs(Xapian::WritableDatabase& database, const IndexOptions& options,
                             const IssueReporter& report_issue,
                             const ProgressReporter& report_progress) {
  const InputScan scan = scan_inputs(options.inputs);
  std::size_t done = 0;
  const FileDoneReporter file_done = [&] {
    ++done;
    if (report_progress) report_progress(done, scan.files.size());
  };
  IndexStatistics statistics =
      index_files(database, scan.files, options, report_issue, file_done, &scan);
  statistics.skipped = scan.skipped;
  return statistics;
}

}  // namespace briefsearch

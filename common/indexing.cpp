#include "common/indexing.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "common/analysis.h"
#include "common/batch_writer.h"
#include "common/documents.h"
#include "common/errors.h"
#include "common/file_state.h"
#include "common/ordered_workers.h"
#include "common/schema.h"
#include "common/stored_sources.h"
#include "common/strings.h"

namespace briefsearch {
namespace {

namespace fs = std::filesystem;

// One brief of a file being indexed.
struct PreparedBrief {
  Brief brief;
  std::uint64_t hash = 0;  // of brief_document_data
  // Empty when the stored document of this file already has this exact brief.
  std::optional<Xapian::Document> document;
  std::vector<std::string> spelling_words;
};

// A worker's result for one file.
struct PreparedFile {
  enum class Outcome { kUnchanged, kRefreshState, kParsed };
  Outcome outcome = Outcome::kParsed;
  FileState state;
  std::vector<PreparedBrief> briefs;
  std::vector<ParseIssue> errors;
  std::vector<ParseIssue> warnings;
  // Some record could not be read (not merely a duplicate id): what the index holds for
  // the file is then kept, since which records left it cannot be known.
  bool parse_failed = false;
};

std::string describe_source(const std::string& path, std::size_t line) {
  return line > 0 ? path + ":" + std::to_string(line) : path;
}

// Everything a worker needs besides the file.
struct PrepareContext {
  const InputScan& scan;
  bool spelling;
};

void build(PreparedBrief& prepared, const std::string& absolute_path, bool spelling,
           Analyzer& analyzer) {
  Xapian::Document document = build_document(prepared.brief, analyzer);
  record_brief_source(document, {prepared.hash, absolute_path});
  if (spelling) prepared.spelling_words = spelling_words(document);
  prepared.document = std::move(document);
}

// Of several briefs with one id in a file, the first is kept.
void reject_duplicates_within(std::vector<Brief>& briefs, const std::string& display_path,
                              std::vector<ParseIssue>& errors) {
  std::unordered_map<std::string, std::size_t> first_line;
  std::erase_if(briefs, [&](const Brief& brief) {
    const auto [first, inserted] = first_line.try_emplace(brief.id, brief.line);
    if (inserted) return false;
    errors.push_back({display_path, brief.line,
                      "duplicate id '" + brief.id +
                          "': " + describe_source(display_path, first->second) +
                          " has it first; this brief is not indexed"});
    return true;
  });
}

PreparedFile prepare_file(const InputFile& file, const StoredFile* stored, bool force_read,
                          const PrepareContext& context, Analyzer& analyzer) {
  PreparedFile prepared;
  prepared.state = file.stat;
  const std::optional<FileState>& known =
      stored != nullptr && !force_read ? stored->state : std::nullopt;
  if (known && known->same_stat(file.stat)) {
    prepared.outcome = PreparedFile::Outcome::kUnchanged;
    return prepared;
  }
  const std::string display_path = file.path.string();
  std::string bytes;
  if (auto failure = read_input_file(file.absolute_path, bytes)) {
    prepared.errors.push_back({display_path, 0, "cannot read: " + *failure});
    prepared.parse_failed = true;
    return prepared;
  }
  prepared.state.size = bytes.size();
  prepared.state.content_hash = hash_bytes(bytes);
  if (known && known->size == prepared.state.size &&
      known->content_hash == prepared.state.content_hash) {
    prepared.outcome = PreparedFile::Outcome::kRefreshState;  // touched or moved, not changed
    return prepared;
  }
  ParseResult parsed = parse_brief_bytes(bytes, file.format, display_path);
  prepared.errors = std::move(parsed.errors);
  prepared.warnings = std::move(parsed.warnings);
  prepared.parse_failed = !prepared.errors.empty();
  const Root& root = context.scan.root_of(file);
  for (Brief& brief : parsed.briefs) {
    if (brief.id.empty()) brief.id = derived_brief_id(root, file.absolute_path, brief.line);
    brief.path = file.absolute_path.string();
  }
  reject_duplicates_within(parsed.briefs, display_path, prepared.errors);
  for (Brief& brief : parsed.briefs) {
    PreparedBrief& entry = prepared.briefs.emplace_back();
    entry.brief = std::move(brief);
    entry.hash = hash_bytes(brief_document_data(entry.brief));
    const bool unchanged = stored != nullptr && stored->brief_with_hash(entry.hash).has_value();
    if (!unchanged) build(entry, prepared.state.absolute_path, context.spelling, analyzer);
  }
  return prepared;
}

// Applies prepared files to the database, one at a time and in path order.
class FileApplier {
 public:
  FileApplier(Xapian::WritableDatabase& database, const InputScan& scan,
              const std::vector<InputFile>& files, const StoredFiles& stored, BatchWriter& batches,
              const IssueReporter& report_issue, IndexStatistics& statistics)
      : database_(database),
        scan_(scan),
        files_(files),
        stored_(stored),
        batches_(batches),
        report_issue_(report_issue),
        statistics_(statistics) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      position_.emplace(files[i].absolute_path.string(), i);
    }
    for (const InputFile& file : scan.files) present_.insert(file.absolute_path.string());
  }

  // A file processed later in the run whose brief another file took: read it again.
  [[nodiscard]] bool lost_a_brief(const InputFile& file) const {
    return lost_.count(file.absolute_path.string()) != 0;
  }

  void apply(std::size_t index, PreparedFile& prepared) {
    const InputFile& file = files_[index];
    const std::string path = file.absolute_path.string();
    const auto found = stored_.find(path);
    const StoredFile* stored = found == stored_.end() ? nullptr : &found->second;
    for (const ParseIssue& warning : prepared.warnings) report_issue_(warning, false);
    report_errors(prepared.errors);
    switch (prepared.outcome) {
      case PreparedFile::Outcome::kUnchanged:
        statistics_.unchanged += stored->briefs.size();
        return;
      case PreparedFile::Outcome::kRefreshState:
        statistics_.unchanged += stored->briefs.size();
        database_.set_metadata(file_state_key(path), encode_file_state(prepared.state));
        return;
      case PreparedFile::Outcome::kParsed:
        break;
    }
    // A file that yielded nothing keeps what the index had: a bad edit loses no brief.
    if (prepared.briefs.empty()) return;
    bool rejected = !prepared.errors.empty();
    std::set<Xapian::docid> kept;
    for (PreparedBrief& brief : prepared.briefs) {
      if (const auto document = write_brief(index, brief)) {
        kept.insert(*document);
      } else {
        rejected = true;
      }
    }
    if (stored != nullptr && !prepared.parse_failed) {
      for (const auto& [old, hash] : stored->briefs) {
        // A record that left the file, or a brief whose id changed.
        if (kept.count(old) == 0 && still_from(old, path) && batches_.delete_once(old)) {
          ++statistics_.deleted;
        }
      }
    }
    // Stored last, so it commits with the file's last brief; a file with a rejected brief
    // stays unrecorded and is read (and reported) again by every run until it is fixed.
    if (rejected) {
      forget_state(path);
    } else {
      database_.set_metadata(file_state_key(path), encode_file_state(prepared.state));
    }
  }

  // Deletes the briefs of files that are gone from the folders the scan walked, and of
  // roots that moved.
  void prune() {
    for (const auto& [path, file] : stored_) {
      if (present_.count(path) != 0 || !prunable(path)) continue;
      for (const auto& [document, hash] : file.briefs) {
        if (still_from(document, path) && batches_.delete_once(document)) ++statistics_.deleted;
      }
      forget_state(path);
    }
  }

 private:
  void report_errors(const std::vector<ParseIssue>& errors) {
    for (const ParseIssue& error : errors) report_issue_(error, true);
    statistics_.rejected += errors.size();
  }

  // Writes one brief unless another file's brief with the same id comes first; returns
  // its document, or nothing when it was rejected.
  std::optional<Xapian::docid> write_brief(std::size_t index, PreparedBrief& prepared) {
    const InputFile& file = files_[index];
    const std::string path = file.absolute_path.string();
    const std::string unique_term = filter_term(kIdFilter, prepared.brief.id);
    std::optional<Xapian::docid> holder;
    std::optional<BriefSource> holder_source;
    if (auto posting = database_.postlist_begin(unique_term);
        posting != database_.postlist_end(unique_term)) {
      holder = *posting;
      holder_source = stored_source(database_, *holder);
    }
    const bool held_elsewhere = holder_source && holder_source->absolute_path != path;
    // A brief whose file was deleted or moved is simply replaced: this run removes it anyway.
    const bool held_by_gone = held_elsewhere && is_gone(holder_source->absolute_path);
    if (held_by_gone) {
      forget_state(holder_source->absolute_path);
    } else if (held_elsewhere &&
               !resolve_duplicate(index, prepared.brief, *holder, *holder_source)) {
      return std::nullopt;
    }
    if (!held_elsewhere && holder_source && holder_source->brief_hash == prepared.hash) {
      ++statistics_.unchanged;  // the same brief, stored from this file
      return holder;
    }
    if (!prepared.document) {
      // Counted as unchanged by the worker, but its document was since taken over.
      build(prepared, path, true, analyzer());
    }
    if (holder && (!held_elsewhere || held_by_gone)) {
      ++statistics_.updated;
    } else {
      ++statistics_.added;
    }
    batches_.count_spelling(prepared.spelling_words);
    const Xapian::docid written = database_.replace_document(unique_term, *prepared.document);
    batches_.counted_change();
    return written;
  }

  // Another file's brief, from a file that still exists, holds the id: the one whose file
  // comes first in path order keeps it. Returns true when brief (from files_[index])
  // takes it over.
  bool resolve_duplicate(std::size_t index, const Brief& brief, Xapian::docid holder,
                         const BriefSource& holder_source) {
    const InputFile& file = files_[index];
    const std::string display = file.path.string();
    const auto later = position_.find(holder_source.absolute_path);
    const std::string holder_display = later == position_.end()
                                           ? holder_source.absolute_path
                                           : files_[later->second].path.string();
    const std::size_t holder_line =
        brief_from_document_data(database_.get_document(holder).get_data()).line;
    if (holder_source.absolute_path < file.absolute_path.string()) {
      report_errors(
          {{display, brief.line,
            "duplicate id '" + brief.id + "': " + describe_source(holder_display, holder_line) +
                " has it and comes first in path order; this brief is not indexed"}});
      return false;
    }
    // This brief comes first. The holder's file must be read again to say so: by this run
    // when it comes later in it, or else by the next run that covers it.
    lost_.insert(holder_source.absolute_path);
    forget_state(holder_source.absolute_path);
    if (later == position_.end() || later->second < index) {
      report_errors({{holder_display, holder_line,
                      "duplicate id '" + brief.id + "': " + describe_source(display, brief.line) +
                          " has it and comes first in path order; this brief is no longer "
                          "indexed"}});
    }
    return true;
  }

  // True when path is no longer a source: not found by this run where it should have
  // been, or not there at all.
  [[nodiscard]] bool is_gone(const std::string& path) const {
    if (present_.count(path) != 0) return false;
    if (prunable(path)) return true;
    std::error_code error;
    return !fs::exists(fs::symlink_status(path, error));
  }

  [[nodiscard]] bool still_from(Xapian::docid document, const std::string& path) const {
    const auto source = stored_source(database_, document);
    return source && source->absolute_path == path;
  }

  void forget_state(const std::string& path) {
    const std::string key = file_state_key(path);
    if (!database_.get_metadata(key).empty()) database_.set_metadata(key, "");
  }

  [[nodiscard]] bool prunable(const std::string& path) const {
    const fs::path file(path);
    for (const fs::path& folder : scan_.retired) {
      if (is_within(file, folder)) return true;
    }
    for (const fs::path& folder : scan_.unreadable) {
      if (is_within(file, folder)) return false;
    }
    for (const fs::path& folder : scan_.folders) {
      if (is_inside(file, folder)) return true;
    }
    return false;
  }

  Analyzer& analyzer() {
    if (!analyzer_) analyzer_ = std::make_unique<Analyzer>();
    return *analyzer_;
  }

  Xapian::WritableDatabase& database_;
  const InputScan& scan_;
  const std::vector<InputFile>& files_;
  const StoredFiles& stored_;
  BatchWriter& batches_;
  const IssueReporter& report_issue_;
  IndexStatistics& statistics_;
  std::unordered_map<std::string, std::size_t> position_;
  std::unordered_set<std::string> present_;  // every file of the scan
  std::unordered_set<std::string> lost_;
  std::unique_ptr<Analyzer> analyzer_;  // for the rare brief built on this thread
};

bool must_read_again(const InputFile& file, const InputScan& scan) {
  for (const fs::path& folder : scan.rederive) {
    if (is_within(file.absolute_path, folder)) return true;
  }
  return false;
}

}  // namespace

RootTable stored_roots(const Xapian::Database& database) {
  return RootTable::decode(database.get_metadata(std::string(kRootsKey)));
}

void report_scan_issues(const InputScan& scan, const IssueReporter& report_issue,
                        IndexStatistics& statistics) {
  for (const ParseIssue& warning : scan.warnings) report_issue(warning, false);
  for (const ParseIssue& error : scan.errors) report_issue(error, true);
  statistics.unreadable += scan.errors.size();
  statistics.skipped += scan.skipped;
}

IndexStatistics index_files(Xapian::WritableDatabase& database, const InputScan& scan,
                            const std::vector<InputFile>& files, const IndexOptions& options,
                            const IssueReporter& report_issue, const FileDoneReporter& file_done,
                            bool whole_scan) {
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
    const PrepareContext context{scan, options.spelling};

    BatchWriter batches(database, std::max<std::size_t>(1, options.commit_every),
                        options.stop_requested);
    if (whole_scan && scan.roots_changed) {
      database.set_metadata(std::string(kRootsKey), scan.roots.encode());
    }
    FileApplier applier(database, scan, files, stored, batches, report_issue, statistics);
    try {
      run_in_order<PreparedFile>(
          files.size(), jobs, jobs * 8,
          [&](std::size_t index, std::size_t worker) {
            const InputFile& file = files[index];
            return prepare_file(file, stored_for(file), must_read_again(file, scan), context,
                                *analyzers[worker]);
          },
          [&](std::size_t index, PreparedFile&& prepared) {
            const InputFile& file = files[index];
            if (prepared.outcome != PreparedFile::Outcome::kParsed && applier.lost_a_brief(file)) {
              prepared = prepare_file(file, stored_for(file), true, context, *analyzers[0]);
            }
            applier.apply(index, prepared);
            if (file_done) file_done();
            if (options.stop_requested != nullptr && options.stop_requested->load()) {
              statistics.interrupted = true;
              return false;
            }
            return true;
          });
      if (whole_scan && options.prune && !statistics.interrupted) applier.prune();
      batches.finish();
    } catch (const StoppedAtBatch&) {
      statistics.interrupted = true;  // the batch was committed; nothing is pending
    }
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

IndexStatistics forget_paths(Xapian::WritableDatabase& database, const std::vector<fs::path>& paths,
                             std::size_t commit_every) {
  IndexStatistics statistics;
  try {
    RootTable roots = stored_roots(database);
    std::vector<fs::path> resolved;
    for (const fs::path& path : paths) resolved.push_back(resolved_path(path));
    const StoredFiles stored = read_stored_files(database);
    for (std::size_t i = 0; i < paths.size(); ++i) {
      const bool has_root = !RootTable(roots).remove_within(resolved[i]).empty();
      const bool has_files = std::any_of(stored.begin(), stored.end(), [&](const auto& entry) {
        return is_within(fs::path(entry.first), resolved[i]);
      });
      if (!has_root && !has_files) {
        throw UsageError(paths[i].string() + ": the database indexes nothing there");
      }
    }
    BatchWriter batches(database, std::max<std::size_t>(1, commit_every), nullptr);
    for (const fs::path& path : resolved) (void)roots.remove_within(path);
    database.set_metadata(std::string(kRootsKey), roots.encode());
    for (const auto& [path, file] : stored) {
      const fs::path source(path);
      if (std::none_of(resolved.begin(), resolved.end(),
                       [&](const fs::path& forgotten) { return is_within(source, forgotten); })) {
        continue;
      }
      for (const auto& [document, hash] : file.briefs) {
        if (batches.delete_once(document)) ++statistics.deleted;
      }
      if (file.state) database.set_metadata(file_state_key(path), "");
    }
    batches.finish();
  } catch (const Xapian::Error& error) {
    throw DatabaseError(database.get_description() +
                        ": forgetting failed: " + error.get_description());
  }
  return statistics;
}

IndexStatistics index_inputs(Xapian::WritableDatabase& database, const IndexOptions& options,
                             const IssueReporter& report_issue,
                             const ProgressReporter& report_progress) {
  const InputScan scan = scan_inputs(options.inputs, stored_roots(database));
  std::size_t done = 0;
  const FileDoneReporter file_done = [&] {
    ++done;
    if (report_progress) report_progress(done, scan.files.size());
  };
  IndexStatistics scan_statistics;
  report_scan_issues(scan, report_issue, scan_statistics);
  IndexStatistics statistics =
      index_files(database, scan, scan.files, options, report_issue, file_done, true);
  statistics.skipped = scan_statistics.skipped;
  statistics.unreadable = scan_statistics.unreadable;
  return statistics;
}

}  // namespace briefsearch

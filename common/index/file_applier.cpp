#include "common/index/file_applier.h"

#include <algorithm>
#include <set>

#include "common/index/documents.h"
#include "common/store/roots.h"
#include "common/store/schema.h"

namespace briefsearch {

namespace fs = std::filesystem;

FileApplier::FileApplier(Xapian::WritableDatabase& database, const InputScan& scan,
                         const std::vector<InputFile>& files, const StoredFiles& stored,
                         BatchWriter& batches, const IssueReporter& report_issue,
                         IndexStatistics& statistics)
    : database_(database),
      scan_(scan),
      files_(files),
      stored_(stored),
      batches_(batches),
      report_issue_(report_issue),
      statistics_(statistics) {
  // Views into the scan's paths, which outlive the applier: no copy of a million paths.
  for (std::size_t i = 0; i < scan.files.size(); ++i) {
    position_.emplace(scan.files[i].absolute_path.native(), i);
  }
}

bool FileApplier::lost_a_brief(const InputFile& file) const {
  return lost_.count(file.absolute_path.string()) != 0;
}

void FileApplier::apply(std::size_t index, PreparedFile& prepared) {
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
  if (prepared.parse_failed) statistics_.unparsed_files.push_back(path);
  // A file that yielded nothing keeps what the index had: a bad edit loses no brief.
  if (prepared.briefs.empty()) return;
  bool rejected = !prepared.errors.empty();
  std::set<Xapian::docid> kept;
  std::set<std::size_t> derived_lines;  // lines written under an id derived from the path
  for (PreparedBrief& brief : prepared.briefs) {
    if (const auto document = write_brief(index, brief)) {
      kept.insert(*document);
      if (brief.derived_id) derived_lines.insert(brief.brief.line);
    } else {
      rejected = true;
    }
  }
  if (stored != nullptr) {
    for (const auto& [old, hash] : stored->briefs) {
      if (kept.count(old) != 0 || !still_from(old, path)) continue;
      // A record that left the file, or a brief whose id changed. When some record no
      // longer parses, which records left cannot be known: only a brief whose line was
      // written again under a new path-derived id (the root was absorbed or moved) goes.
      if (prepared.parse_failed && !rederived(old, derived_lines)) continue;
      if (batches_.delete_once(old)) ++statistics_.deleted;
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

void FileApplier::prune() {
  const std::unordered_set<std::string> unparsed(statistics_.unparsed_files.begin(),
                                                 statistics_.unparsed_files.end());
  for (const auto& [path, file] : stored_) {
    if (position_.count(path) != 0 || !prunable(path)) continue;
    // A file of a moved corpus that did not come through whole (it no longer parses, or
    // its folder cannot be read) keeps its briefs, as it would have where it was.
    const fs::path now = scan_.moved_path(path);
    if (now != fs::path(path) && (unparsed.count(now.string()) != 0 || scan_.is_unreadable(now))) {
      continue;
    }
    for (const auto& [document, hash] : file.briefs) {
      if (still_from(document, path) && batches_.delete_once(document)) ++statistics_.deleted;
    }
    forget_state(path);
  }
}

void FileApplier::report_errors(const std::vector<ParseIssue>& errors) {
  for (const ParseIssue& error : errors) report_issue_(error, true);
  statistics_.rejected += errors.size();
}

std::optional<Xapian::docid> FileApplier::write_brief(std::size_t index, PreparedBrief& prepared) {
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
  } else if (held_elsewhere && !resolve_duplicate(index, prepared.brief, *holder, *holder_source)) {
    return std::nullopt;
  }
  if (!held_elsewhere && holder_source && holder_source->brief_hash == prepared.hash) {
    ++statistics_.unchanged;  // the same brief, stored from this file
    return holder;
  }
  if (!prepared.document) {
    // Counted as unchanged by the worker, but its document was since taken over.
    build_prepared(prepared, path, true, analyser());
  }
  // The database had a brief of this id: it is replaced, whichever file it came from.
  if (holder) {
    ++statistics_.updated;
  } else {
    ++statistics_.added;
  }
  batches_.count_spelling(prepared.spelling_words);
  const Xapian::docid written = database_.replace_document(unique_term, *prepared.document);
  written_.insert(written);
  batches_.counted_change();
  return written;
}

bool FileApplier::resolve_duplicate(std::size_t index, const Brief& brief, Xapian::docid holder,
                                    const BriefSource& holder_source) {
  const InputFile& file = files_[index];
  const std::string display = file.path.string();
  const auto holder_position = position_.find(holder_source.absolute_path);
  const bool holder_in_scan = holder_position != position_.end();
  const std::string holder_display = holder_in_scan
                                         ? scan_.files[holder_position->second].path.string()
                                         : holder_source.absolute_path;
  // A stored line is only as fresh as the brief: a record that merely moved keeps the
  // line it was written with, so the line is read from the file unless this run wrote it.
  const std::size_t holder_line =
      written_.count(holder) != 0
          ? brief_from_document_data(database_.get_document(holder).get_data()).line
          : line_in_file(holder_source.absolute_path, brief.id);
  if (holder_source.absolute_path < file.absolute_path.string()) {
    report_errors({duplicate_id_issue(display, brief.line, brief.id,
                                      describe_source(holder_display, holder_line), false)});
    return false;
  }
  // This brief comes first. The holder's file must be read again to say so: by this run
  // when it comes later in it, or else by the next run that covers it.
  lost_.insert(holder_source.absolute_path);
  forget_state(holder_source.absolute_path);
  // files_ runs in path order and the holder's path comes after this one: if files_ holds
  // it, its turn is still to come, and it reports the duplicate itself.
  const bool holder_later =
      holder_in_scan && holder_source.absolute_path <= files_.back().absolute_path.native();
  if (!holder_later) {
    report_errors({duplicate_id_issue(holder_display, holder_line, brief.id,
                                      describe_source(display, brief.line), true)});
  }
  return true;
}

std::size_t FileApplier::line_in_file(const std::string& path, const std::string& id) {
  const auto format = input_format_for(path);
  if (format != InputFormat::kJsonLines) return 0;  // one brief per file: no line to name
  auto [lines, inserted] = lines_by_id_.try_emplace(path);
  if (inserted) {
    std::string bytes;
    if (read_input_file(path, bytes)) return 0;
    const Root* root = scan_.roots.root_for(path);
    for (const Brief& brief : parse_brief_bytes(bytes, *format, path).briefs) {
      const std::string brief_id = !brief.id.empty() ? brief.id
                                   : root != nullptr ? derived_brief_id(*root, path, brief.line)
                                                     : std::string();
      lines->second.try_emplace(brief_id, brief.line);
    }
  }
  const auto found = lines->second.find(id);
  return found == lines->second.end() ? 0 : found->second;
}

bool FileApplier::is_gone(const std::string& path) const {
  if (position_.count(path) != 0) return false;
  if (prunable(path)) return true;
  std::error_code error;
  return !fs::exists(fs::symlink_status(path, error));
}

bool FileApplier::still_from(Xapian::docid document, const std::string& path) const {
  const auto source = stored_source(database_, document);
  return source && source->absolute_path == path;
}

void FileApplier::forget_state(const std::string& path) {
  const std::string key = file_state_key(path);
  if (!database_.get_metadata(key).empty()) database_.set_metadata(key, "");
}

bool FileApplier::rederived(Xapian::docid document, const std::set<std::size_t>& lines) const {
  if (lines.empty()) return false;
  const Brief old = brief_from_document_data(database_.get_document(document).get_data());
  return lines.count(old.line) != 0 && old.id.ends_with("#" + std::to_string(old.line));
}

bool FileApplier::prunable(const std::string& path) const {
  const fs::path file(path);
  for (const fs::path& folder : scan_.retired) {
    if (is_within(file, folder)) return true;
  }
  if (scan_.is_unreadable(file)) return false;
  for (const fs::path& folder : scan_.folders) {
    if (is_inside(file, folder)) return true;
  }
  return false;
}

Analyser& FileApplier::analyser() {
  if (!analyser_) analyser_ = std::make_unique<Analyser>();
  return *analyser_;
}

}  // namespace briefsearch

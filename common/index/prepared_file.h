// The worker side of an indexing run: reading, parsing and analysing one file into
// documents, skipping what the database already has.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/analysis/analyser.h"
#include "common/brief/brief.h"
#include "common/index/input_files.h"
#include "common/index/stored_sources.h"
#include "common/parse/parsers.h"
#include "common/store/file_state.h"

namespace briefsearch {

// One brief of a file being indexed.
struct PreparedBrief {
  Brief brief;
  bool derived_id = false;  // the id was derived from the file's path (and line)
  std::uint64_t hash = 0;   // brief_content_hash
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

// Everything a worker needs besides the file.
struct PrepareContext {
  const InputScan& scan;
  bool spelling;
  ParseLimits limits;
};

// "path:line", or "path" when line is 0: how a brief's source is named in messages.
[[nodiscard]] std::string describe_source(const std::string& path, std::size_t line);

// The error for a brief that loses its id to another brief: "duplicate id 'X': SOURCE has
// it and comes first in path order; this brief is not indexed" (is no longer indexed, when
// it was). kept_source is describe_source of the brief that keeps the id.
[[nodiscard]] ParseIssue duplicate_id_issue(const std::string& path, std::size_t line,
                                            const std::string& id, const std::string& kept_source,
                                            bool was_indexed);

// Builds prepared's document (with its source value and, if spelling, its spelling words).
void build_prepared(PreparedBrief& prepared, const std::string& absolute_path, bool spelling,
                    Analyser& analyser);

// Reads file unless its stat matches the stored state (kUnchanged), parses it unless its
// content matches (kRefreshState), rejects a file over its size limit (file_size_limit)
// unread and a record over it unparsed, gives briefs without an id their derived id, rejects
// all but the first brief of each id within the file, and analyses each brief whose
// stored form is not already among stored's briefs. force_read ignores the stored state.
// Never throws for bad input: problems become errors in the result.
[[nodiscard]] PreparedFile prepare_file(const InputFile& file, const StoredFile* stored,
                                        bool force_read, const PrepareContext& context,
                                        Analyser& analyser);

}  // namespace briefsearch

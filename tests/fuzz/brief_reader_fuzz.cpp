// The three brief readers (common/parse/) on any bytes, and the indexer's document
// building on what they read.
#include <algorithm>
#include <exception>
#include <string>

#include "common/analysis/analyser.h"
#include "common/base/string_utils.h"
#include "common/index/documents.h"
#include "common/parse/formats.h"
#include "common/parse/parsers.h"
#include "tests/fuzz/fuzz_targets.h"

namespace briefsearch {
namespace {

const std::string kFixtures = BRIEFSEARCH_SOURCE_DIR "/tests/fixtures";
const std::string kCorpus = BRIEFSEARCH_SOURCE_DIR "/corpus";

// Brief's promise (common/brief/brief.h): every text field is valid UTF-8 with LF line ends.
void check_text(std::string_view field, std::string_view text, std::string_view input) {
  if (!is_valid_utf8(text)) fuzz_invariant_failed(std::string(field) + " is not UTF-8", input);
  if (text.find('\r') != std::string_view::npos) {
    fuzz_invariant_failed(std::string(field) + " holds a CR", input);
  }
}

void check_brief(const Brief& brief, const std::string& path, std::string_view input) {
  if (brief.path != path) fuzz_invariant_failed("brief path is not the display path", input);
  // settle_brief (common/parse/parsers.h) keeps only briefs with a title and some text.
  if (brief.title.empty()) fuzz_invariant_failed("a brief was read with no title", input);
  const bool has_text =
      std::any_of(brief.sections.begin(), brief.sections.end(),
                  [](const Section& section) { return !trim(section.text).empty(); });
  if (!has_text) fuzz_invariant_failed("a brief was read with no text", input);
  check_text("id", brief.id, input);
  check_text("title", brief.title, input);
  for (const Section& section : brief.sections) {
    check_text("section name", section.name, input);
    check_text("section text", section.text, input);
  }
  const BriefMetadata& metadata = brief.metadata;
  for (const std::string* value :
       {&metadata.region, &metadata.source, &metadata.classification, &metadata.language}) {
    check_text("metadata", *value, input);
  }
  for (const auto* values : {&metadata.countries, &metadata.tags}) {
    for (const std::string& value : *values) check_text("metadata list", value, input);
  }
}

void check_issues(const std::vector<ParseIssue>& issues, const std::string& path,
                  std::string_view input) {
  for (const ParseIssue& issue : issues) {
    if (issue.path != path) fuzz_invariant_failed("an issue names another path", input);
    if (issue.message.empty()) fuzz_invariant_failed("an issue without a message", input);
  }
}

// parse_brief_bytes never throws for bad input; every input gives briefs or an error
// naming it; one brief at most for the one-brief formats; what it reads is indexable.
void fuzz_reader(std::string_view input, InputFormat format, const std::string& path) {
  static Analyser analyser;
  try {
    ParseResult result = parse_brief_bytes(input, format, path);
    if (result.briefs.empty() && result.errors.empty()) {
      fuzz_invariant_failed("neither a brief nor an error", input);
    }
    if (format != InputFormat::kJsonLines && result.briefs.size() > 1) {
      fuzz_invariant_failed("more than one brief from a one-brief format", input);
    }
    check_issues(result.errors, path, input);
    check_issues(result.warnings, path, input);
    for (Brief& brief : result.briefs) {
      check_brief(brief, path, input);
      if (brief.id.empty()) brief.id = path;
      const Xapian::Document document = build_document(brief, analyser);
      static_cast<void>(spelling_words(document));
    }
  } catch (const std::exception& error) {
    fuzz_invariant_failed(std::string("threw: ") + error.what(), input);
  }
}

std::vector<std::string> seeds_with_extension(std::string_view extension) {
  // tests/fixtures/queries/ holds query lists, not briefs.
  std::vector<std::string> seeds = files_with_extension(kFixtures, extension, "queries");
  for (std::string& brief : files_with_extension(kCorpus, extension)) {
    seeds.push_back(std::move(brief));
  }
  return seeds;
}

}  // namespace

void fuzz_scraped_text(std::string_view input) {
  fuzz_reader(input, InputFormat::kScrapedText, "fuzz.txt");
}

void fuzz_markdown(std::string_view input) {
  fuzz_reader(input, InputFormat::kMarkdown, "fuzz.md");
}

void fuzz_jsonl(std::string_view input) {
  fuzz_reader(input, InputFormat::kJsonLines, "fuzz.jsonl");
}

std::vector<std::string> scraped_text_seeds() { return seeds_with_extension(".txt"); }

std::vector<std::string> markdown_seeds() { return seeds_with_extension(".md"); }

// Whole exports, and each record alone: short inputs mutate into more shapes per second.
std::vector<std::string> jsonl_seeds() {
  std::vector<std::string> seeds = seeds_with_extension(".jsonl");
  const std::size_t files = seeds.size();
  for (std::size_t i = 0; i < files; ++i) {
    for (const std::string_view line : split_lines(seeds[i])) {
      if (!trim(line).empty()) seeds.emplace_back(line);
    }
  }
  return seeds;
}

}  // namespace briefsearch

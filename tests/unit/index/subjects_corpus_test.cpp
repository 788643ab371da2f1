// The subject rule's stages measured one by one on the sample corpus, through
// build_document as the indexer runs it: what each stage alone would give for every brief,
// against the subjects a reader names (tests/data/subject-countries.tsv). The whole rule
// is measured end to end by scripts/subject-quality; the figures of both are in
// docs/query-language.md.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/base/string_utils.h"
#include "common/index/documents.h"
#include "common/parse/parsers.h"
#include "common/store/schema.h"

using namespace briefsearch;

namespace {

using Codes = std::set<std::string>;

const std::filesystem::path kSource = BRIEFSEARCH_SOURCE_DIR;

std::map<std::string, Codes> reader_subjects() {
  std::ifstream file(kSource / "tests/data/subject-countries.tsv");
  std::map<std::string, Codes> truth;
  for (std::string line; std::getline(file, line);) {
    if (line.empty() || line.starts_with('#')) continue;
    const std::size_t tab = line.find('\t');
    const std::size_t end = line.find('\t', tab + 1);
    std::istringstream codes(line.substr(tab + 1, end - tab - 1));
    Codes& subjects = truth[line.substr(0, tab)];
    for (std::string code; codes >> code;) subjects.insert(code);
  }
  return truth;
}

// Every brief of corpus/, by the id the indexer gives it.
std::map<std::string, Brief> corpus_briefs() {
  std::map<std::string, Brief> briefs;
  const std::filesystem::path corpus = kSource / "corpus";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    const auto format = input_format_for(entry.path());
    if (!entry.is_regular_file() || !format) continue;
    const std::string id =
        "corpus/" + std::filesystem::relative(entry.path(), corpus).generic_string();
    for (Brief& brief : parse_brief_file(entry.path(), *format, id).briefs) {
      const std::string key = brief.id.empty() ? id : brief.id;
      briefs.emplace(key, std::move(brief));
    }
  }
  return briefs;
}

Codes subjects_indexed(const Brief& brief, Analyser& analyser) {
  const std::string joined = build_document(brief, analyser).get_value(kCountryFacetSlot);
  Codes codes;
  for (std::string_view line : split_lines(joined)) codes.insert(std::string(line));
  return codes;
}

struct Figures {
  double precision = 0;
  double recall = 0;
};

// Micro-averaged over (brief, country) pairs, with each brief changed by strip first.
template <typename Strip>
Figures measure(const std::map<std::string, Codes>& truth,
                const std::map<std::string, Brief>& briefs, Strip strip) {
  Analyser analyser;
  std::size_t found = 0;
  std::size_t named = 0;
  std::size_t expected = 0;
  for (const auto& [id, subjects] : truth) {
    INFO(id);
    REQUIRE(briefs.count(id) == 1);
    Brief brief = briefs.at(id);
    strip(brief);
    const Codes indexed = subjects_indexed(brief, analyser);
    for (const std::string& code : indexed) found += subjects.count(code);
    named += indexed.size();
    expected += subjects.size();
  }
  return {named == 0 ? 0 : static_cast<double>(found) / static_cast<double>(named),
          static_cast<double>(found) / static_cast<double>(expected)};
}

}  // namespace

TEST_CASE("each stage of the subject rule, measured on the sample corpus", "[subjects][corpus]") {
  const auto truth = reader_subjects();
  const auto briefs = corpus_briefs();
  REQUIRE(truth.size() == 51);
  REQUIRE(briefs.size() == 51);
  const Figures rule = measure(truth, briefs, [](Brief&) {});
  // Without metadata countries: the title and body stages decide every brief.
  const Figures text = measure(truth, briefs, [](Brief& brief) { brief.metadata.countries = {}; });
  // Without metadata countries and without a country in the title: the body stage alone.
  const Figures body = measure(truth, briefs, [](Brief& brief) {
    brief.metadata.countries = {};
    brief.title = "Brief";
  });
  WARN("subject rule: precision " << rule.precision << ", recall " << rule.recall
                                  << "; title and body stages alone: " << text.precision << ", "
                                  << text.recall << "; body stage alone: " << body.precision << ", "
                                  << body.recall);
  // Floors below the measured figures (docs/query-language.md), so a regression fails.
  CHECK(rule.precision >= 0.9);
  CHECK(rule.recall >= 0.95);
  CHECK(text.precision >= 0.95);
  CHECK(text.recall >= 0.9);
  CHECK(body.precision >= 0.9);
  CHECK(body.recall >= 0.9);
}

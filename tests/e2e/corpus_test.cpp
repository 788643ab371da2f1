#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "common/analysis/analyser.h"
#include "common/brief/section_names.h"
#include "common/index/input_files.h"
#include "common/parse/parsers.h"
#include "tests/e2e/e2e_support.h"

using namespace briefsearch;
using namespace briefsearch::testing;
using nlohmann::json;

namespace {

InputScan corpus_scan() {
  InputScan scan = scan_inputs({kCorpus}, RootTable());
  CHECK(scan.skipped == 0);
  return scan;
}

}  // namespace

TEST_CASE("the sample corpus covers the formats, regions and scripts it promises",
          "[e2e][corpus]") {
  std::map<InputFormat, int> files_by_format;
  std::set<std::string> folders;
  std::string all_text;
  std::size_t briefs = 0;
  for (const InputFile& file : corpus_scan().files) {
    ++files_by_format[file.format];
    folders.insert(file.path.parent_path().filename().string());
    const ParseResult parsed = parse_brief_file(file.path, file.format, file.path.string());
    INFO(file.path);
    CHECK(parsed.errors.empty());
    CHECK(parsed.warnings.empty());
    for (const Brief& brief : parsed.briefs) {
      ++briefs;
      CHECK(brief.date.has_value());
      CHECK(brief.date->year() >= 2022);
      CHECK(brief.date->year() <= 2026);
      for (const Section& section : brief.sections) all_text += section.text + "\n";
      all_text += brief.title + "\n";
    }
  }
  CHECK(files_by_format[InputFormat::kScrapedText] >= 40);
  CHECK(files_by_format[InputFormat::kMarkdown] >= 2);
  CHECK(files_by_format[InputFormat::kJsonLines] >= 1);
  CHECK(briefs >= 45);
  for (const std::string region : {"indo-pacific", "europe", "middle-east", "africa", "americas"}) {
    CHECK(folders.count(region) == 1);
  }
  CHECK_THAT(all_text, Catch::Contains("Zelensky (Володимир Зеленський)"));  // Cyrillic
  CHECK_THAT(all_text, Catch::Contains("习近平"));                           // Chinese
  CHECK_THAT(all_text, Catch::Contains("São Paulo"));                        // diacritics
}

TEST_CASE("every corpus brief is found first by a search for its own title", "[e2e][corpus]") {
  IndexedCorpus corpus;
  const InputScan scan = corpus_scan();
  for (const InputFile& file : scan.files) {
    const ParseResult parsed = parse_brief_file(file.path, file.format, file.path.string());
    for (const Brief& brief : parsed.briefs) {
      INFO(file.path << ": " << brief.title);
      const std::string id =
          brief.id.empty() ? derived_brief_id(scan.root_of(file), file.absolute_path, brief.line)
                           : brief.id;
      std::string phrase = brief.title;
      std::replace(phrase.begin(), phrase.end(), '"', ' ');
      const json output = corpus.search_json({"--limit", "1", "title:\"" + phrase + "\""});
      REQUIRE(output["hits"].size() == 1);
      CHECK(output["hits"][0]["id"] == id);
      CHECK(output["hits"][0]["title"] == brief.title);
      CHECK(output["hits"][0]["date"] == brief.date->iso());
    }
  }
}

TEST_CASE("every word of every corpus brief finds that brief through brief-search",
          "[e2e][corpus]") {
  // corpus/ indexed by brief-index; every word of every brief, as the analyser splits its
  // title and sections and as it is written there, searched by brief-search in one --batch
  // run three ways: as a word, as a one-word phrase and in its own field.
  IndexedCorpus corpus;
  const InputScan scan = corpus_scan();
  Analyser analyser;
  std::map<std::string, std::set<std::string>> briefs_by_query;  // what each must find
  std::size_t words = 0;
  for (const InputFile& file : scan.files) {
    const ParseResult parsed = parse_brief_file(file.path, file.format, file.path.string());
    for (const Brief& brief : parsed.briefs) {
      const std::string id =
          brief.id.empty() ? derived_brief_id(scan.root_of(file), file.absolute_path, brief.line)
                           : brief.id;
      std::set<std::pair<std::string, std::string>> brief_words;  // (field, word)
      auto add_words = [&](const std::string& field, const std::string& text) {
        for (const Token& token : analyser.analyse(text)) {
          brief_words.emplace(field, text.substr(token.begin, token.end - token.begin));
        }
      };
      add_words("title", brief.title);
      // A section is searched by its own name: "description:", "key-judgments:".
      for (const Section& section : brief.sections) {
        add_words(section_query_spelling(section.name), section.text);
      }
      for (const auto& [field, word] : brief_words) {
        for (const std::string& query : {word, "\"" + word + "\"", field + ":" + word}) {
          briefs_by_query[query].insert(id);
        }
      }
      words += brief_words.size();
    }
  }
  CHECK(words > 9000);

  std::string input;
  for (const auto& entry : briefs_by_query) input += entry.first + "\n";
  ProcessOptions options = isolated(corpus.home());
  options.input = input;
  const ProcessResult batch = run_process(
      {kSearchBinary, "--db", corpus.database().string(), "--batch", "-n", "10000"}, options);
  INFO(batch.err);
  REQUIRE((batch.exit_code == 0 || batch.exit_code == 2));  // 2: some query was an error

  // Each query that failed, with the brief it did not find or the error it got.
  std::vector<std::string> failures;
  std::istringstream lines(batch.out);
  std::string line;
  for (const auto& [query, ids] : briefs_by_query) {
    REQUIRE(std::getline(lines, line));
    const json answer = json::parse(line);
    REQUIRE(answer["query"] == query);
    if (answer.contains("error")) {
      failures.push_back(query + ": " + answer["error"].get<std::string>());
      continue;
    }
    REQUIRE(answer["hits"].size() == answer["total"]);  // every hit is listed
    std::set<std::string> found;
    for (const json& hit : answer["hits"]) found.insert(hit["id"].get<std::string>());
    for (const std::string& id : ids) {
      if (found.count(id) == 0) failures.push_back(query + ": not found in " + id);
    }
  }
  CHECK_FALSE(std::getline(lines, line));
  CHECK(failures == std::vector<std::string>{});
}

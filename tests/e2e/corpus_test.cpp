#include <algorithm>
#include <set>

#include "common/analysis/analyser.h"
#include "common/index/documents.h"
#include "common/index/indexing.h"
#include "common/index/input_files.h"
#include "common/parse/parsers.h"
#include "common/query/query.h"
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

TEST_CASE("every word of every corpus brief finds that brief when searched as printed",
          "[e2e][corpus]") {
  TemporaryFolder home;
  Xapian::WritableDatabase writable((home / "db").string(), Xapian::DB_CREATE);
  IndexOptions options;
  options.inputs = {kCorpus};
  const IndexStatistics statistics = index_inputs(
      writable, options, [](const ParseIssue& issue, bool) { FAIL(issue.describe()); });
  REQUIRE(statistics.added >= 45);
  writable.close();
  const Xapian::Database database((home / "db").string());

  Analyzer analyzer;
  std::size_t searched = 0;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    const Xapian::docid docid = *database.postlist_begin(*id);
    const Brief brief = brief_from_document_data(database.get_document(docid).get_data());
    // Each word as it is written, with the field it is in.
    std::set<std::pair<std::string, std::string>> words;
    auto add_words = [&](const std::string& field, const std::string& text) {
      for (const Token& token : analyzer.analyse(text)) {
        words.emplace(field, text.substr(token.begin, token.end - token.begin));
      }
    };
    add_words(std::string(kTitleField.name), brief.title);
    for (const Section& section : brief.sections) {
      // Other sections are searched by their own names ("outlook:", "key-judgments:").
      std::string field(text_field_for_section(section.name).name);
      if (field == kOtherSectionsField.name) {
        field = section.name;
        std::replace(field.begin(), field.end(), ' ', '-');
      }
      add_words(field, section.text);
    }
    Xapian::Enquire enquire(database);
    auto found_in_brief = [&](const std::string& query_text) {
      const Xapian::Query query = build_xapian_query(parse_query(query_text, CalendarDate::today()),
                                                     query_text, database, analyzer);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(*id)));
      return enquire.get_mset(0, 1).size() == 1;
    };
    for (const auto& [field, word] : words) {
      INFO(*id << ": " << field << ": " << word);
      CHECK(found_in_brief("\"" + word + "\""));
      CHECK(found_in_brief(word));
      // A field word is matched through the field's forms of its stem.
      CHECK(found_in_brief(field + ":" + word));
      ++searched;
    }
  }
  CHECK(searched > 9000);
}

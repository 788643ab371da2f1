// Output limits, end to end: jsonl, paths and paths0 write every match (read in pages, so
// past the first page of kFirstPageHits too), text and json a page, and -n always wins.
#include <algorithm>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/generated_corpus.h"
#include "tests/support/text_lines.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

std::size_t exact_count(const GeneratedCorpus& corpus, const std::string& query) {
  const ProcessResult counted = corpus.search({"--format", "count", "--", query});
  INFO(counted.err);
  REQUIRE(counted.exit_code == 0);
  return std::stoul(counted.out);
}

}  // namespace

TEST_CASE("jsonl, paths and paths0 write every match, in rank order, past the first page",
          "[e2e][output][stream]") {
  const GeneratedCorpus& corpus = GeneratedCorpus::instance();
  const std::string query = "government";
  const std::size_t total = exact_count(corpus, query);
  REQUIRE(total > 1000);  // more than one page of the ranking (kFirstPageHits)

  const ProcessResult jsonl = corpus.search({"--format", "jsonl", "--", query});
  REQUIRE(jsonl.exit_code == 0);
  const std::vector<json> hits = json_lines(jsonl.out);
  REQUIRE(hits.size() == total);
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    CHECK(hits[i]["rank"] == i + 1);
    paths.push_back(hits[i]["path"]);
  }
  // The same ranking as one long page: pages join without a gap or a repeat.
  const ProcessResult one_page = corpus.search({"--format", "jsonl", "-n", "10000", "--", query});
  CHECK(one_page.out == jsonl.out);
  std::vector<std::string> unique = paths;
  std::sort(unique.begin(), unique.end());
  CHECK(std::unique(unique.begin(), unique.end()) == unique.end());

  const ProcessResult listed = corpus.search({"--format", "paths", "--", query});
  REQUIRE(listed.exit_code == 0);
  CHECK(split_lines(listed.out, '\n') == paths);
  CHECK(listed.out.ends_with('\n'));
  const ProcessResult listed0 = corpus.search({"--format", "paths0", "--", query});
  REQUIRE(listed0.exit_code == 0);
  CHECK(split_lines(listed0.out, '\0') == paths);
  CHECK(listed0.out.ends_with('\0'));
}

TEST_CASE("an explicit --limit and --offset win over every format's default",
          "[e2e][output][stream]") {
  const GeneratedCorpus& corpus = GeneratedCorpus::instance();
  const std::string query = "government";
  const std::size_t total = exact_count(corpus, query);
  for (const std::string format : {"jsonl", "paths"}) {
    INFO(format);
    CHECK(
        split_lines(corpus.search({"--format", format, "-n", "7", "--", query}).out, '\n').size() ==
        7);
    const ProcessResult tail =
        corpus.search({"--format", format, "--offset", std::to_string(total - 3), "--", query});
    CHECK(tail.exit_code == 0);
    CHECK(split_lines(tail.out, '\n').size() == 3);
    // Past the last match: nothing written, but briefs matched (exit 0, as json's total).
    const ProcessResult past =
        corpus.search({"--format", format, "--offset", std::to_string(total), "--", query});
    CHECK(past.exit_code == 0);
    CHECK(past.out.empty());
    CHECK(corpus.search({"--format", format, "-n", "0", "--", query}).out.empty());
  }
  const std::vector<json> last = json_lines(
      corpus.search({"--format", "jsonl", "--offset", "1000", "-n", "2", "--", query}).out);
  REQUIRE(last.size() == 2);
  CHECK(last[0]["rank"] == 1001);
}

TEST_CASE("text and json show a page unless told otherwise, and say how many match",
          "[e2e][output][stream]") {
  const GeneratedCorpus& corpus = GeneratedCorpus::instance();
  const std::string query = "government";
  const std::size_t total = exact_count(corpus, query);
  const ProcessResult page = corpus.search({"--format", "json", "--", query});
  REQUIRE(page.exit_code == 0);
  const json output = json::parse(page.out);
  CHECK(output["hits"].size() == 10);
  CHECK(output["limit"] == 10);
  CHECK(output["total"] <= total);  // a lower bound at worst, never more
  CHECK(json::parse(corpus.search({"--format", "json", "-n", "25", "--", query}).out)["hits"]
            .size() == 25);
  // Each batch line is json's object: a page too.
  const ProcessResult batch = corpus.search({"--batch"}, query + "\n");
  REQUIRE(batch.exit_code == 0);
  const std::vector<json> lines = json_lines(batch.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["hits"].size() == 10);
  const ProcessResult text = corpus.search({"--", query});
  CHECK(std::count(text.out.begin(), text.out.end(), '\n') < 60);
  CHECK_THAT(text.out, Catch::Contains("showing 1-10"));
}

TEST_CASE("paths of the sample corpus list every match", "[e2e][output][stream]") {
  const IndexedCorpus corpus;
  const ProcessResult counted = corpus.search({"--format", "count", "election"});
  REQUIRE(counted.exit_code == 0);
  const std::size_t total = std::stoul(counted.out);
  REQUIRE(total > 10);  // more than a page of text: 23 when this was written
  const std::vector<json> hits = json_lines(corpus.search({"--format", "jsonl", "election"}).out);
  CHECK(hits.size() == total);
  // paths names each file of a match once, in the order of its best brief, as rg -l does:
  // the JSON Lines file holds several of them.
  std::vector<std::string> files;
  for (const json& hit : hits) {
    const std::string path = hit["path"];
    if (std::find(files.begin(), files.end(), path) == files.end()) files.push_back(path);
  }
  CHECK(files.size() < total);
  CHECK(split_lines(corpus.search({"--format", "paths", "election"}).out, '\n') == files);
  std::vector<std::string> nul_separated =
      split_lines(corpus.search({"--format", "paths0", "election"}).out, '\0');
  CHECK(nul_separated == files);
}

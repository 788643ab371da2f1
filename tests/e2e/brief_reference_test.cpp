// --like names a brief as text output shows it: by id, by path (relative, absolute or
// through a symbolic link, as brief-index records it), or as FILE#LINE for a JSON Lines
// record; a name that fits no brief, or several, is an error (exit 2) that says so.
#include <unistd.h>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

const std::string kBalticId = "corpus/europe/baltic-estlink-2-cable-damage.txt";
const std::string kRecordId = "pipeline-0002";  // line 2 of corpus/pipeline-export.jsonl

// The hits' ids of --like reference, or the failed run.
std::vector<std::string> like_ids(const IndexedCorpus& corpus, const std::string& reference) {
  const ProcessResult result = corpus.search({"--like", reference, "--format", "jsonl", "-n", "5"});
  INFO("--like " << reference << ": " << result.err);
  REQUIRE(result.exit_code == 0);
  std::vector<std::string> ids;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) ids.push_back(json::parse(line)["id"]);
  return ids;
}

}  // namespace

TEST_CASE("similar briefs of an id, a path or FILE#LINE: the same brief, the same answer",
          "[e2e][search][like]") {
  const IndexedCorpus corpus;
  const std::vector<std::string> by_id = like_ids(corpus, kBalticId);
  REQUIRE(by_id.size() == 5);
  const std::filesystem::path file = kCorpus / "europe/baltic-estlink-2-cable-damage.txt";
  CHECK(like_ids(corpus, file.string()) == by_id);
  CHECK(like_ids(corpus, std::filesystem::relative(file).string()) == by_id);
  CHECK(like_ids(corpus,
                 (kCorpus / "europe/../europe/./baltic-estlink-2-cable-damage.txt").string()) ==
        by_id);
  const std::filesystem::path link = corpus.home() / "link.txt";
  std::filesystem::create_symlink(file, link);
  CHECK(like_ids(corpus, link.string()) == by_id);

  const std::vector<std::string> record = like_ids(corpus, kRecordId);
  const std::string export_file = (kCorpus / "pipeline-export.jsonl").string();
  CHECK(like_ids(corpus, export_file + "#2") == record);
  CHECK(like_ids(corpus, std::filesystem::relative(export_file).string() + "#2") == record);
}

TEST_CASE("a brief for --like that cannot be found or chosen is named in the error",
          "[e2e][search][like]") {
  const IndexedCorpus corpus;
  const std::string export_file = (kCorpus / "pipeline-export.jsonl").string();
  const ProcessResult several = corpus.search({"--like", export_file});
  CHECK(several.exit_code == 2);
  CHECK(several.out.empty());
  CHECK_THAT(several.err, Catch::Contains("'" + export_file + "' names 4 briefs"));
  CHECK_THAT(several.err, Catch::Contains("'pipeline-0002' (" + export_file + "#2)"));
  // Past the last record, 0 (lines count from 1), or no number: the lines with briefs.
  const std::string lines = "its briefs are on lines 1, 2, 3, 4 (lines are counted from 1)";
  const ProcessResult no_record = corpus.search({"--like", export_file + "#9"});
  CHECK(no_record.exit_code == 2);
  CHECK(no_record.err ==
        "brief-search: --like: no brief of " + export_file + " is on line 9; " + lines + "\n");
  const ProcessResult zero = corpus.search({"--like", export_file + "#0"});
  CHECK(zero.exit_code == 2);
  CHECK(zero.err ==
        "brief-search: --like: no brief of " + export_file + " is on line 0; " + lines + "\n");
  const std::string relative = std::filesystem::relative(export_file).string();
  for (const std::string suffix : {"x", "-1", "1.5", ""}) {
    const ProcessResult result = corpus.search({"--like", relative + "#" + suffix});
    INFO(suffix);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("--like: '" + relative + "#" + suffix + "': ") &&
                               Catch::EndsWith(lines + "\n"));
  }
  for (const std::string& unknown : std::vector<std::string>{
           "no/such/brief.txt", (kCorpus / "europe").string(), "pipeline-0002#2", "#2"}) {
    const ProcessResult result = corpus.search({"--like", unknown});
    INFO(unknown);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err,
               Catch::Contains("--like: no brief has the id or path '" + unknown + "'"));
  }
}

TEST_CASE("text output shows each hit's id, and FILE#LINE for a JSON Lines record",
          "[e2e][search][like]") {
  const IndexedCorpus corpus;
  const ProcessResult record = corpus.search({"kyivstar"});
  REQUIRE(record.exit_code == 0);
  CHECK_THAT(record.out, Catch::Contains((kCorpus / "pipeline-export.jsonl").string() +
                                         "#2  id pipeline-0002"));
  const ProcessResult file = corpus.search({"-n", "1", "title:estlink"});
  REQUIRE(file.exit_code == 0);
  CHECK_THAT(file.out, Catch::Contains("id " + kBalticId));
  // JSON and JSON Lines give the line beside the path, whatever the record's id.
  for (const std::string format : {"json", "jsonl"}) {
    INFO(format);
    const ProcessResult json_record = corpus.search({"--format", format, "kyivstar"});
    REQUIRE(json_record.exit_code == 0);
    const nlohmann::json hit =
        format == "json"
            ? nlohmann::json::parse(json_record.out)["hits"][0]
            : nlohmann::json::parse(json_record.out.substr(0, json_record.out.find('\n')));
    CHECK(hit["id"] == kRecordId);
    CHECK(hit["path"] == (kCorpus / "pipeline-export.jsonl").string());
    CHECK(hit["line"] == 2);
    const ProcessResult json_file = corpus.search({"--format", format, "-n", "1", "title:estlink"});
    const nlohmann::json file_hit =
        format == "json" ? nlohmann::json::parse(json_file.out)["hits"][0]
                         : nlohmann::json::parse(json_file.out.substr(0, json_file.out.find('\n')));
    CHECK(file_hit["line"].is_null());
  }
}

// What the binaries tell scripts, end to end: counts that are exact or say they are bounds,
// and results that reach their reader or an error that says they did not.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <regex>
#include <set>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/generated_corpus.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

// Every match, listed: the count no estimate can disturb (all counts here are under
// the --limit maximum).
std::vector<json> every_match(const GeneratedCorpus& corpus, const std::string& query) {
  const ProcessResult listed = corpus.search({"--format", "jsonl", "-n", "10000", "--", query});
  INFO(listed.err);
  REQUIRE((listed.exit_code == 0 || listed.exit_code == 1));
  return json_lines(listed.out);
}

// A JSON total is exact ("eq") or a guaranteed lower bound ("gte").
void check_total(const json& output, std::size_t true_count) {
  const std::size_t total = output["total"];
  if (output["total_exact"] == true) {
    CHECK(total == true_count);
    CHECK(output["total_relation"] == "eq");
  } else {
    CHECK(total <= true_count);
    CHECK(output["total_relation"] == "gte");
    CHECK(total >= output["hits"].size());
  }
}

const std::vector<std::string> kCountQueries = {
    "oil OR gas",       "government -europe",  "tanker -russia", "oil NOT gas",
    "election -mexico", "sanctions",           "export*",        "\"prime minister\"",
    "title:military",   "drought OR flooding", "country:ir oil", "date:2025",
    "oil XOR gas",      "nosuchwordanywhere"};

}  // namespace

TEST_CASE("count output is exact, and other totals are exact or say they are bounds",
          "[e2e][output][count]") {
  const GeneratedCorpus& corpus = GeneratedCorpus::instance();
  bool some_bound = false;
  std::string batch_input;
  std::vector<std::size_t> true_counts;
  for (const std::string& query : kCountQueries) {
    INFO("query: " << query);
    const std::vector<json> matches = every_match(corpus, query);
    true_counts.push_back(matches.size());
    batch_input += query + "\n";

    const ProcessResult count = corpus.search({"--format", "count", "--", query});
    CHECK(count.exit_code == (matches.empty() ? 1 : 0));
    CHECK(count.out == std::to_string(matches.size()) + "\n");
    // Paging options do not change what a count counts.
    CHECK(corpus.search({"--format", "count", "-n", "3", "--offset", "7", "--", query}).out ==
          count.out);

    const ProcessResult json_run = corpus.search({"--format", "json", "-n", "5", "--", query});
    REQUIRE((json_run.exit_code == 0 || json_run.exit_code == 1));
    const json output = json::parse(json_run.out);
    check_total(output, matches.size());
    some_bound = some_bound || output["total_exact"] == false;

    const ProcessResult text = corpus.search({"-n", "5", "--", query});
    CHECK_FALSE(std::regex_search(text.out, std::regex(R"(about \d+ briefs?)")));
    if (matches.empty()) continue;
    const std::string total = std::to_string(output["total"].get<std::size_t>());
    const std::string expected_line = output["total_exact"] == true
                                          ? "\n" + total + " briefs, showing 1-5\n"
                                          : "\nat least " + total + " briefs, showing 1-5\n";
    CHECK_THAT(text.out, Catch::Contains(expected_line));
  }
  // The corpus is large enough that some total is a bound, or the test proves little.
  CHECK(some_bound);

  // --batch objects follow the same rule, line by line.
  const ProcessResult batch = corpus.search({"--batch", "-n", "2"}, batch_input);
  CHECK(batch.exit_code == 0);
  const std::vector<json> lines = json_lines(batch.out);
  REQUIRE(lines.size() == kCountQueries.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("batch line " << i + 1 << ": " << kCountQueries[i]);
    CHECK(lines[i]["query"] == kCountQueries[i]);
    check_total(lines[i], true_counts[i]);
  }
}

TEST_CASE("facet counts and the total beside them are exact", "[e2e][output][count]") {
  const GeneratedCorpus& corpus = GeneratedCorpus::instance();
  for (const std::string query : {"oil OR gas", "tanker -russia", "election -mexico"}) {
    INFO("query: " << query);
    const std::vector<json> matches = every_match(corpus, query);
    std::map<std::string, std::size_t> years;
    for (const json& hit : matches) {
      if (!hit["date"].is_null()) ++years[hit["date"].get<std::string>().substr(0, 4)];
    }
    for (const std::string limit : {"0", "3"}) {
      const ProcessResult run =
          corpus.search({"--format", "json", "-n", limit, "--facet", "year", "--", query});
      REQUIRE(run.exit_code == 0);
      const json output = json::parse(run.out);
      CHECK(output["total"] == matches.size());
      CHECK(output["total_exact"] == true);
      CHECK(output["total_relation"] == "eq");
      std::map<std::string, std::size_t> faceted;
      for (const json& value : output["facets"]["year"]) faceted[value["value"]] = value["count"];
      CHECK(faceted == years);
    }
  }
}

namespace {

// Runs a program whose stdout is a pipe (a FIFO) that the test reads up to the first
// newline, or not at all, and then closes while the program may still be writing.
ProcessResult run_until_reader_leaves(const std::vector<std::string>& arguments,
                                      ProcessOptions options, bool read_first_line,
                                      std::string& first_line) {
  const TemporaryFolder folder;
  const std::filesystem::path fifo = folder / "stdout";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  options.stdout_path = fifo;
  RunningProcess process(arguments, options);
  const int reader = ::open(fifo.c_str(), O_RDONLY);  // returns once the child has opened it
  REQUIRE(reader >= 0);
  char c = 0;
  while (read_first_line && ::read(reader, &c, 1) == 1 && c != '\n') first_line += c;
  ::close(reader);
  return process.wait();
}

}  // namespace

TEST_CASE("a failed write of results is an error with exit code 74", "[e2e][output][write]") {
  if (!std::filesystem::exists("/dev/full")) return;  // nothing to write to that fails
  const IndexedCorpus corpus;
  const std::string db = corpus.database().string();
  struct Run {
    std::vector<std::string> arguments;
    std::string input;
  };
  std::vector<Run> runs;
  for (const std::string format : {"text", "json", "jsonl", "paths", "paths0", "count"}) {
    runs.push_back({{kSearchBinary, "--db", db, "--format", format, "sanctions"}, ""});
  }
  // No match: the JSON is still written, so the failure still counts (not exit 1).
  runs.push_back({{kSearchBinary, "--db", db, "--format", "json", "xqzvnothing"}, ""});
  // The batch stops at its first line: a later malformed line would make it exit 2.
  runs.push_back({{kSearchBinary, "--db", db, "--batch"}, "sanctions\nhouthi)\n"});
  for (const std::string& binary : {kSearchBinary, kIndexBinary}) {
    runs.push_back({{binary, "--help"}, ""});
    runs.push_back({{binary, "--version"}, ""});
  }
  runs.push_back({{kIndexBinary, "--json", "--db", db, kCorpus.string()}, ""});

  ProcessOptions options = isolated(corpus.home());
  options.stdout_path = "/dev/full";
  for (const Run& run : runs) {
    std::string command;
    for (const std::string& argument : run.arguments) command += argument + " ";
    INFO(command);
    options.input = run.input;
    const ProcessResult result = run_process(run.arguments, options);
    CHECK(result.exit_code == 74);
    const std::string program = std::filesystem::path(run.arguments[0]).filename().string();
    CHECK_THAT(result.err,
               Catch::Contains(program + ": cannot write results: No space left on device\n"));
  }
}

TEST_CASE("a closed stdout is a failed write, and no database file takes its place",
          "[e2e][output][write]") {
  const IndexedCorpus corpus;
  const std::string db = corpus.database().string();
  const std::string rebuilt = (corpus.home() / "rebuilt").string();
  // The shell closes descriptor 1, then runs the program.
  const std::string closing = "exec \"$0\" \"$@\" >&-";
  for (const std::vector<std::string>& arguments : std::vector<std::vector<std::string>>{
           {kSearchBinary, "--db", db, "--format", "json", "sanctions"},
           {kSearchBinary, "--db", db, "--batch"},
           {kIndexBinary, "--json", "--db", db, kCorpus.string()},
           {kIndexBinary, "--full", "--json", "--db", rebuilt, kCorpus.string()}}) {
    INFO(arguments[0] << " " << arguments[1] << " " << arguments[2] << " " << arguments[3]);
    std::vector<std::string> command = {"/bin/sh", "-c", closing};
    command.insert(command.end(), arguments.begin(), arguments.end());
    ProcessOptions options = isolated(corpus.home());
    options.input = "sanctions\n";
    const ProcessResult result = run_process(command, options);
    CHECK(result.exit_code == 74);
    CHECK_THAT(result.err, Catch::Contains("cannot write results: Bad file descriptor"));
  }
  // Both databases are whole: the summaries went nowhere near their files.
  for (const std::string& database : {db, rebuilt}) {
    const ProcessResult count =
        brief_search(corpus.home(), {"--db", database, "--format", "count", "sanctions"});
    INFO(count.err);
    CHECK(count.exit_code == 0);
  }
}

TEST_CASE("a closed pipe ends the run at once and quietly, whatever SIGPIPE is",
          "[e2e][output][write]") {
  const IndexedCorpus corpus;
  const std::string db = corpus.database().string();
  std::string many_queries;
  for (int i = 0; i < 3000; ++i) many_queries += "sanctions\n";
  // Reached only by a batch that goes on writing into the closed pipe.
  many_queries += "houthi)\n";

  for (const bool ignore_sigpipe : {true, false}) {
    INFO("SIGPIPE ignored: " << ignore_sigpipe);
    ProcessOptions options = isolated(corpus.home());
    options.ignore_sigpipe = ignore_sigpipe;

    options.input = many_queries;
    std::string first_line;
    ProcessResult result =
        run_until_reader_leaves({kSearchBinary, "--db", db, "--batch"}, options, true, first_line);
    CHECK(json::parse(first_line)["query"] == "sanctions");
    CHECK(result.exit_code == 0);  // ended before the malformed line
    CHECK(result.err.empty());

    // One answer far larger than the pipe's buffer.
    options.input.clear();
    first_line.clear();
    result = run_until_reader_leaves(
        {kSearchBinary, "--db", GeneratedCorpus::instance().database().string(), "--format",
         "jsonl", "-n", "2000", "government"},
        options, true, first_line);
    CHECK(json::parse(first_line)["rank"] == 1);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());

    // The summary of an indexing run that nobody reads: the run keeps its exit code.
    result = run_until_reader_leaves({kIndexBinary, "--json", "--db", db, kCorpus.string()},
                                     options, false, first_line);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("51 unchanged"));
    CHECK_THAT(result.err, !Catch::Contains("cannot write"));
  }
}

TEST_CASE("paths0 gives each path's bytes exactly as on disk", "[e2e][output][paths0]") {
  const TemporaryFolder home;
  const std::filesystem::path corpus = home / "briefs";
  std::filesystem::create_directories(corpus);
  // A newline, an invalid UTF-8 byte, a tab and an escape sequence in file names.
  const std::vector<std::string> names = {"new\nline.txt", "bad\xff\xfe name.txt",
                                          "tab\tand \x1b[31mred.txt", "plain.txt"};
  for (const std::string& name : names) {
    std::ofstream(corpus / name, std::ios::binary)
        << "Yemen: Port Strike " << names.size() << "\n\nBy January 5, 2025No Comments\n\n"
        << "Description: Aircraft struck the port of Hodeidah.\n\nImpact: Fuel imports slow.\n";
  }
  std::set<std::string> expected;
  for (const std::string& name : names) {
    expected.insert(std::filesystem::absolute(corpus / name).lexically_normal().string());
  }
  for (const std::string mode : {"incremental", "--full"}) {
    INFO(mode);
    const std::string db = (home / ("db-" + std::string(mode))).string();
    std::vector<std::string> index_arguments = {"--db", db, corpus.string()};
    if (mode == "--full") index_arguments.insert(index_arguments.begin(), "--full");
    const ProcessResult indexed = brief_index(home, index_arguments);
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);

    const ProcessResult listed = brief_search(home, {"--db", db, "--format", "paths0", "hodeidah"});
    CHECK(listed.exit_code == 0);
    REQUIRE_FALSE(listed.out.empty());
    CHECK(listed.out.back() == '\0');
    std::set<std::string> paths;
    std::size_t start = 0;
    for (std::size_t end; (end = listed.out.find('\0', start)) != std::string::npos;
         start = end + 1) {
      paths.insert(listed.out.substr(start, end - start));
    }
    CHECK(paths == expected);
    for (const std::string& path : paths) CHECK(std::filesystem::exists(path));

    // paths is for terminals: one line per hit, nothing raw.
    const ProcessResult shown = brief_search(home, {"--db", db, "--format", "paths", "hodeidah"});
    CHECK(std::count(shown.out.begin(), shown.out.end(), '\n') == 4);
    CHECK(shown.out.find('\x1b') == std::string::npos);
    CHECK(shown.out.find('\xff') == std::string::npos);
  }
}

namespace {

// A JSON Lines record; every brief says the same, so most scores tie.
std::string tied_record(const std::string& id, const std::string& date, bool louder) {
  json record = {{"id", id},
                 {"title", louder ? "China: Tanker Seized, Tanker Held" : "China: Tanker Seized"},
                 {"sections",
                  {{{"name", "Description"}, {"text", "A tanker was seized off the coast."}},
                   {{"name", "Impact"}, {"text", "Shipping insurers raise premiums."}}}}};
  if (!date.empty()) record["date"] = date;
  return record.dump() + "\n";
}

std::vector<std::string> ids_listed(const ProcessResult& result) {
  std::vector<std::string> ids;
  for (const json& hit : json_lines(result.out)) ids.push_back(hit["id"]);
  return ids;
}

}  // namespace

TEST_CASE("ties are ordered by id, the same in one database and in several",
          "[e2e][output][ties]") {
  const TemporaryFolder home;
  std::filesystem::create_directories(home / "first");
  std::filesystem::create_directories(home / "second");
  // 40 briefs over two files, ids in an order that is neither the files' nor the reverse.
  const std::vector<std::string> dates = {"2025-01-05", "2025-01-06", ""};
  std::ofstream first(home / "first" / "a.jsonl"), second(home / "second" / "b.jsonl");
  for (int i = 0; i < 40; ++i) {
    const int shuffled = (i * 17) % 40;
    const std::string id =
        "tie-" + std::string(shuffled < 10 ? "0" : "") + std::to_string(shuffled);
    (i < 20 ? first : second) << tied_record(id, dates[i % 3], i % 7 == 0);
  }
  first.close();
  second.close();
  const std::string whole = (home / "whole").string();
  const std::string part_a = (home / "part-a").string();
  const std::string part_b = (home / "part-b").string();
  for (const auto& [database, inputs] :
       std::vector<std::pair<std::string, std::vector<std::string>>>{
           {whole, {(home / "first").string(), (home / "second").string()}},
           {part_a, {(home / "first").string()}},
           {part_b, {(home / "second").string()}}}) {
    std::vector<std::string> arguments = {"--db", database};
    arguments.insert(arguments.end(), inputs.begin(), inputs.end());
    const ProcessResult indexed = brief_index(home, arguments);
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }
  // A Xapian stub file naming both parts.
  std::ofstream(home / "stub") << "auto part-a\nauto part-b\n";

  const std::vector<std::vector<std::string>> queries = {{"tanker"},
                                                         {"country:CN"},
                                                         {"--sort", "relevance", "country:CN"},
                                                         {"--sort", "newest", "tanker"},
                                                         {"--sort", "oldest", "tanker"},
                                                         {"--any", "tanker premiums"}};
  for (const std::vector<std::string>& query : queries) {
    std::string described;
    for (const std::string& word : query) described += word + " ";
    INFO("query: " << described);
    auto listed = [&](std::vector<std::string> databases, std::vector<std::string> paging) {
      std::vector<std::string> arguments = {"--format", "jsonl"};
      for (const std::string& database : databases)
        arguments.insert(arguments.end(), {"--db", database});
      arguments.insert(arguments.end(), paging.begin(), paging.end());
      arguments.insert(arguments.end(), query.begin(), query.end());
      const ProcessResult result = brief_search(home, arguments);
      INFO(result.err);
      CHECK(result.exit_code == 0);
      return result;
    };
    const ProcessResult one = listed({whole}, {"-n", "100"});
    const std::vector<std::string> expected = ids_listed(one);
    REQUIRE(expected.size() == 40);
    CHECK(ids_listed(listed({part_a, part_b}, {"-n", "100"})) == expected);
    CHECK(ids_listed(listed({part_b, part_a}, {"-n", "100"})) == expected);
    CHECK(ids_listed(listed({(home / "stub").string()}, {"-n", "100"})) == expected);
    // Pages are slices of the same order.
    CHECK(ids_listed(listed({part_a, part_b}, {"-n", "7", "--offset", "9"})) ==
          std::vector<std::string>(expected.begin() + 9, expected.begin() + 16));

    // Within equal scores (and, sorted by date, equal dates) ids ascend.
    const std::vector<json> hits = json_lines(one.out);
    const bool by_date =
        query.front() == "--sort" ? query[1] != "relevance" : query.front() == "country:CN";
    for (std::size_t i = 1; i < hits.size(); ++i) {
      const bool tied = by_date ? hits[i]["date"] == hits[i - 1]["date"]
                                : hits[i]["score"] == hits[i - 1]["score"];
      if (tied) CHECK(hits[i - 1]["id"].get<std::string>() < hits[i]["id"].get<std::string>());
    }
  }
}

// Text output wrapped to a width (--width): every brief of corpus/, in every script, at
// word boundaries with a hanging indent; paths, ids and escape sequences never cut.
#include <regex>

#include "common/output/text_wrap.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/text_lines.h"

using namespace briefsearch::testing;

namespace {

// Every brief, with a snippet around words in several scripts.
const std::vector<std::string> kQueries = {"NOT qqqzzz",
                                           "ceasefire OR 习近平 OR зеленський OR الشرع"};

}  // namespace

TEST_CASE("text output wraps to --width at word boundaries with a hanging indent",
          "[e2e][output][width]") {
  const IndexedCorpus corpus;
  for (const std::string& query : kQueries) {
    for (const std::string width : {"80", "50"}) {
      INFO(query << " at --width " << width);
      const ProcessResult wrapped = corpus.search({"-n", "100", "--width", width, "--", query});
      const ProcessResult whole = corpus.search({"-n", "100", "--width", "0", "--", query});
      REQUIRE(wrapped.exit_code == 0);
      REQUIRE(whole.exit_code == 0);
      CHECK(without_spaces(wrapped.out) == without_spaces(whole.out));  // nothing lost
      CHECK(split_lines(wrapped.out).size() > split_lines(whole.out).size());
      const std::size_t columns = std::stoul(width);
      const std::regex rank_line("^[0-9]+\\. ([0-9-]{10}|undated   )  .*");
      for (const std::string& line : split_lines(wrapped.out)) {
        INFO(line);
        if (line.empty() || std::regex_match(line, rank_line) ||
            line.find(" briefs") != std::string::npos) {
          continue;
        }
        CHECK(line.starts_with("   "));  // a hit's lines, and the title's, hang indented
        const bool path_or_id = line.starts_with("   /") || line.starts_with("   id ");
        // Paths and ids are never broken, so they may run past the width; nothing else does.
        if (!path_or_id) CHECK(briefsearch::display_width(line) <= columns);
      }
    }
  }
}

TEST_CASE("piped text is not wrapped unless asked, and colours survive wrapping",
          "[e2e][output][width]") {
  const IndexedCorpus corpus;
  ProcessOptions options = isolated(corpus.home());
  options.environment["COLUMNS"] = "40";  // a pipe ignores it, as ripgrep does
  const std::vector<std::string> search = {kSearchBinary, "--db", corpus.database().string(),
                                           "ceasefire"};
  const ProcessResult piped = run_process(search, options);
  CHECK(piped.out == corpus.search({"--width", "0", "ceasefire"}).out);
  const ProcessResult coloured =
      corpus.search({"--width", "40", "--color", "always", "-n", "3", "ceasefire"});
  REQUIRE(coloured.exit_code == 0);
  // Every escape sequence is whole, and a colour open at a break is closed on its line.
  for (const std::string& line : split_lines(coloured.out)) {
    INFO(line);
    const std::regex sgr("\x1b\\[[0-9;]*m");
    const std::string bare = std::regex_replace(line, sgr, "");
    CHECK(bare.find('\x1b') == std::string::npos);
    const auto last_escape = line.rfind('\x1b');
    if (last_escape != std::string::npos) CHECK(line.compare(last_escape, 4, "\x1b[0m") == 0);
  }
}

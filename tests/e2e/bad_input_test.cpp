// Bad input files, proven: every kind in tests/data/bad-inputs.json is indexed by the real
// brief-index beside well-formed briefs, and each outcome is checked: the briefs indexed
// (title, date, sections, text), the files and records rejected (one message each, naming
// the file and the reason), the warnings, the exit code and summary, the database
// (xapian-check), and brief-search's output for them (no control character from a document
// reaches a terminal; JSON stays valid). docs/reliability.md lists the kinds.
#include <xapian.h>

#include <cctype>
#include <map>

#include "common/base/string_utils.h"
#include "common/output/terminal_text.h"
#include "common/store/stored_brief.h"
#include "tests/e2e/bad_input_support.h"
#include "tests/support/terminal.h"

using namespace briefsearch::testing;
using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kGoodBriefs = 3;  // tests/fixtures/shared-briefs, indexed beside them

// The bad inputs in home/bad-inputs (the well-formed briefs in its good/), indexed once.
class BadInputs {
 public:
  static const BadInputs& instance() {
    static const BadInputs inputs;
    return inputs;
  }
  [[nodiscard]] fs::path folder() const { return home_ / "bad-inputs"; }
  [[nodiscard]] fs::path database() const { return home_ / "db"; }
  [[nodiscard]] const std::vector<BadInputKind>& kinds() const { return kinds_; }
  // The first run's result.
  [[nodiscard]] const ProcessResult& indexed() const { return indexed_; }

  ProcessResult index() const {
    return brief_index(home_, {"--db", database().string(), "--json", folder().string()});
  }
  ProcessResult search(std::vector<std::string> arguments, ProcessOptions options) const {
    arguments.insert(arguments.begin(), {kSearchBinary, "--db", database().string()});
    for (const auto& [name, value] : isolated(home_).environment) {
      options.environment.try_emplace(name, value);
    }
    return run_process(arguments, options);
  }

 private:
  BadInputs() : kinds_(read_bad_input_kinds()) {
    for (const BadInputKind& kind : kinds_) install(kind, folder());
    fs::create_directories(folder() / "good");
    for (const auto& entry : fs::directory_iterator(kFixtures / "shared-briefs")) {
      fs::copy_file(entry.path(), folder() / "good" / entry.path().filename());
    }
    indexed_ = index();
  }

  TemporaryFolder home_;
  std::vector<BadInputKind> kinds_;
  ProcessResult indexed_;
};

// Every brief stored, by id.
std::map<std::string, briefsearch::Brief> stored_briefs(const fs::path& database) {
  const Xapian::Database opened(database.string());
  std::map<std::string, briefsearch::Brief> briefs;
  for (auto it = opened.postlist_begin(""); it != opened.postlist_end(""); ++it) {
    briefsearch::Brief brief =
        briefsearch::brief_from_document_data(opened.get_document(*it).get_data());
    briefs.emplace(brief.id, std::move(brief));
  }
  return briefs;
}

void check_brief(const ExpectedBrief& expected, const briefsearch::Brief& brief) {
  if (expected.title_bytes == 0) {
    CHECK(brief.title == expected.title);
  } else {
    CHECK(brief.title.starts_with(expected.title_starts));
    CHECK(brief.title.ends_with(expected.title_ends));
    CHECK(brief.title.size() == expected.title_bytes);
  }
  CHECK((brief.date ? brief.date->iso() : "") == expected.date);
  std::vector<std::string> names;
  std::string text;
  for (const briefsearch::Section& section : brief.sections) {
    names.push_back(section.name);
    text += section.text + "\n";
  }
  CHECK(names == expected.sections);
  for (const std::string& piece : expected.text) CHECK_THAT(text, Contains(piece));
}

// What brief-index said about one file, each line without "brief-index: [warning: ]PATH"
// and the colon after it: "reason" or "LINE: reason".
std::vector<std::string> lines_about(const std::string& err, const std::string& shown_path,
                                     bool warnings) {
  const std::string start =
      std::string("brief-index: ") + (warnings ? "warning: " : "") + shown_path;
  std::vector<std::string> lines;
  std::size_t at = 0;
  for (std::size_t end; (end = err.find('\n', at)) != std::string::npos; at = end + 1) {
    const std::string line = err.substr(at, end - at);
    if (!line.starts_with(start)) continue;
    const std::string rest = line.substr(start.size());
    if (rest.starts_with(": ")) {
      lines.push_back(rest.substr(2));
    } else if (rest.size() > 1 && rest[0] == ':' &&
               std::isdigit(static_cast<unsigned char>(rest[1]))) {
      lines.push_back(rest.substr(1));
    }
  }
  return lines;
}

std::pair<std::size_t, std::size_t> expected_counts(const std::vector<BadInputKind>& kinds) {
  std::size_t briefs = kGoodBriefs;
  std::size_t errors = 0;
  for (const BadInputKind& kind : kinds) {
    briefs += kind.briefs.size();
    errors += kind.errors.size();
  }
  return {briefs, errors};
}

// The code points a terminal may receive from brief-search text output: printable text,
// newlines, and (with colour) its own SGR sequences. Returns the first other, described.
std::string first_control(const std::string& output) {
  if (!briefsearch::is_valid_utf8(output)) return "invalid UTF-8";
  for (std::size_t at = 0; at < output.size();) {
    const std::size_t start = at;
    const auto c = briefsearch::next_code_point(output, at).value;
    if (c == 0x1B) {
      std::size_t end = start + 1;
      if (end < output.size() && output[end] == '[') ++end;
      while (end < output.size() &&
             (std::isdigit(static_cast<unsigned char>(output[end])) || output[end] == ';')) {
        ++end;
      }
      if (output.compare(start + 1, 1, "[") != 0 || end >= output.size() || output[end] != 'm') {
        return "ESC at byte " + std::to_string(start);
      }
      at = end + 1;
      continue;
    }
    const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
                      c == 0x200F || c == 0x061C;
    if ((c < 0x20 && c != '\n') || c == 0x7F || (c >= 0x80 && c <= 0x9F) || bidi) {
      return "U+" + std::to_string(c) + " at byte " + std::to_string(start);
    }
  }
  return "";
}

}  // namespace

TEST_CASE("every kind of bad input file has its documented outcome", "[e2e][bad-input]") {
  const BadInputs& inputs = BadInputs::instance();
  REQUIRE(inputs.kinds().size() >= 35);
  const ProcessResult& indexed = inputs.indexed();
  INFO(indexed.err.substr(0, 30000));
  REQUIRE(indexed.exit_code == 1);  // files and records were rejected: exit 1, as documented
  const auto [briefs, errors] = expected_counts(inputs.kinds());
  const json summary = json::parse(indexed.out);
  CHECK(summary["added"] == briefs);
  CHECK(summary["rejected"] == errors);
  CHECK(summary["skipped"] == 0);
  CHECK(summary["unreadable"] == 0);
  // Every line is a message of brief-index, whatever bytes the files held.
  CHECK(indexed.err == briefsearch::printable_text(indexed.err, true));
  const std::map<std::string, briefsearch::Brief> stored = stored_briefs(inputs.database());
  CHECK(stored.size() == briefs);
  for (const BadInputKind& kind : inputs.kinds()) {
    INFO("kind: " << kind.kind << " (" << briefsearch::printable_text(kind.file) << ")");
    const std::string shown = briefsearch::printable_text((inputs.folder() / kind.file).string());
    CHECK(lines_about(indexed.err, shown, false) == kind.errors);
    CHECK(lines_about(indexed.err, shown, true) == kind.warnings);
    CHECK(kind.outcome == (kind.briefs.empty()   ? "rejected"
                           : kind.errors.empty() ? "indexed"
                                                 : "partly indexed"));
    for (const ExpectedBrief& expected : kind.briefs) {
      INFO("brief " << briefsearch::printable_text(expected.id));
      const auto found = stored.find(expected.id);
      REQUIRE(found != stored.end());
      check_brief(expected, found->second);
    }
  }
  for (const std::string name :
       {"baltic-cable-damage.txt", "sahel-wagner-exit.txt", "sudan-jeddah-talks.txt"}) {
    CHECK(stored.count("bad-inputs/good/" + name) == 1);
  }
  const ProcessResult checked = run_process({"/usr/bin/xapian-check", inputs.database().string()});
  INFO(checked.out);
  CHECK(checked.exit_code == 0);

  // A second run reads every rejected file again and reports it again, changing nothing.
  const ProcessResult again = inputs.index();
  CHECK(again.exit_code == 1);
  const json second = json::parse(again.out);
  CHECK(second["rejected"] == errors);
  CHECK(second["added"] == 0);
  CHECK(second["updated"] == 0);
  CHECK(second["deleted"] == 0);
  CHECK(second["unchanged"] == briefs);
  CHECK(stored_briefs(inputs.database()).size() == briefs);
}

TEST_CASE("search output for bad inputs stays valid JSON and sends no controls to a terminal",
          "[e2e][bad-input]") {
  const BadInputs& inputs = BadInputs::instance();
  const std::map<std::string, briefsearch::Brief> stored = stored_briefs(inputs.database());
  for (const BadInputKind& kind : inputs.kinds()) {
    for (const ExpectedBrief& expected : kind.briefs) {
      if (expected.find.empty() || stored.count(expected.id) == 0) continue;
      INFO("kind: " << kind.kind << "; query: " << expected.find);
      const ProcessResult found =
          inputs.search({"--format", "json", "-n", "50", "--", expected.find}, {});
      REQUIRE(found.exit_code == 0);
      const json output = json::parse(found.out);  // throws on invalid UTF-8 as well
      bool listed = false;
      for (const json& hit : output["hits"]) {
        // JSON shows bytes that are not UTF-8 as U+FFFD (docs/json.md).
        if (hit["id"] != briefsearch::repair_utf8(expected.id)) continue;
        listed = true;
        CHECK(hit["title"] == stored.at(expected.id).title);
        CHECK(briefsearch::is_valid_utf8(hit["snippet"].get<std::string>()));
      }
      CHECK(listed);
      // Text on a terminal, coloured, wrapped and not: only printable text and colours.
      for (const std::string width : {"80", "0"}) {
        PseudoTerminal terminal;
        ProcessOptions options;
        options.stdout_path = terminal.path();
        const ProcessResult shown = inputs.search(
            {"--color", "always", "--width", width, "-n", "1", "--", expected.find}, options);
        CHECK(shown.exit_code == 0);
        const std::string text = terminal.read_all();
        CHECK_FALSE(text.empty());
        CHECK(first_control(text).empty());
      }
      const ProcessResult paths = inputs.search({"--format", "paths", "--", expected.find}, {});
      CHECK(first_control(paths.out).empty());
      const ProcessResult exact = inputs.search({"--format", "paths0", "--", expected.find}, {});
      const std::string path = (fs::canonical(inputs.folder()) / kind.file).string();
      CHECK((std::string(1, '\0') + exact.out).find('\0' + path + '\0') != std::string::npos);
    }
  }
  // The check itself finds what it looks for.
  for (const std::string raw :
       {"\x1b]8;;x\x07", "\x1b[2J", "\x07", "\r", "\xC2\x9B", "\xE2\x80\xAE", "\xFF"}) {
    CHECK_FALSE(first_control("a " + raw + " b").empty());
  }
  CHECK(first_control("\x1b[1;31mred\x1b[0m\n").empty());
  // Every hit of a query that finds nearly all of them, in every machine format.
  const std::string every = "chad OR mali OR niger OR baltic OR sudan OR sahel";
  std::size_t lines = 0;
  const ProcessResult listed = inputs.search({"--format", "jsonl", "--", every}, {});
  REQUIRE(listed.exit_code == 0);
  for (std::size_t at = 0, end; (end = listed.out.find('\n', at)) != std::string::npos;
       at = end + 1, ++lines) {
    CHECK_NOTHROW(json::parse(listed.out.substr(at, end - at)));
  }
  CHECK(lines > 40);
  const ProcessResult text = inputs.search({"--color", "always", "-n", "1000", "--", every}, {});
  CHECK(first_control(text.out).empty());
}

TEST_CASE("a brief over --max-brief-size is rejected unread, naming its size and the option",
          "[e2e][bad-input][limits]") {
  const TemporaryFolder home;
  const fs::path folder = home / "briefs";
  fs::create_directories(folder);
  std::ofstream(folder / "two-mb.txt", std::ios::binary) << generated_fixture("two-mb-line");
  std::ofstream(folder / "small.txt", std::ios::binary)
      << scraped_brief("Chad: A Small Brief", "Officials met in the capital.");
  std::ofstream(folder / "records.jsonl", std::ios::binary)
      << json{{"id", "big"}, {"title", "Mali: Big"}, {"text", filler(100 * 1024)}}.dump() << "\n"
      << json{{"id", "small"}, {"title", "Mali: Small"}, {"text", "Fine."}}.dump() << "\n";
  const std::string db = (home / "db").string();
  const auto two_mb = fs::file_size(folder / "two-mb.txt");
  const ProcessResult limited =
      brief_index(home, {"--db", db, "--json", "--max-brief-size", "64K", folder.string()});
  CHECK(limited.exit_code == 1);
  CHECK_THAT(limited.err, Contains("brief-index: " + (folder / "two-mb.txt").string() +
                                   ": too large: " + std::to_string(two_mb) +
                                   " bytes (2 MiB), over the 64 KiB limit for one brief "
                                   "(--max-brief-size)\n"));
  CHECK_THAT(limited.err,
             Contains("brief-index: " + (folder / "records.jsonl").string() + ":1: too large: "));
  const json summary = json::parse(limited.out);
  CHECK(summary["added"] == 2);
  CHECK(summary["rejected"] == 2);
  // What it held before is kept; raised, the limit lets both in.
  const ProcessResult raised =
      brief_index(home, {"--db", db, "--json", "--max-brief-size", "4MiB", folder.string()});
  CHECK(raised.exit_code == 0);
  CHECK(json::parse(raised.out)["added"] == 2);
  // The search shows the passage around the one mention, two megabytes in.
  const ProcessResult found = brief_search(home, {"--db", db, "--format", "json", "quokkaline"});
  REQUIRE(found.exit_code == 0);
  const json hit = json::parse(found.out)["hits"].at(0);
  CHECK_THAT(hit["snippet"].get<std::string>(), Contains("Then the quokkaline convoy left."));
  CHECK(hit["highlights"].size() == 1);
  // Sizes out of range or not sizes are usage errors.
  for (const std::string size : {"100M", "12", "lots", "-1"}) {
    const ProcessResult refused = brief_index(home, {"--db", db, "--max-brief-size", size});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Contains("--max-brief-size"));
  }
}

TEST_CASE("a file whose name starts with a dash is indexed when named after --",
          "[e2e][bad-input]") {
  const TemporaryFolder home;
  std::ofstream(home / "-dash.txt") << scraped_brief("Chad: Dashed Name", "Officials met.");
  const std::string db = (home / "db").string();
  const std::string in_home = "cd \"$0\" && exec \"$@\"";
  const ProcessResult named = run_process(
      {"/bin/sh", "-c", in_home, home.path().string(), kIndexBinary, "--db", db, "--", "-dash.txt"},
      isolated(home));
  INFO(named.err);
  CHECK(named.exit_code == 0);
  const ProcessResult unguarded = run_process(
      {"/bin/sh", "-c", in_home, home.path().string(), kIndexBinary, "--db", db, "-dash.txt"},
      isolated(home));
  CHECK(unguarded.exit_code == 2);
  CHECK_THAT(unguarded.err, Contains("brief-index: "));
}

// The kinds of bad input file of tests/data/bad-inputs.json: reading their expected
// outcomes, and installing each (committed under tests/fixtures/bad-inputs/, or, when too
// big to commit, generated here) into a folder to index.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/e2e/e2e_support.h"

namespace briefsearch::testing {

// A brief a kind must give, as stored.
struct ExpectedBrief {
  std::string id;
  // The title, or for one cut short its start, end and size in bytes.
  std::string title;
  std::string title_starts;
  std::string title_ends;
  std::size_t title_bytes = 0;
  std::string date;                   // ISO, empty when undated
  std::vector<std::string> sections;  // names, in order
  std::vector<std::string> text;      // pieces the sections' text must hold
  std::string find;                   // a query that finds it
};

struct BadInputKind {
  std::string kind;      // "empty file"
  std::string file;      // its name in the folder indexed (any bytes)
  std::string source;    // the committed fixture, if any
  std::string generate;  // else the generator that makes it
  std::string outcome;   // "indexed", "partly indexed" or "rejected"
  // Each message about the file, as "reason" or "LINE: reason", in order.
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  std::vector<ExpectedBrief> briefs;
};

inline const std::filesystem::path kBadInputKinds =
    kFixtures.parent_path() / "data" / "bad-inputs.json";

// JSON strings cannot hold the byte 0xFF a file name may: "\xNN" stands for byte NN.
inline std::string unescape_bytes(const std::string& text) {
  std::string bytes;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\\x") == 0 && i + 3 < text.size()) {
      bytes += static_cast<char>(std::stoi(text.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      bytes += text[i];
    }
  }
  return bytes;
}

// "Impact*3" stands for three sections named Impact.
inline std::vector<std::string> expand_repeats(const std::vector<std::string>& names) {
  std::vector<std::string> expanded;
  for (const std::string& name : names) {
    const std::size_t star = name.rfind('*');
    const int times = star == std::string::npos ? 1 : std::stoi(name.substr(star + 1));
    for (int i = 0; i < times; ++i) expanded.push_back(name.substr(0, star));
  }
  return expanded;
}

inline std::vector<BadInputKind> read_bad_input_kinds() {
  std::ifstream file(kBadInputKinds);
  const nlohmann::json data = nlohmann::json::parse(file);
  std::vector<BadInputKind> kinds;
  for (const nlohmann::json& entry : data.at("kinds")) {
    BadInputKind& kind = kinds.emplace_back();
    kind.kind = entry.at("kind");
    kind.file = unescape_bytes(entry.at("file"));
    kind.source = entry.value("source", "");
    kind.generate = entry.value("generate", "");
    kind.outcome = entry.at("outcome");
    kind.errors = entry.value("errors", std::vector<std::string>{});
    kind.warnings = entry.value("warnings", std::vector<std::string>{});
    for (const nlohmann::json& brief : entry.value("briefs", nlohmann::json::array())) {
      kind.briefs.push_back({unescape_bytes(brief.at("id")), brief.value("title", ""),
                             brief.value("title_starts", ""), brief.value("title_ends", ""),
                             brief.value("title_bytes", std::size_t{0}), brief.value("date", ""),
                             expand_repeats(brief.at("sections")),
                             brief.value("text", std::vector<std::string>{}),
                             brief.value("find", "")});
    }
  }
  return kinds;
}

// A scraped brief around a description paragraph.
inline std::string scraped_brief(const std::string& title, const std::string& description) {
  return title + "\n\nBy July 28, 2025No Comments\n\nDescription: " + description +
         "\n\nImpact: Trade may slow.\n";
}

// Sentences to the given size, each ending a line of a paragraph when wrap is set.
inline std::string filler(std::size_t bytes, bool wrap = false) {
  const std::string sentence = "Convoys waited at the crossing while officials talked.";
  std::string text;
  text.reserve(bytes + sentence.size());
  while (text.size() < bytes) text += sentence + (wrap ? "\n" : " ");
  return text;
}

// The fixtures too big to commit (or made of parts repeated thousands of times).
inline std::string generated_fixture(const std::string& name) {
  if (name == "two-mb-line") {
    return scraped_brief("Chad: A Two Megabyte Line",
                         filler(2 * 1024 * 1024) + "Then the quokkaline convoy left.");
  }
  if (name == "repeated-headings") {
    std::string text = "Chad: Five Thousand Headings\n\nBy July 28, 2025No Comments\n\n";
    for (int i = 1; i <= 5000; ++i) text += "Impact: Point " + std::to_string(i) + ".\n\n";
    return text;
  }
  if (name == "title-100kb") {
    std::string title = "Chad:";
    while (title.size() < 100 * 1024) title += " Longtitle";
    return scraped_brief(title, "Officials met in the capital.");
  }
  if (name == "front-matter-huge-values") {
    std::string tags;
    for (int i = 0; i < 20000; ++i) tags += (i > 0 ? ", t" : "t") + std::to_string(i);
    return "---\ntitle: 'Niger: Huge Front Matter Values'\ndate: " + std::string(200000, '9') +
           "\ntags: [" + tags + "]\nsource: " + std::string(100000, 's') +
           "\n---\n\n## Description\n\nEvery value is huge but the title.\n";
  }
  if (name == "jsonl-ten-mb-line") {
    const nlohmann::json big = {
        {"id", "ten-mb"}, {"title", "Mali: Ten Megabytes"}, {"text", filler(10 * 1024 * 1024)}};
    const nlohmann::json small = {{"id", "ten-mb-neighbour"},
                                  {"title", "Mali: A Small Neighbour"},
                                  {"text", "The record after the huge one."}};
    return big.dump() + "\n" + small.dump() + "\n";
  }
  if (name == "sixty-mb-brief") {
    // 60 MiB exactly, as the brief was: rejected unread under the default limit.
    std::string text = scraped_brief("Chad: Sixty Megabytes", filler(60 * 1024 * 1024 - 200, true));
    text.resize(60 * 1024 * 1024, '\n');
    return text;
  }
  throw std::invalid_argument("no generator named " + name);
}

// Puts kind's file into folder.
inline void install(const BadInputKind& kind, const std::filesystem::path& folder) {
  const std::filesystem::path target = folder / kind.file;
  std::filesystem::create_directories(target.parent_path());
  if (!kind.source.empty()) {
    std::filesystem::copy_file(kFixtures / "bad-inputs" / kind.source, target);
    return;
  }
  std::ofstream(target, std::ios::binary) << generated_fixture(kind.generate);
}

}  // namespace briefsearch::testing

// Shared pieces of the integrity tests: a workspace with a database, brief files in the
// three formats, and summary checks.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "tests/e2e/e2e_support.h"

namespace briefsearch::testing {

namespace fs = std::filesystem;
using nlohmann::json;

inline void write_file(const fs::path& path, const std::string& contents) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
}

inline std::string scraped(const std::string& title, const std::string& body) {
  return title + "\n\nBy January 28, 2025No Comments\n\nDescription: " + body +
         "\n\nImpact: Pressure is mounting.\n";
}

inline std::string markdown(const std::string& id, const std::string& title,
                            const std::string& body) {
  return "---\nid: " + id + "\ntitle: " + title + "\ndate: 2024-05-06\n---\n\n## Description\n\n" +
         body + "\n";
}

inline std::string record(const std::string& id, const std::string& title,
                          const std::string& body) {
  return json{{"id", id}, {"title", title}, {"date", "2024-05-06"}, {"description", body}}.dump() +
         "\n";
}

class Workspace {
 public:
  [[nodiscard]] fs::path operator/(const std::string& name) const { return home_ / name; }
  [[nodiscard]] fs::path database() const { return home_ / "db"; }
  [[nodiscard]] const TemporaryFolder& home() const { return home_; }

  ProcessResult index(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--db", database().string(), "--json"});
    return brief_index(home_, arguments);
  }
  // Runs brief-index and checks its exit code; returns the summary.
  json index_expecting(int exit_code, std::vector<std::string> arguments) const {
    const ProcessResult result = index(std::move(arguments));
    INFO(result.err);
    REQUIRE(result.exit_code == exit_code);
    return json::parse(result.out);
  }
  json search(const std::string& query) const {
    const ProcessResult result =
        brief_search(home_, {"--db", database().string(), "--format", "json", "-n", "1000", query});
    INFO(result.err);
    REQUIRE((result.exit_code == 0 || result.exit_code == 1));
    return json::parse(result.out);
  }
  std::vector<std::string> titles(const std::string& query) const {
    std::vector<std::string> found;
    const json output = search(query);
    for (const json& hit : output["hits"]) found.push_back(hit["title"]);
    std::sort(found.begin(), found.end());
    return found;
  }
  [[nodiscard]] Xapian::doccount documents() const {
    return Xapian::Database(database().string()).get_doccount();
  }

 private:
  TemporaryFolder home_;
};

inline void check_summary(const json& summary, int added, int updated, int unchanged, int deleted,
                          int rejected) {
  INFO(summary.dump());
  CHECK(summary["added"] == added);
  CHECK(summary["updated"] == updated);
  CHECK(summary["unchanged"] == unchanged);
  CHECK(summary["deleted"] == deleted);
  CHECK(summary["rejected"] == rejected);
}

}  // namespace briefsearch::testing

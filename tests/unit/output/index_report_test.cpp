#include "common/output/index_report.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

using namespace briefsearch;

TEST_CASE("the summary names every count", "[index_report]") {
  IndexStatistics statistics;
  statistics.added = 3;
  statistics.updated = 2;
  statistics.unchanged = 40;
  statistics.deleted = 1;
  statistics.rejected = 4;
  statistics.skipped = 5;
  CHECK(summary_line(statistics, 1.234) ==
        "3 added, 2 updated, 40 unchanged, 1 deleted, 4 rejected, 5 skipped in 1.23 s");
  const auto json = nlohmann::json::parse(summary_json(statistics, 1.23456, "/db"));
  CHECK(json["format_version"] == 1);
  CHECK(json["added"] == 3);
  CHECK(json["updated"] == 2);
  CHECK(json["unchanged"] == 40);
  CHECK(json["deleted"] == 1);
  CHECK(json["rejected"] == 4);
  CHECK(json["skipped"] == 5);
  CHECK(json["interrupted"] == false);
  CHECK(json["seconds"] == Approx(1.235));
  CHECK(json["database"] == "/db");
  statistics.interrupted = true;
  CHECK_THAT(summary_line(statistics, 0), Catch::Contains("interrupted"));
}

TEST_CASE("the progress bar redraws one line and erases itself", "[index_report]") {
  std::FILE* terminal = std::tmpfile();
  REQUIRE(terminal != nullptr);
  {
    ProgressBar bar(terminal);
    bar.update(1, 4);
    bar.update(2, 4);  // within 100 ms of the last draw: skipped
    bar.update(4, 4);  // the last file is always drawn
    bar.clear();
  }
  std::rewind(terminal);
  std::string drawn;
  char buffer[512];
  while (std::size_t got = std::fread(buffer, 1, sizeof buffer, terminal))
    drawn.append(buffer, got);
  std::fclose(terminal);
  CHECK_THAT(drawn, Catch::Contains("1/4 files"));
  CHECK_THAT(drawn, !Catch::Contains("2/4 files"));
  CHECK_THAT(drawn, Catch::Contains("[==============================] 4/4 files"));
  CHECK(drawn.find('\n') == std::string::npos);
  CHECK(drawn.ends_with("\r\x1b[K"));
}

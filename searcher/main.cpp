// brief-search: answers queries over briefsearch databases, for terminals and scripts. It
// parses options and prints; the search itself is common/search/session.h.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>

#include "common/base/errors.h"
#include "common/base/string_utils.h"
#include "common/output/batch.h"
#include "common/output/command_line.h"
#include "common/output/exit_codes.h"
#include "common/output/no_match.h"
#include "common/output/output.h"
#include "common/output/program.h"
#include "common/output/search_command_line.h"
#include "common/output/search_help.h"
#include "common/output/terminal_text.h"
#include "common/output/watchdog.h"
#include "common/search/session.h"
#include "common/store/database.h"

namespace briefsearch {
namespace {

constexpr const char* kProgram = "brief-search";

int run(int argc, char** argv) {
  reject_dashed_words(argc, argv);
  CLI::App app{"Search intelligence briefs indexed by brief-index.", kProgram};
  app.footer(std::string(kSearchHelpFooter) + exit_codes_help(kSearchExitCodes));
  add_version_flag(app, kProgram);
  SearchCommandLine command;
  add_search_options(app, command);
  if (const auto ended = parse_command_line(app, argc, argv)) return *ended;
  read_search_choices(app, command);
  const OutputFormat format = *output_format_named(command.format);
  // A batch writes --format json's object for each line, whatever --format says.
  command.session.search = options_for_format(command.batch ? OutputFormat::kJson : format,
                                              command.session.search, command.limit);
  Xapian::Database database =
      open_for_reading({command.databases.begin(), command.databases.end()});
  command.session.database_name = command.databases.empty()
                                      ? resolve_database_path(std::nullopt).string()
                                      : join(command.databases, ", ");
  SearchSession session(database, command.session);
  Watchdog watchdog(kProgram, command.timeout_seconds);
  const auto answer = [&](const std::string& query, const HitSink& sink = {}) {
    const Watchdog::Armed armed(watchdog, query);
    return session.answer(query, sink);
  };
  if (command.batch) return answer_batch(std::cin, std::cout, answer, flush_results);

  const std::string query = join(command.query_words, " ");
  // Only a batch line or --like may be empty: brief-search '' is a mistake, as '  ' is.
  if (trim(query).empty() && !command.session.like) {
    throw QueryError(query, query.size() + 1, "empty query");
  }
  const auto writer = make_stdout_writer(format, command.color, command.width);
  const SearchReport report = answer(query, writer->hit_sink(command.session.search));
  writer->write(report);
  // Briefs lacking some words answer the query as written only when the caller asked.
  const bool found = report.results.total > 0 && (!report.relaxation || command.relax);
  const int code = found ? kExitSuccess : kExitNoMatch;
  if (!flush_results()) return code;  // the reader has gone
  const std::string note =
      after_answer_note(report, format == OutputFormat::kText, isatty(STDERR_FILENO));
  if (!note.empty()) std::fprintf(stderr, "%s: %s\n", kProgram, note.c_str());
  return code;
}

}  // namespace
}  // namespace briefsearch

int main(int argc, char** argv) {
  return briefsearch::run_reporting_failures(briefsearch::kProgram,
                                             [&] { return briefsearch::run(argc, argv); });
}

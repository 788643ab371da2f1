#include "common/output/command_line.h"

#include <xapian.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <string>

#include "common/base/errors.h"

namespace briefsearch {

void add_version_flag(CLI::App& app, std::string_view program) {
  app.set_version_flag("--version", std::string(program) + " " BRIEFSEARCH_VERSION " (Xapian " +
                                        Xapian::version_string() + ")");
}

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kExitSuccess : kExitUsage;
  }
  return std::nullopt;
}

void reject_dashed_words(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--") return;
    if (argument.size() < 3 || argument[0] != '-' || argument[1] == '-') continue;
    if (!std::isalpha(static_cast<unsigned char>(argument[1]))) continue;
    const bool limit_with_value =
        argument[1] == 'n' && argument.find_first_not_of("0123456789", 2) == std::string_view::npos;
    if (limit_with_value) continue;
    throw UsageError("'" + std::string(argument) +
                     "' is not an option; to exclude a word, quote the query "
                     "('election -mexico') or put it after --");
  }
}

}  // namespace briefsearch

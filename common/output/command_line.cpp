#include "common/output/command_line.h"

#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include "common/analysis/edit_distance.h"
#include "common/base/errors.h"
#include "common/output/terminal_text.h"

namespace briefsearch {

void add_version_flag(CLI::App& app, std::string_view program) {
  app.set_version_flag("--version", std::string(program) + " " BRIEFSEARCH_VERSION " (Xapian " +
                                        Xapian::version_string() + ")");
}

namespace {

// The long option closest to the first "--name" argument that app does not know, when one
// is within two edits ("--limt" -> "--limit"; analysis/edit_distance.h).
std::optional<std::string> nearest_option(const CLI::App& app, int argc, const char* const* argv) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view argument = argv[i];
    if (argument == "--") break;
    if (!argument.starts_with("--")) continue;
    argument = argument.substr(0, argument.find('='));
    if (std::find(names.begin(), names.end(), argument) != names.end()) continue;
    std::optional<std::string> best;
    std::size_t best_distance = 3;
    for (const std::string& name : names) {
      const std::size_t distance =
          edit_distance(code_points_of(argument), code_points_of(name), best_distance);
      if (distance < best_distance) best = name, best_distance = distance;
    }
    return best;
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version end the run with exit code 0, printed by CLI11.
    if (error.get_exit_code() == 0) return app.exit(error) == 0 ? kExitSuccess : kExitUsage;
    // CLI11's message quotes the arguments: escaped, as any text from outside.
    std::string message = app.get_name() + ": " + printable_text(error.what());
    if (const auto nearest = nearest_option(app, argc, argv)) {
      message += "; did you mean " + *nearest + "?";
    }
    std::cerr << message << "\nRun with --help for more information.\n";
    return kExitUsage;
  }
  return std::nullopt;
}

void require_finite(CLI::Option* option) {
  option->check(CLI::Validator(
      [](std::string& input) -> std::string {
        try {
          std::size_t used = 0;
          const double value = std::stod(input, &used);
          if (used == input.size() && std::isfinite(value)) return "";
        } catch (const std::exception&) {
          // not a number at all: said below
        }
        return "'" + input + "' is not a finite number";
      },
      "NUMBER"));
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

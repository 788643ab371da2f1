// What both programs do with their command lines (parsed by CLI11): the version flag, how
// a parse ends a run, and brief-search's guard for words that look like options.
#pragma once

#include <optional>
#include <string_view>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace briefsearch {

// Adds --version, which prints "PROGRAM VERSION (Xapian X.Y.Z)" on stdout.
void add_version_flag(CLI::App& app, std::string_view program);

// Parses argv into app. Returns nothing when the run goes on; otherwise the exit code the
// parse ended it with: kExitSuccess after --help or --version (printed on stdout by CLI11),
// kExitUsage after a usage error, whose message goes to stderr as "PROGRAM: MESSAGE" with
// control characters escaped (printable_text), the nearest long option for an unknown one
// ("; did you mean --limit?"), and a pointer to --help.
[[nodiscard]] std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv);

// Makes option (a number) refuse NaN and infinities, which a range check lets through.
void require_finite(CLI::Option* option);

// Throws UsageError for an argument such as "-mexico" or "-houthi", which CLI11 would read
// as the short options -m -e -x ... or -h: to exclude a word, the query is quoted or put
// after "--". Arguments after "--", long options, "-" followed by a non-letter, two-byte
// ones ("-n") and -n with its number ("-n20") are left alone.
void reject_dashed_words(int argc, const char* const* argv);

}  // namespace briefsearch

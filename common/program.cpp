#include "common/program.h"

#include <xapian.h>

#include <cstdio>
#include <exception>
#include <string>

#include "common/errors.h"
#include "common/terminal_text.h"

namespace briefsearch {
namespace {

void report(std::string_view program, const std::string& message) {
  std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(program.size()), program.data(),
               printable_text(message).c_str());
}

}  // namespace

int run_reporting_failures(std::string_view program, const std::function<int()>& work) {
  try {
    return work();
  } catch (const BriefsearchError& error) {
    report(program, error.what());
    return error.exit_code();
  } catch (const Xapian::Error& error) {
    report(program, error.get_description());
    return kExitDatabase;
  } catch (const std::exception& error) {
    report(program, error.what());
    return kExitDatabase;
  }
}

}  // namespace briefsearch

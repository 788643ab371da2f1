#include "common/output/batch.h"

#include "common/base/errors.h"
#include "common/output/output.h"

namespace briefsearch {

// Each line is flushed as it is answered: a reader that has gone ends the batch at once,
// a failed write ends it with OutputError.
int answer_batch(std::istream& in, std::ostream& out, const QueryAnswerer& answer,
                 const std::function<bool()>& flush) {
  auto writer = make_result_writer(OutputFormat::kJson, out, false);
  bool any_error = false;
  bool any_unread = false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    try {
      writer->write(answer(line));
    } catch (const QueryError& error) {
      any_error = true;
      out << batch_error_json(line, error.what()) << '\n';
    } catch (const DatabaseChangingError& error) {
      // The next line reopens the database and may well be read.
      any_unread = true;
      out << batch_error_json(line, error.what()) << '\n';
    }
    if (!flush()) break;
  }
  if (any_unread) return kExitTemporaryFailure;
  return any_error ? kExitUsage : kExitSuccess;
}

}  // namespace briefsearch

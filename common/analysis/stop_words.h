// The analyser's stop-word stage (internal to common/analysis/): which words a plain word
// query may leave out. Part of the analyser's output (Token::stop_word), so a change here
// needs a new kAnalyserVersion.
#pragma once

#include <string_view>

namespace briefsearch {

// True when term (an analysed, case-folded word) is an English function word and the word
// as_written (its bytes in the text) is not written in capitals: "the" and "us" are stop
// words, "US", "IT" and "WHO" are not.
[[nodiscard]] bool is_stop_word(std::string_view term, std::string_view as_written);

}  // namespace briefsearch

#include "common/output/text_wrap.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/output/terminal_text.h"
#include "tests/support/terminal.h"
#include "tests/support/text_lines.h"

using namespace briefsearch;
using briefsearch::testing::split_lines;
using briefsearch::testing::without_spaces;

namespace {

// The words of text, whatever spaces and line breaks separate them.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text + " ") {
    if (c != ' ' && c != '\n') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

}  // namespace

TEST_CASE("display width counts terminal columns, not bytes or code points", "[output][wrap]") {
  struct Case {
    const char* text;
    std::size_t columns;
  };
  const std::vector<Case> cases = {
      {"", 0},
      {"abc", 3},
      {"Zürich", 6},                    // precomposed ü: two bytes, one column
      {"Zu\xCC\x88rich", 6},            // u + combining diaeresis: one grapheme
      {"习近平", 6},                    // East Asian Wide: two columns each
      {"ＡＢ", 4},                      // Fullwidth
      {"Зеленський", 10},               // Cyrillic
      {"أحمد الشرع", 10},               // Arabic: one column a letter, and the space
      {"…", 1},                         // Ambiguous counts one
      {"\xF0\x9F\x91\x8D", 2},          // emoji with emoji presentation
      {"\xE2\x9D\xA4\xEF\xB8\x8F", 2},  // text heart + VS16: shown as emoji
      {"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", 2},  // a ZWJ sequence is one grapheme
      {"\x1b[1mbold\x1b[0m", 4},                            // escape sequences take no columns
      {"\x1b[1;31m习\x1b[0m", 2},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(display_width(c.text) == c.columns);
  }
}

TEST_CASE("wrapping breaks between words, with a hanging indent", "[output][wrap]") {
  CHECK(wrap_line("aaa bbb ccc", 0, 2) == "aaa bbb ccc");  // width 0: as it was
  CHECK(wrap_line("aaa bbb ccc", 80, 2) == "aaa bbb ccc");
  CHECK(wrap_line("aaa bbb ccc", 7, 2) == "aaa bbb\n  ccc");
  CHECK(wrap_line("aaa bbb ccc", 6, 2) == "aaa\n  bbb\n  ccc");
  // The spaces at a break are dropped, the ones inside a line kept.
  CHECK(wrap_line("aaa   bbb", 4, 0) == "aaa\nbbb");
  CHECK(wrap_line("   indented text here", 12, 3) == "   indented\n   text here");
  // A word wider than the line is never cut: it runs past the width on a line of its own.
  CHECK(wrap_line("a corpus/long/path.txt b", 5, 1) == "a\n corpus/long/path.txt\n b");
  CHECK(wrap_line("abcdefghij", 4, 0) == "abcdefghij");
  // Hyphenated words, paths and URLs are words: no break after '-' or '/'.
  CHECK(wrap_line("Israel-Hezbollah ceasefire", 10, 0) == "Israel-Hezbollah\nceasefire");
  CHECK(wrap_line("see https://example.org/a/b now", 12, 0) == "see\nhttps://example.org/a/b\nnow");
}

TEST_CASE("wrapping counts columns: wide scripts break between ideographs", "[output][wrap]") {
  CHECK(wrap_line("习近平习近平习近平", 6, 0) == "习近平\n习近平\n习近平");
  CHECK(wrap_line("ab 习近平", 6, 0) == "ab 习\n近平");  // "ab 习近" takes 7 columns
  // A combining mark stays with its letter, wherever the line breaks.
  CHECK(wrap_line("平\xCC\x81平\xCC\x81", 2, 0) == "平\xCC\x81\n平\xCC\x81");
  // Two-byte Cyrillic letters are one column each: a line of 10 letters fits in 10.
  CHECK(wrap_line("Зеленський Зеленський", 10, 0) == "Зеленський\nЗеленський");
}

TEST_CASE("wrapping never splits an escape sequence and carries the colour over a break",
          "[output][wrap]") {
  CHECK(wrap_line("\x1b[1mhello world\x1b[0m", 5, 2) ==
        "\x1b[1mhello\x1b[0m\n  \x1b[1mworld\x1b[0m");
  // A highlighted word that ends before the break: nothing is carried.
  CHECK(wrap_line("say \x1b[1;31mword\x1b[0m again", 8, 0) == "say \x1b[1;31mword\x1b[0m\nagain");
  // Escape sequences take no width: the text fits exactly.
  CHECK(wrap_line("\x1b[2m12345\x1b[0m", 5, 0) == "\x1b[2m12345\x1b[0m");
}

TEST_CASE("wrapped text keeps every word, and its lines fit the width", "[output][wrap]") {
  const std::string text =
      "   …Xi Jinping (习近平) has not commented publicly, but state media framed the "
      "response as a refusal to be intimidated; Зеленський and أحمد الشرع were not named. "
      "A US- and French-brokered ceasefire between Israel and Hezbollah entered into force.";
  for (std::size_t width = 12; width <= 100; width += 7) {
    INFO("width " << width);
    const std::string wrapped = wrap_line(text, width, 3);
    CHECK(without_spaces(wrapped) == without_spaces(text));  // nothing lost or added
    bool first = true;
    for (const std::string& line : split_lines(wrapped)) {
      INFO(line);
      // Only a line of one word may run past the width.
      if (words_of(line).size() > 1) CHECK(display_width(line) <= width);
      if (!first) CHECK(line.starts_with("   "));
      CHECK_FALSE(line.ends_with(" "));
      first = false;
    }
  }
}

TEST_CASE("the width is --width when given, and none for a pipe, whatever COLUMNS says",
          "[output][wrap]") {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  ::setenv("COLUMNS", "40", 1);
  CHECK(output_width(std::nullopt, pipe_ends[1]) == 0);
  CHECK(output_width(50, pipe_ends[1]) == 50);
  CHECK(output_width(0, pipe_ends[1]) == 0);
  ::unsetenv("COLUMNS");
  ::close(pipe_ends[0]);
  ::close(pipe_ends[1]);
}

TEST_CASE("a terminal narrower than text output is laid out for gets the narrowest width",
          "[output][wrap]") {
  testing::PseudoTerminal terminal;  // no window size: $COLUMNS says
  const int fd = ::open(terminal.path().c_str(), O_WRONLY);
  REQUIRE(fd >= 0);
  ::setenv("COLUMNS", "10", 1);
  CHECK(output_width(std::nullopt, fd) == kNarrowestWidth);
  ::setenv("COLUMNS", "120", 1);
  CHECK(output_width(std::nullopt, fd) == 120);
  ::unsetenv("COLUMNS");
  CHECK(output_width(std::nullopt, fd) == 80);
  ::close(fd);
}

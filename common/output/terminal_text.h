// Makes document text safe to print on a terminal, and decides when to use colour.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/base/named_choices.h"

namespace briefsearch {

// Text from briefs may hold escape sequences that would drive the terminal (CWE-150).
// Escapes C0 controls (keeping '\n' and '\t' when keep_newlines), DEL, C1 controls and
// bidirectional overrides as visible "\x1b" or "\u{202e}" sequences, and replaces invalid
// UTF-8 with U+FFFD.
[[nodiscard]] std::string printable_text(std::string_view text, bool keep_newlines = false);

enum class ColorMode { kAuto, kAlways, kNever };

// Every colour mode by name, as brief-search --color accepts them.
inline constexpr std::array<NamedChoice<ColorMode>, 3> kColorModes = {{
    {"auto", ColorMode::kAuto, ""},
    {"always", ColorMode::kAlways, ""},
    {"never", ColorMode::kNever, ""},
}};

// The narrowest width text output is laid out for: a hit's first line ("10. 2025-07-15  ")
// and a hanging indent under it need room for the title beside them. --width refuses
// less; a narrower terminal gets lines this wide, which it folds itself.
inline constexpr std::size_t kNarrowestWidth = 40;

// The width text output wraps to (0: no wrapping): asked (--width) when given; else, when
// fd is a terminal, its width (TIOCGWINSZ), else $COLUMNS when it is a number, else 80,
// and at least kNarrowestWidth; else (a pipe or a file) 0: piped lines stay whole for
// grep, sort and pagers, as ripgrep and notmuch leave them, whatever $COLUMNS a shell
// exported.
[[nodiscard]] std::size_t output_width(std::optional<std::size_t> asked, int fd);

// kAuto colours only when fd is a terminal, NO_COLOR is unset or empty, and TERM is not
// "dumb".
[[nodiscard]] bool should_use_color(ColorMode mode, int fd);

}  // namespace briefsearch

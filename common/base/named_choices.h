// Tables of named choices (output formats, sort orders, facets): one table gives a
// program's accepted values, its --help text and the library's own lookups, so that the
// three cannot drift apart. A table is a std::array of rows, each with a `name` and a
// `value`, and, when --help says more about the choice, a `note`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefsearch {

// The row of a table that needs nothing more than a name and a note.
template <typename Value>
struct NamedChoice {
  std::string_view name;
  Value value;
  std::string_view note;  // empty, or what --help says in parentheses after the name
};

// The value whose row has this name (names are matched exactly), or nothing.
template <typename Table>
[[nodiscard]] constexpr auto choice_named(const Table& table, std::string_view name)
    -> std::optional<decltype(table.begin()->value)> {
  for (const auto& row : table) {
    if (row.name == name) return row.value;
  }
  return std::nullopt;
}

// The name of value's row, or "" when the table has none.
template <typename Table, typename Value>
[[nodiscard]] constexpr std::string_view choice_name(const Table& table, Value value) {
  for (const auto& row : table) {
    if (row.value == value) return row.name;
  }
  return {};
}

// Every name, in the table's order.
template <typename Table>
[[nodiscard]] std::vector<std::string> choice_names(const Table& table) {
  std::vector<std::string> names;
  for (const auto& row : table) names.emplace_back(row.name);
  return names;
}

// Name to value, for a command line parser that maps names itself.
template <typename Table>
[[nodiscard]] auto choice_map(const Table& table)
    -> std::map<std::string, decltype(table.begin()->value)> {
  std::map<std::string, decltype(table.begin()->value)> by_name;
  for (const auto& row : table) by_name.emplace(row.name, row.value);
  return by_name;
}

// The names as a sentence lists them, each followed by its note in parentheses when it
// has one: "text, paths (for terminals) or count".
template <typename Table>
[[nodiscard]] std::string choices_phrase(const Table& table) {
  std::string phrase;
  std::size_t index = 0;
  for (const auto& row : table) {
    if (index > 0) phrase += index + 1 == table.size() ? " or " : ", ";
    phrase += row.name;
    if constexpr (requires { row.note; }) {
      if (!row.note.empty()) phrase += " (" + std::string(row.note) + ")";
    }
    ++index;
  }
  return phrase;
}

}  // namespace briefsearch

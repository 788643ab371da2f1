// Checks for tables of named choices (common/base/named_choices.h).
#pragma once

#include <catch2/catch.hpp>
#include <cstddef>

namespace briefsearch::testing {

// The rows hold the enum's values in order from 0, so that none before the last is left
// out, and named (the library's lookup) finds each row's value by its name.
template <typename Table, typename Named>
void check_choice_rows(const Table& table, const Named& named) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    INFO(table[i].name);
    CHECK(static_cast<std::size_t>(table[i].value) == i);
    CHECK(named(table[i].name) == table[i].value);
  }
}

}  // namespace briefsearch::testing

#include "common/base/ordered_workers.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace briefsearch;

TEST_CASE("results arrive in item order whatever the thread count", "[ordered_workers]") {
  const std::size_t jobs = GENERATE(1, 2, 4, 8);
  std::vector<std::size_t> seen;
  run_in_order<std::size_t>(
      200, jobs, 16,
      [](std::size_t index, std::size_t) {
        // Later items finish first, so order comes from the consumer side.
        std::this_thread::sleep_for(std::chrono::microseconds((200 - index) % 7 * 50));
        return index * index;
      },
      [&](std::size_t index, std::size_t&& result) {
        CHECK(result == index * index);
        seen.push_back(index);
        return true;
      });
  REQUIRE(seen.size() == 200);
  for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
}

TEST_CASE("no more than the window of results waits unconsumed", "[ordered_workers]") {
  std::atomic<std::size_t> produced{0};
  std::size_t worst_lead = 0;
  run_in_order<int>(
      100, 4, 8,
      [&](std::size_t, std::size_t) {
        ++produced;
        return 0;
      },
      [&](std::size_t index, int&&) {
        worst_lead = std::max(worst_lead, produced.load() - index);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        return true;
      });
  // While item i is consumed, items i+1 .. i+8 may wait: 8 + 1 produced ahead of i.
  CHECK(worst_lead <= 9);
}

TEST_CASE("the consumer can stop early and a worker's exception reaches the caller",
          "[ordered_workers]") {
  std::size_t consumed = 0;
  run_in_order<int>(
      1000, 2, 4, [](std::size_t, std::size_t) { return 1; },
      [&](std::size_t index, int&&) {
        ++consumed;
        return index < 9;
      });
  CHECK(consumed == 10);

  std::size_t before_failure = 0;
  CHECK_THROWS_WITH(run_in_order<int>(
                        50, 3, 6,
                        [](std::size_t index, std::size_t) {
                          if (index == 20) throw std::runtime_error("item 20 failed");
                          return 0;
                        },
                        [&](std::size_t, int&&) {
                          ++before_failure;
                          return true;
                        }),
                    "item 20 failed");
  CHECK(before_failure == 20);
}

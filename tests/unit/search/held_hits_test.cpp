#include "common/search/held_hits.h"

#include <catch2/catch.hpp>

using namespace briefsearch;

namespace {

Hit hit_ranked(std::size_t rank) {
  Hit hit;
  hit.rank = rank;
  return hit;
}

}  // namespace

TEST_CASE("a streamed search's first hits are held until it may no longer start over",
          "[search][held]") {
  std::vector<std::size_t> received;
  const HitSink target = [&](const Hit& hit) {
    received.push_back(hit.rank);
    return true;
  };
  HeldHits held(target);
  const HitSink sink = held.sink();
  for (std::size_t rank = 1; rank < kHeldHits; ++rank) CHECK(sink(hit_ranked(rank)));
  CHECK(received.empty());
  CHECK(held.none_passed_on());
  // Starting over forgets what the abandoned attempt read.
  held.start_over();
  for (std::size_t rank = 1; rank <= kHeldHits + 5; ++rank) CHECK(sink(hit_ranked(rank)));
  CHECK_FALSE(held.none_passed_on());
  CHECK(received.size() == kHeldHits + 5);
  CHECK(received.front() == 1);
  CHECK(received.back() == kHeldHits + 5);
}

TEST_CASE("a short streamed search passes its hits on at the end, and a gone reader ends it",
          "[search][held]") {
  std::vector<std::size_t> received;
  HitSink target = [&](const Hit& hit) {
    received.push_back(hit.rank);
    return received.size() < 3;  // the reader goes after three lines
  };
  HeldHits held(target);
  const HitSink sink = held.sink();
  CHECK(sink(hit_ranked(1)));
  CHECK(sink(hit_ranked(2)));
  held.pass_on_rest();
  CHECK(received == std::vector<std::size_t>{1, 2});

  HeldHits many(target);
  const HitSink many_sink = many.sink();
  bool accepted = true;
  std::size_t given = 0;
  while (accepted && given < 3 * kHeldHits) accepted = many_sink(hit_ranked(++given));
  CHECK_FALSE(accepted);
  CHECK(given == kHeldHits);  // refused as soon as the held hits met the gone reader
  CHECK(received.size() == 3);
  many.pass_on_rest();
  CHECK(received.size() == 3);
}

TEST_CASE("without a target the search keeps its hits", "[search][held]") {
  const HitSink none;
  HeldHits held(none);
  CHECK_FALSE(held.sink());
  held.pass_on_rest();
}

// The first hits of a streamed search, held back until the search has read them or
// kHeldHits of them: a search that a writer overtakes early (common/store/reopen_retry.h)
// can then start over on the new revision without having written a hit it would write
// again, or one it would no longer find.
#pragma once

#include <cstddef>
#include <vector>

#include "common/search/search.h"

namespace briefsearch {

// How many hits a streamed search holds back: enough for a page of any size a person reads,
// few enough that the first line reaches `| head` at once.
inline constexpr std::size_t kHeldHits = 100;

class HeldHits {
 public:
  // target receives the hits in the end; it must outlive this. An empty target means the
  // search keeps its hits (sink() is empty too).
  explicit HeldHits(const HitSink& target) : target_(target) {}

  // The sink to give the search: holds the first kHeldHits hits, then passes on those and
  // every later one as it comes. Returns false once target has (the reader has gone).
  [[nodiscard]] HitSink sink();

  // Forgets the held hits, for a search that starts over; only while none_passed_on().
  void start_over() { held_.clear(); }

  // Whether target has received nothing yet, so the search may still start over.
  [[nodiscard]] bool none_passed_on() const { return !passed_on_; }

  // Passes on the hits still held, once the search has ended.
  void pass_on_rest();

 private:
  // Passes on the held hits; false when target refused one.
  bool pass_on_held();

  const HitSink& target_;
  std::vector<Hit> held_;
  bool passed_on_ = false;
  bool reader_gone_ = false;
};

}  // namespace briefsearch

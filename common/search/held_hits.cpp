#include "common/search/held_hits.h"

#include <utility>

namespace briefsearch {

HitSink HeldHits::sink() {
  if (!target_) return {};
  return [this](const Hit& hit) {
    if (reader_gone_) return false;
    if (passed_on_) {
      reader_gone_ = !target_(hit);
      return !reader_gone_;
    }
    held_.push_back(hit);
    if (held_.size() < kHeldHits) return true;
    return pass_on_held();
  };
}

bool HeldHits::pass_on_held() {
  passed_on_ = true;
  for (const Hit& hit : held_) {
    if (!target_(hit)) {
      reader_gone_ = true;
      break;
    }
  }
  held_.clear();
  return !reader_gone_;
}

void HeldHits::pass_on_rest() {
  if (target_ && !reader_gone_ && !held_.empty()) (void)pass_on_held();
}

}  // namespace briefsearch

// Random numbers for the corpus generator that are the same on every machine: only integer
// arithmetic (and correctly rounded sqrt and division), never std:: distributions, whose
// output is implementation-defined.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace briefsearch::gen_corpus {

// One step of SplitMix64: advances state and returns a well-mixed value.
inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// xoshiro256** seeded through SplitMix64. Not thread-safe; give each thread its own.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (std::uint64_t& word : state_) word = splitmix64(seed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound) for 0 < bound <= 2^32 (multiply-shift on the high 32 bits).
  std::uint64_t below(std::uint64_t bound) { return ((next() >> 32) * bound) >> 32; }

  // Uniform in [low, high], both included.
  int between(int low, int high) {
    return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1)));
  }

  // True with the given probability in percent.
  bool percent(unsigned chance) { return below(100) < chance; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

// Samples ranks 0..size-1 with probability proportional to 1 / (rank + 1 + offset)^1.0625
// (Zipf-Mandelbrot: an offset flattens the head of a short list). The
// exponent is 1 + 1/16 so that r^s = r * sqrt(sqrt(sqrt(sqrt(r)))): sqrt and division are
// correctly rounded in IEEE 754 (pow is not), and the weights are then summed as integers,
// so every machine builds the same table.
class ZipfTable {
 public:
  ZipfTable(std::size_t size, std::size_t offset) {
    cumulative_.reserve(size);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < size; ++i) {
      const double r = static_cast<double>(i + 1 + offset);
      const double r_to_s = r * std::sqrt(std::sqrt(std::sqrt(std::sqrt(r))));
      total += std::max<std::uint64_t>(1, static_cast<std::uint64_t>(kScale / r_to_s));
      cumulative_.push_back(total);
    }
  }

  [[nodiscard]] std::size_t sample(Random& random) const {
    const std::uint64_t point = random.below(cumulative_.back());
    return static_cast<std::size_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), point) - cumulative_.begin());
  }

 private:
  // Weight of rank 0. Totals stay far below 2^32 for any list we build (about 2^28 at 50,000
  // ranks), as Random::below requires.
  static constexpr double kScale = 16777216.0;
  std::vector<std::uint64_t> cumulative_;
};

// A list whose entries are drawn with Zipf frequencies, the first entry the most common.
template <typename T>
class Ranked {
 public:
  // items must not be empty.
  explicit Ranked(std::vector<T> items, std::size_t offset = 0)
      : items_(std::move(items)), zipf_(items_.size(), offset) {}

  [[nodiscard]] const T& pick(Random& random) const { return items_[zipf_.sample(random)]; }
  [[nodiscard]] const std::vector<T>& items() const { return items_; }

 private:
  std::vector<T> items_;
  ZipfTable zipf_;
};

}  // namespace briefsearch::gen_corpus

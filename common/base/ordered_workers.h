// Runs work items on several threads and hands the results to the calling thread in item
// order, so the outcome never depends on the number of threads.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace briefsearch {

namespace ordered_workers_internal {

// The shared state of one run_in_order: a ring of `window` slots that workers fill in
// claim order and the calling thread empties in index order.
template <typename Result>
class OrderedRun {
 public:
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr failure;
    bool ready = false;
  };

  OrderedRun(std::size_t count, std::size_t window) : count_(count), slots_(window) {}

  // The next index to produce, or nothing when every item is claimed or the run stops.
  std::optional<std::size_t> claim() {
    std::unique_lock lock(mutex_);
    slot_freed_.wait(lock, [&] {
      return stopping_ || next_to_claim_ >= count_ ||
             next_to_claim_ < next_to_consume_ + slots_.size();
    });
    if (stopping_ || next_to_claim_ >= count_) return std::nullopt;
    return next_to_claim_++;
  }

  void fill(std::size_t index, Slot produced) {
    produced.ready = true;
    std::lock_guard lock(mutex_);
    slots_[index % slots_.size()] = std::move(produced);
    slot_filled_.notify_all();
  }

  // Waits for index's slot and empties it.
  Slot take(std::size_t index) {
    Slot slot;
    {
      std::unique_lock lock(mutex_);
      Slot& waiting = slots_[index % slots_.size()];
      slot_filled_.wait(lock, [&] { return waiting.ready; });
      slot = std::move(waiting);
      waiting = Slot{};
      next_to_consume_ = index + 1;
    }
    slot_freed_.notify_all();
    return slot;
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    slot_freed_.notify_all();
  }

 private:
  const std::size_t count_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable slot_filled_;
  std::condition_variable slot_freed_;
  std::size_t next_to_claim_ = 0;
  std::size_t next_to_consume_ = 0;
  bool stopping_ = false;
};

}  // namespace ordered_workers_internal

// produce(index, worker) runs on worker threads (worker is 0..jobs-1, for per-thread
// state); consume(index, result) runs on the calling thread in index order and returns
// false to stop early. At most `window` results wait unconsumed, which bounds memory. An
// exception from produce is rethrown from here when its item's turn comes.
template <typename Result>
void run_in_order(std::size_t count, std::size_t jobs, std::size_t window,
                  const std::function<Result(std::size_t index, std::size_t worker)>& produce,
                  const std::function<bool(std::size_t index, Result&& result)>& consume) {
  if (count == 0) return;
  jobs = std::max<std::size_t>(1, jobs);
  ordered_workers_internal::OrderedRun<Result> run(count, std::max(window, jobs));
  using Slot = typename ordered_workers_internal::OrderedRun<Result>::Slot;
  auto work = [&](std::size_t worker) {
    while (const std::optional<std::size_t> index = run.claim()) {
      Slot produced;
      try {
        produced.result.emplace(produce(*index, worker));
      } catch (...) {
        produced.failure = std::current_exception();
      }
      run.fill(*index, std::move(produced));
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (std::size_t worker = 0; worker < jobs; ++worker) threads.emplace_back(work, worker);
  auto stop_workers = [&] {
    run.stop();
    for (std::thread& thread : threads) thread.join();
  };
  try {
    for (std::size_t index = 0; index < count; ++index) {
      Slot slot = run.take(index);
      if (slot.failure) std::rethrow_exception(slot.failure);
      if (!consume(index, std::move(*slot.result))) break;
    }
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
}

}  // namespace briefsearch

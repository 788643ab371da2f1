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
  window = std::max(window, jobs);
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr failure;
    bool ready = false;
  };
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable slot_filled;
  std::condition_variable slot_freed;
  std::size_t next_to_claim = 0;
  std::size_t next_to_consume = 0;
  bool stopping = false;

  auto work = [&](std::size_t worker) {
    while (true) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        slot_freed.wait(lock, [&] {
          return stopping || next_to_claim >= count || next_to_claim < next_to_consume + window;
        });
        if (stopping || next_to_claim >= count) return;
        index = next_to_claim++;
      }
      Slot produced;
      try {
        produced.result.emplace(produce(index, worker));
      } catch (...) {
        produced.failure = std::current_exception();
      }
      produced.ready = true;
      std::lock_guard lock(mutex);
      slots[index % window] = std::move(produced);
      slot_filled.notify_all();
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (std::size_t worker = 0; worker < jobs; ++worker) threads.emplace_back(work, worker);
  auto stop_workers = [&] {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    slot_freed.notify_all();
    for (std::thread& thread : threads) thread.join();
    threads.clear();
  };

  try {
    for (std::size_t index = 0; index < count; ++index) {
      Slot slot;
      {
        std::unique_lock lock(mutex);
        slot_filled.wait(lock, [&] { return slots[index % window].ready; });
        slot = std::move(slots[index % window]);
        slots[index % window] = Slot{};
        next_to_consume = index + 1;
      }
      slot_freed.notify_all();
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

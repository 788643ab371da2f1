// Applies document changes to a database in all-or-nothing transactions of a bounded
// size, and stops at a transaction boundary when asked to.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace briefsearch {

// Thrown by BatchWriter::counted_change when a stop was requested and the batch that just
// filled up has been committed: nothing is pending.
struct StoppedAtBatch {};

class BatchWriter {
 public:
  // Begins the first transaction. stop_requested may be null.
  BatchWriter(Xapian::WritableDatabase& database, std::size_t commit_every,
              const std::atomic<bool>* stop_requested)
      : database_(database), commit_every_(commit_every), stop_requested_(stop_requested) {
    database_.begin_transaction();
  }

  // Spelling words are counted here and written once per word per batch: one
  // add_spelling call per occurrence cost a quarter of the indexing time.
  void count_spelling(const std::vector<std::string>& words) {
    for (const std::string& word : words) ++spelling_[word];
  }

  // Call after each document change. Commits when the batch is full, then throws
  // StoppedAtBatch if a stop was requested.
  void counted_change() {
    if (++changes_ < commit_every_) return;
    commit();
    changes_ = 0;
    if (stop_requested_ != nullptr && stop_requested_->load()) throw StoppedAtBatch{};
    database_.begin_transaction();
  }

  // Deletes each document at most once: Xapian throws for a missing document, and any
  // exception from a modification discards the whole uncommitted batch.
  bool delete_once(Xapian::docid id) {
    if (!deleted_.insert(id).second) return false;
    database_.delete_document(id);
    counted_change();
    return true;
  }

  // Commits the open transaction.
  void finish() { commit(); }

 private:
  void commit() {
    for (const auto& [word, count] : spelling_) database_.add_spelling(word, count);
    spelling_.clear();
    database_.commit_transaction();
  }

  Xapian::WritableDatabase& database_;
  std::unordered_map<std::string, Xapian::termcount> spelling_;
  std::set<Xapian::docid> deleted_;
  std::size_t commit_every_;
  const std::atomic<bool>* stop_requested_;
  std::size_t changes_ = 0;
};

}  // namespace briefsearch

#pragma once
// Audit rows of many calls committed together. A read runs in a snapshot transaction, which takes
// no write lock and so runs beside other reads and writes, and leaves its audit row to this
// writer. Calls that arrive while one batch is being committed join the next one, which the
// first of them commits for all (leader and followers, as databases group their log flushes):
// one write transaction, and on SQLite one turn of the single writer, per batch instead of per
// read. Commit returns once the caller's rows are committed, so no read is answered before its
// row is stored.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "audit/audit_chain.hpp"
#include "db/database.hpp"

namespace assist::host {

class AuditGroupCommit {
 public:
  explicit AuditGroupCommit(Database& db) : db_(db) {}
  AuditGroupCommit(const AuditGroupCommit&) = delete;
  AuditGroupCommit& operator=(const AuditGroupCommit&) = delete;

  // Blocks until `rows` are committed in a batch. Throws what committing the batch threw (a
  // DatabaseFault, for instance): then none of the batch's rows was stored.
  void Commit(std::vector<AuditRecord> rows);

  // How many batches were committed, and how many rows they held (for tests and metrics).
  struct Totals {
    long long batches = 0;
    long long rows = 0;
  };
  Totals totals() const;
  // Whether a batch is being committed now, and the rows waiting for the next one.
  bool committing() const;
  std::size_t waiting_rows() const;

 private:
  struct Batch {
    std::vector<AuditRecord> rows;
    bool done = false;
    std::exception_ptr error;
  };
  void Write(Batch& batch);

  Database& db_;
  mutable std::mutex mutex_;
  std::condition_variable committed_;
  std::shared_ptr<Batch> open_;  // collecting rows; guarded by mutex_
  bool writing_ = false;         // a leader is committing a batch; guarded by mutex_
  Totals totals_;                // guarded by mutex_
};

}  // namespace assist::host

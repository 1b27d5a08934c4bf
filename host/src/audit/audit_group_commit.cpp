#include "audit/audit_group_commit.hpp"

#include <utility>

#include "audit/audit_log.hpp"
#include "ops/metrics.hpp"

namespace assist::host {

void AuditGroupCommit::Commit(std::vector<AuditRecord> rows) {
  if (rows.empty()) return;
  std::unique_lock lock(mutex_);
  if (!open_) open_ = std::make_shared<Batch>();
  std::shared_ptr<Batch> mine = open_;
  for (AuditRecord& row : rows) mine->rows.push_back(std::move(row));
  // A batch taken by a leader is done before the leader clears writing_, so a caller whose batch
  // is not done when nobody is writing finds it still open, and commits it for everyone in it.
  committed_.wait(lock, [&] { return mine->done || !writing_; });
  if (!mine->done) {
    writing_ = true;
    open_.reset();
    lock.unlock();
    Write(*mine);
    lock.lock();
    mine->done = true;
    writing_ = false;
    if (!mine->error) {
      HostMetrics().audit_batch_rows.Observe({}, static_cast<double>(mine->rows.size()));
      ++totals_.batches;
      totals_.rows += static_cast<long long>(mine->rows.size());
    }
    committed_.notify_all();
  }
  if (mine->error) std::rethrow_exception(mine->error);
}

void AuditGroupCommit::Write(Batch& batch) {
  try {
    db_.InTransaction([&](Transaction& tx) { AppendAuditRecords(tx, batch.rows); });
  } catch (...) {
    batch.error = std::current_exception();
  }
}

AuditGroupCommit::Totals AuditGroupCommit::totals() const {
  std::lock_guard lock(mutex_);
  return totals_;
}

}  // namespace assist::host

namespace assist::host {

bool AuditGroupCommit::committing() const {
  std::lock_guard lock(mutex_);
  return writing_;
}

std::size_t AuditGroupCommit::waiting_rows() const {
  std::lock_guard lock(mutex_);
  return open_ ? open_->rows.size() : 0;
}

}  // namespace assist::host

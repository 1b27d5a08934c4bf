// Reads' audit rows (audit/audit_group_commit.hpp): a snapshot transaction keeps its rows for
// another to write; rows of callers that arrive while a batch is being committed go together in
// the next one; every row ends in one unbroken chain; a batch that fails stores nothing and fails
// every caller in it, and the next batch goes through.
#include "audit/audit_group_commit.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "audit/audit_log.hpp"
#include "db/database_fault.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

Identity Auditor() {
  Identity who;
  who.actor_id = "anna";
  who.centre_id = "sopot";
  who.role = assist::v1::ROLE_AUDITOR;
  who.request_id = "req";
  return who;
}

// Polls `done` for up to four seconds (well within the lock time-out the held lock runs against).
template <typename Condition>
void WaitUntil(Condition done) {
  const auto patience = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  while (!done() && std::chrono::steady_clock::now() < patience) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

class AuditGroupCommitTest : public ::testing::TestWithParam<sdk::Backend> {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(GetParam());
    db_ = testing::MakeCoreDatabase(dir_, GetParam(), 4);
  }

  AuditRecord Row(long long case_id) {
    return MakeAuditRecord(Auditor(), "GetCase", case_id, AuditAction::kRead, "");
  }

  long long StoredRows() {
    long long rows = 0;
    db_->InTransaction([&](Transaction& tx) {
      tx.sql() << "SELECT COUNT(*) FROM audit_events WHERE centre_id = 'sopot'", soci::into(rows);
    });
    return rows;
  }

  void ExpectUnbrokenChain(long long rows) {
    TrailVerification trail;
    db_->InTransaction([&](Transaction& tx) { trail = VerifyTrail(tx.sql(), "sopot"); });
    EXPECT_FALSE(trail.first_break.has_value()) << trail.first_break->detail;
    EXPECT_EQ(trail.head.seq, rows);
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_P(AuditGroupCommitTest, ASnapshotKeepsItsRowsUntilTheyAreCommitted) {
  std::vector<AuditRecord> kept;
  db_->InTransaction(
      [&](Transaction& tx) {
        AppendAudit(tx, Auditor(), "GetCase", 7, AuditAction::kRead, "");
        AppendAudit(tx, Auditor(), "GetCase", 8, AuditAction::kRead, "");
        kept = TakeDeferredAudit(tx);
        EXPECT_TRUE(TakeDeferredAudit(tx).empty());
      },
      TransactionMode::kSnapshotRead);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].case_id, 7);
  EXPECT_EQ(kept[1].case_id, 8);
  EXPECT_EQ(StoredRows(), 0);

  AuditGroupCommit batches(*db_);
  batches.Commit(std::move(kept));
  EXPECT_EQ(StoredRows(), 2);
  ExpectUnbrokenChain(2);
}

TEST_P(AuditGroupCommitTest, CallersArrivingDuringACommitShareTheNextBatch) {
  AuditGroupCommit batches(*db_);
  batches.Commit({Row(1)});  // the trail's head exists from here on
  constexpr int kCallers = 6;
  std::vector<std::thread> callers;
  {
    // Holds what the first batch's writer needs: SQLite's writer turn, PostgreSQL's chain head.
    Transaction hold(*db_);
    if (GetParam() == sdk::Backend::kPostgresql) {
      hold.sql() << "SELECT seq FROM audit_chain_heads WHERE centre_id = 'sopot' FOR UPDATE";
    }
    callers.emplace_back([&] { batches.Commit({Row(100)}); });
    // The first caller leads (and waits for the lock); the others come while it waits.
    WaitUntil([&] { return batches.committing(); });
    for (int i = 1; i < kCallers; ++i) callers.emplace_back([&, i] { batches.Commit({Row(i)}); });
    WaitUntil([&] { return batches.waiting_rows() == kCallers - 1; });
    EXPECT_EQ(batches.waiting_rows(), static_cast<std::size_t>(kCallers - 1));
    hold.Commit();
  }
  for (auto& caller : callers) caller.join();
  // The first row alone, the row that led while the lock was held, then all the rest together.
  EXPECT_EQ(batches.totals().batches, 3);
  EXPECT_EQ(batches.totals().rows, kCallers + 1);
  EXPECT_EQ(StoredRows(), kCallers + 1);
  ExpectUnbrokenChain(kCallers + 1);
}

TEST_P(AuditGroupCommitTest, ManyCallersLoseNoRow) {
  AuditGroupCommit batches(*db_);
  constexpr int kThreads = 8;
  constexpr int kRowsEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRowsEach; ++i) batches.Commit({Row(t * 1000 + i)});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(batches.totals().rows, kThreads * kRowsEach);
  EXPECT_EQ(StoredRows(), kThreads * kRowsEach);
  ExpectUnbrokenChain(kThreads * kRowsEach);
}

TEST_P(AuditGroupCommitTest, AFailedBatchStoresNothingAndTheNextOneGoesThrough) {
  AuditGroupCommit batches(*db_);
  db_->InTransaction(
      [](Transaction& tx) { tx.sql() << "ALTER TABLE audit_events RENAME TO audit_events_away"; });
  EXPECT_THROW(batches.Commit({Row(1), Row(2)}), DatabaseFault);
  db_->InTransaction(
      [](Transaction& tx) { tx.sql() << "ALTER TABLE audit_events_away RENAME TO audit_events"; });
  EXPECT_EQ(StoredRows(), 0);
  batches.Commit({Row(3)});
  EXPECT_EQ(StoredRows(), 1);
  EXPECT_EQ(batches.totals().batches, 1);
  ExpectUnbrokenChain(1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditGroupCommitTest,
                         ::testing::ValuesIn(testing::TestBackends()), testing::BackendTestName);

}  // namespace
}  // namespace assist::host

// The audit trail's hash chain on each backend (audit/audit_log.hpp): appends chain each trail
// from sequence number 1 at COMMIT, concurrent appends leave one unbroken chain, rows stored
// before the chain began are its genesis, and rows rewritten, removed, reordered or forged
// directly in the database (as whoever holds the file or a superuser login could) are found at
// the first broken link.
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "audit/audit_log.hpp"
#include "db/core_schema.hpp"
#include "db/migrator.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

using testing::TempDir;

class AuditTrailTest : public ::testing::TestWithParam<sdk::Backend> {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(GetParam());
    db_ = testing::MakeCoreDatabase(dir_, GetParam(), 4);
  }

  static Identity In(const std::string& centre) {
    Identity who;
    who.actor_id = centre.empty() ? "operator" : "anna";
    who.centre_id = centre;
    who.role = centre.empty() ? assist::v1::ROLE_OPERATOR : assist::v1::ROLE_AUDITOR;
    who.request_id = "req";
    return who;
  }

  void Append(const std::string& centre, int rows, Database* db = nullptr) {
    for (int i = 0; i < rows; ++i) {
      (db ? *db : *db_).InTransaction([&](Transaction& tx) {
        AppendAudit(tx, In(centre), "GetCase", i + 1, AuditAction::kRead,
                    "row " + std::to_string(i));
      });
    }
  }

  TrailVerification Verify(const std::string& centre) {
    TrailVerification result;
    db_->InTransaction([&](Transaction& tx) { result = VerifyTrail(tx.sql(), centre); });
    return result;
  }

  // Runs `statements` with the trail's guards out of the way, as the file's holder or a
  // superuser can.
  void Tamper(const std::vector<std::string>& statements) {
    db_->InTransaction([&](Transaction& tx) {
      if (GetParam() == sdk::Backend::kSqlite) {
        for (const char* trigger :
             {"audit_events_no_update", "audit_events_no_delete", "audit_events_no_replace"}) {
          tx.sql() << std::string("DROP TRIGGER IF EXISTS ") + trigger;
        }
      } else {
        tx.sql() << "ALTER TABLE audit_events DISABLE TRIGGER USER";
      }
      for (const auto& statement : statements) tx.sql() << statement;
    });
  }

  long long IdAt(long long seq) {
    long long id = 0;
    soci::session sql(db_->pool());
    sql << "SELECT id FROM audit_events WHERE centre_id = 'sopot' AND seq = :s", soci::use(seq),
        soci::into(id);
    return id;
  }

  void ExpectBreak(const TrailVerification& found, assist::host::ChainBreakKind kind, long long seq,
                   long long event_id) {
    ASSERT_TRUE(found.first_break.has_value()) << "the trail was found intact";
    EXPECT_EQ(found.first_break->kind, kind) << found.first_break->detail;
    EXPECT_EQ(found.first_break->seq, seq) << found.first_break->detail;
    EXPECT_EQ(found.first_break->event_id, event_id) << found.first_break->detail;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_P(AuditTrailTest, EachTrailIsAChainFromOne) {
  Append("sopot", 3);
  Append("", 2);  // the platform trail
  Append("sopot", 1);
  const TrailVerification sopot = Verify("sopot");
  EXPECT_FALSE(sopot.first_break.has_value()) << sopot.first_break->detail;
  EXPECT_EQ(sopot.rows_checked, 4);
  EXPECT_EQ(sopot.head.seq, 4);
  const TrailVerification platform = Verify("");
  EXPECT_FALSE(platform.first_break.has_value()) << platform.first_break->detail;
  EXPECT_EQ(platform.head.seq, 2);

  soci::session sql(db_->pool());
  auto events = QueryAudit(sql, "sopot", 0, "", 0, 10);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].sequence(), 4);
  EXPECT_EQ(events[0].hash(), sopot.head.hash);
  EXPECT_EQ(events[3].sequence(), 1);
}

TEST_P(AuditTrailTest, OneTransactionAppendsToSeveralTrailsInItsOrder) {
  Append("sopot", 1);
  db_->InTransaction([&](Transaction& tx) {
    AppendAudit(tx, In("sopot"), "ListCentres", 0, AuditAction::kRead, "a");
    AppendAudit(tx, In(""), "GetCase", 0, AuditAction::kDenied, "b");
    AppendAudit(tx, In("sopot"), "ListCentres", 0, AuditAction::kRead, "c");
  });
  EXPECT_FALSE(Verify("sopot").first_break.has_value());
  EXPECT_EQ(Verify("sopot").head.seq, 3);
  EXPECT_FALSE(Verify("").first_break.has_value());
  EXPECT_EQ(Verify("").head.seq, 1);
  soci::session sql(db_->pool());
  const auto events = QueryAudit(sql, "sopot", 0, "", 0, 10);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].detail(), "c");
  EXPECT_EQ(events[0].sequence(), 3);
  EXPECT_EQ(events[1].detail(), "a");
  EXPECT_LT(events[1].id(), events[0].id());
}

// VerifyAuditTrail walks the trail in a snapshot read: appends commit meanwhile without waiting
// for it (on SQLite a write transaction would hold the write lock for the whole walk).
TEST_P(AuditTrailTest, VerifyingInASnapshotHoldsUpNoAppend) {
  Append("sopot", 3);
  db_->InTransaction(
      [&](Transaction& snapshot) {
        const TrailVerification before = VerifyTrail(snapshot.sql(), "sopot");
        Append("sopot", 1);  // another connection of the pool
        const TrailVerification again = VerifyTrail(snapshot.sql(), "sopot");
        EXPECT_EQ(again.head.seq, before.head.seq) << "one snapshot throughout";
        EXPECT_FALSE(again.first_break.has_value());
      },
      TransactionMode::kSnapshotRead);
  EXPECT_EQ(Verify("sopot").head.seq, 4);
}

TEST_P(AuditTrailTest, ARolledBackCallAppendsNothing) {
  Append("sopot", 2);
  EXPECT_THROW(db_->InTransaction([&](Transaction& tx) {
    AppendAudit(tx, In("sopot"), "GetCase", 1, AuditAction::kRead, "never stored");
    throw std::runtime_error("the call failed");
  }),
               std::runtime_error);
  Append("sopot", 1);
  const TrailVerification sopot = Verify("sopot");
  EXPECT_FALSE(sopot.first_break.has_value());
  EXPECT_EQ(sopot.head.seq, 3);
}

TEST_P(AuditTrailTest, ARewrittenRowIsFound) {
  Append("sopot", 5);
  Tamper(
      {"UPDATE audit_events SET detail = 'nothing happened' WHERE centre_id = 'sopot' AND "
       "seq = 3"});
  ExpectBreak(Verify("sopot"), ChainBreakKind::kContentRewritten, 3, IdAt(3));
  EXPECT_FALSE(Verify("").first_break.has_value()) << "other trails are not affected";
}

TEST_P(AuditTrailTest, ADeletedRowIsFound) {
  Append("sopot", 5);
  const long long after = IdAt(4);
  Tamper({"DELETE FROM audit_events WHERE centre_id = 'sopot' AND seq = 3"});
  ExpectBreak(Verify("sopot"), ChainBreakKind::kRowMissing, 3, after);
}

TEST_P(AuditTrailTest, DeletedLastRowsAreFound) {
  Append("sopot", 5);
  Tamper({"DELETE FROM audit_events WHERE centre_id = 'sopot' AND seq >= 4"});
  ExpectBreak(Verify("sopot"), ChainBreakKind::kRowMissing, 4, 0);
}

TEST_P(AuditTrailTest, ReorderedRowsAreFound) {
  Append("sopot", 5);
  const long long second = IdAt(3);
  Tamper({"UPDATE audit_events SET seq = -2 WHERE centre_id = 'sopot' AND seq = 2",
          "UPDATE audit_events SET seq = 2 WHERE centre_id = 'sopot' AND seq = 3",
          "UPDATE audit_events SET seq = 3 WHERE centre_id = 'sopot' AND seq = -2"});
  ExpectBreak(Verify("sopot"), ChainBreakKind::kRowsReordered, 2, second);
}

TEST_P(AuditTrailTest, AForgedRowIsFound) {
  Append("sopot", 3);
  Tamper(
      {"INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, detail, "
       "request_id, seq, hash) VALUES ('2026-12-01T08:00:00Z', 'anna', 4, 'sopot', 'GetCase', "
       "1, 'read', 'forged', 'req', 4, '" +
       std::string(64, 'a') + "')"});
  ExpectBreak(Verify("sopot"), ChainBreakKind::kForgedRow, 4, IdAt(4));
}

TEST_P(AuditTrailTest, TheHostsLoginCannotWindAHeadBack) {
  Append("sopot", 3);
  for (const char* attack : {"UPDATE audit_chain_heads SET seq = 1 WHERE centre_id = 'sopot'",
                             "UPDATE audit_chain_heads SET genesis_hash = '' WHERE centre_id = "
                             "'sopot'",
                             "DELETE FROM audit_chain_heads WHERE centre_id = 'sopot'"}) {
    EXPECT_THROW(db_->InTransaction([&](Transaction& tx) { tx.sql() << attack; }), DatabaseFault)
        << attack;
  }
  EXPECT_FALSE(Verify("sopot").first_break.has_value());
}

TEST_P(AuditTrailTest, ConcurrentAppendsLeaveOneChain) {
  constexpr int kThreads = 4;
  constexpr int kRows = 25;
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] { Append(t % 2 == 0 ? "sopot" : "", kRows); });
    }
  }
  for (const std::string centre : {"sopot", ""}) {
    const TrailVerification trail = Verify(centre);
    EXPECT_FALSE(trail.first_break.has_value()) << trail.first_break->detail;
    EXPECT_EQ(trail.head.seq, kThreads / 2 * kRows);
    EXPECT_EQ(trail.rows_checked, kThreads / 2 * kRows);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTrailTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

// A database from before the chain (core schema 6) with rows in it: they become the genesis of
// their trail, and rewriting one is found at sequence number 0.
class PreChainTrailTest : public ::testing::TestWithParam<sdk::Backend> {};

TEST_P(PreChainTrailTest, RowsFromBeforeTheChainAreItsGenesis) {
  ASSIST_REQUIRE_BACKEND(GetParam());
  TempDir dir;
  auto db = testing::MakeCoreDatabase(dir, GetParam(), 2, 6);
  db->InTransaction([](Transaction& tx) {
    for (const char* centre : {"sopot", "sopot", ""}) {
      const std::string c = centre;
      tx.sql() << "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, "
                  "detail, request_id) VALUES ('2026-01-01T00:00:00Z', 'a', 1, :c, 'GetCase', 1, "
                  "'read', 'old', 'r')",
          soci::use(c);
    }
  });
  ApplyMigrations(*db, "core", CoreMigrations());
  db->InTransaction([](Transaction& tx) {
    Identity who;
    who.actor_id = "anna";
    who.centre_id = "sopot";
    who.role = assist::v1::ROLE_HEAD;
    AppendAudit(tx, who, "GetCase", 1, AuditAction::kRead, "new");
  });
  TrailVerification trail;
  db->InTransaction([&](Transaction& tx) { trail = VerifyTrail(tx.sql(), "sopot"); });
  EXPECT_FALSE(trail.first_break.has_value()) << trail.first_break->detail;
  EXPECT_EQ(trail.pre_chain_rows, 2);
  EXPECT_EQ(trail.rows_checked, 3);
  EXPECT_EQ(trail.head.seq, 1);

  db->InTransaction([&](Transaction& tx) {
    if (GetParam() == sdk::Backend::kSqlite) {
      tx.sql() << "DROP TRIGGER audit_events_no_update";
    } else {
      tx.sql() << "ALTER TABLE audit_events DISABLE TRIGGER USER";
    }
    tx.sql() << "UPDATE audit_events SET detail = 'rewritten' WHERE seq = 0 AND centre_id = "
                "'sopot'";
  });
  db->InTransaction([&](Transaction& tx) { trail = VerifyTrail(tx.sql(), "sopot"); });
  ASSERT_TRUE(trail.first_break.has_value());
  EXPECT_EQ(trail.first_break->kind, ChainBreakKind::kContentRewritten);
  EXPECT_EQ(trail.first_break->seq, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PreChainTrailTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host

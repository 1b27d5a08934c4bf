// The data layer under faults: every database error leaves as a DatabaseFault of the right kind,
// uniqueness rules are the database's, and a PostgreSQL connection that the server dropped is
// reconnected (and the transaction run again) without the caller noticing.
#include "db/database.hpp"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace assist::host {
namespace {

using testing::TempDir;

class DatabaseTest : public ::testing::TestWithParam<sdk::Backend> {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(GetParam());
    db_ = testing::MakeCoreDatabase(dir_, GetParam());
  }

  // The fault `work` ends with; fails the test if it ends without one.
  DatabaseFault FaultOf(const std::function<void(Transaction&)>& work) {
    try {
      db_->InTransaction(work);
    } catch (const DatabaseFault& fault) {
      return fault;
    }
    ADD_FAILURE() << "no DatabaseFault";
    return DatabaseFault(FaultKind::kOther, "none");
  }

  void AddCentre(Transaction& tx, const std::string& id) {
    tx.sql() << "INSERT INTO centres (id, name, municipality, created_at) VALUES (:i, 'n', 'm', "
                "'2026-01-01')",
        soci::use(id);
  }

  long long AddPerson(Transaction& tx) {
    tx.sql() << "INSERT INTO people (centre_id, given_name, family_name, birth_date, created_at) "
                "VALUES ('c', 'Anna', 'Nowak', '1990-01-01', '2026-01-01')";
    long long id = 0;
    tx.sql() << "SELECT MAX(id) FROM people", soci::into(id);
    return id;
  }

  void AddCase(Transaction& tx, long long person_id, int status) {
    tx.sql() << "INSERT INTO cases (centre_id, type_id, person_id, status, referred_by, "
                "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
                "work_started_on, intake_version, plan_version, last_review_on, next_review_due, "
                "closed_on, closure_reason, monitoring_until, created_at, updated_at) VALUES "
                "('c', 'disability', :p, :s, 'w', '', '2026-01-01', '', '', 0, '', '', 0, 0, '', "
                "'', '', 0, '', '2026-01-01', '2026-01-01')",
        soci::use(person_id), soci::use(status);
  }

  void AddStaffMember(Transaction& tx, const std::string& centre, const std::string& login) {
    tx.sql() << "INSERT INTO staff_members (centre_id, login, full_name, staff_function, "
                "employment_form, working_time_permille, qualifications, active, created_at, "
                "updated_at) VALUES (:c, :l, :n, 1, 1, 1000, '', 1, 't', 't')",
        soci::use(centre), soci::use(login), soci::use(login);
  }

  void AddAssignment(Transaction& tx, long long case_id, const std::string& centre,
                     const std::string& login, int role, const std::string& from_on,
                     const std::string& to_on) {
    tx.sql() << "INSERT INTO case_assignments (case_id, centre_id, login, role, from_on, to_on, "
                "assigned_by, assigned_at, ended_by, ended_at) VALUES (:id, :c, :l, :r, :f, :t, "
                "'head', 't', '', '')",
        soci::use(case_id), soci::use(centre), soci::use(login), soci::use(role),
        soci::use(from_on), soci::use(to_on);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_P(DatabaseTest, ASecondCentreWithOneIdBreaksTheCentreRule) {
  db_->InTransaction([&](Transaction& tx) { AddCentre(tx, "sopot"); });
  const DatabaseFault fault = FaultOf([&](Transaction& tx) { AddCentre(tx, "sopot"); });
  EXPECT_EQ(fault.kind(), FaultKind::kUniqueViolation) << fault.what();
  EXPECT_EQ(UniqueRuleOf(fault.constraint()), "centre") << fault.constraint();
}

TEST_P(DatabaseTest, TheDatabaseHoldsOneOpenCasePerPersonAndType) {
  long long person = 0;
  db_->InTransaction([&](Transaction& tx) {
    AddCentre(tx, "c");
    person = AddPerson(tx);
    AddCase(tx, person, 1);  // open
    AddCase(tx, person, 2);  // closed cases do not count
  });
  const DatabaseFault fault = FaultOf([&](Transaction& tx) { AddCase(tx, person, 1); });
  EXPECT_EQ(fault.kind(), FaultKind::kUniqueViolation) << fault.what();
  EXPECT_EQ(UniqueRuleOf(fault.constraint()),
            "an open case of this assistance type for this person")
      << fault.constraint();
  int open = 0;
  db_->InTransaction([&](Transaction& tx) {
    tx.sql() << "SELECT COUNT(*) FROM cases WHERE status = 1", soci::into(open);
  });
  EXPECT_EQ(open, 1) << "the refused row must not stay";
}

// The assignment history's rules (core migration 13) are the database's: one current primary per
// case, one current assignment per login and case, a last day never before the first, a known
// role, and the assistant a member of the register of the case's own centre.
TEST_P(DatabaseTest, TheDatabaseHoldsTheAssignmentRules) {
  long long case_id = 0;
  db_->InTransaction([&](Transaction& tx) {
    AddCentre(tx, "c");
    AddCentre(tx, "d");
    AddCase(tx, AddPerson(tx), 1);
    tx.sql() << "SELECT MAX(id) FROM cases", soci::into(case_id);
    for (const char* login : {"ola", "ewa", "ada"}) AddStaffMember(tx, "c", login);
    AddStaffMember(tx, "d", "jan");
    AddAssignment(tx, case_id, "c", "ola", 1, "2026-01-01", "");
    AddAssignment(tx, case_id, "c", "ewa", 1, "2025-01-01", "2025-12-31");  // an ended primary
  });
  DatabaseFault fault = FaultOf(
      [&](Transaction& tx) { AddAssignment(tx, case_id, "c", "ewa", 1, "2026-02-01", ""); });
  EXPECT_EQ(fault.kind(), FaultKind::kUniqueViolation) << fault.what();
  EXPECT_EQ(UniqueRuleOf(fault.constraint()), "a current primary assistant of this case")
      << fault.constraint();
  fault = FaultOf(
      [&](Transaction& tx) { AddAssignment(tx, case_id, "c", "ola", 2, "2026-02-01", ""); });
  EXPECT_EQ(fault.kind(), FaultKind::kUniqueViolation) << fault.what();
  EXPECT_EQ(UniqueRuleOf(fault.constraint()),
            "a current assignment of this staff member to this case")
      << fault.constraint();
  const std::vector<std::function<void(Transaction&)>> refused = {
      [&](Transaction& tx) {
        AddAssignment(tx, case_id, "c", "ada", 2, "2026-02-01", "2026-01-31");
      },
      [&](Transaction& tx) { AddAssignment(tx, case_id, "c", "ada", 4, "2026-02-01", ""); },
      [&](Transaction& tx) { AddAssignment(tx, case_id, "c", "ada", 2, "", ""); },
      [&](Transaction& tx) { AddAssignment(tx, case_id, "c", "jan", 2, "2026-02-01", ""); },
      [&](Transaction& tx) { AddAssignment(tx, case_id, "d", "jan", 2, "2026-02-01", ""); },
      [&](Transaction& tx) { AddAssignment(tx, case_id + 1, "c", "ada", 2, "2026-02-01", ""); },
  };
  for (std::size_t i = 0; i < refused.size(); ++i) {
    EXPECT_THROW(db_->InTransaction(refused[i]), DatabaseFault) << "statement " << i;
  }
  // Ending the current primary makes room for the next one.
  db_->InTransaction([&](Transaction& tx) {
    tx.sql() << "UPDATE case_assignments SET to_on = '2026-01-31' WHERE login = 'ola'";
    AddAssignment(tx, case_id, "c", "ada", 1, "2026-02-01", "");
  });
  int current = 0;
  db_->InTransaction([&](Transaction& tx) {
    tx.sql() << "SELECT COUNT(*) FROM case_assignments WHERE to_on = ''", soci::into(current);
  });
  EXPECT_EQ(current, 1);
}

TEST_P(DatabaseTest, OtherErrorsAreNotMistakenForOutages) {
  const DatabaseFault fault =
      FaultOf([](Transaction& tx) { tx.sql() << "SELECT no_such_column FROM centres"; });
  EXPECT_EQ(fault.kind(), FaultKind::kOther) << fault.what();
}

TEST_P(DatabaseTest, DomainErrorsPassThroughAfterTheRollback) {
  EXPECT_THROW(db_->InTransaction([&](Transaction& tx) {
    AddCentre(tx, "gone");
    throw std::runtime_error("refused");
  }),
               std::runtime_error);
  int count = 1;
  db_->InTransaction([&](Transaction& tx) {
    tx.sql() << "SELECT COUNT(*) FROM centres WHERE id = 'gone'", soci::into(count);
  });
  EXPECT_EQ(count, 0);
}

// The trail refuses whatever rewrites it, in the schema itself: REPLACE and UPSERT on an existing
// row (SQLite fires no DELETE/UPDATE trigger for them), TRUNCATE (PostgreSQL fires no row trigger).
TEST_P(DatabaseTest, TheAuditTrailRefusesReplaceUpsertAndTruncate) {
  const std::string columns =
      "INSERT INTO audit_events (id, at, actor_id, role, centre_id, rpc, case_id, action, detail, "
      "request_id) ";
  db_->InTransaction([&](Transaction& tx) {
    tx.sql() << "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, "
                "detail, request_id) VALUES ('t', 'a', 1, 'c', 'GetCase', 1, 'read', 'd', 'r')";
  });
  long long id = 0;
  db_->InTransaction(
      [&](Transaction& tx) { tx.sql() << "SELECT MAX(id) FROM audit_events", soci::into(id); });
  const std::string row = "VALUES (" + std::to_string(id) +
                          ", 't', 'x', 1, 'c', 'GetCase', 1, 'read', 'rewritten', 'r')";
  std::vector<std::string> attacks = {
      columns + row + " ON CONFLICT (id) DO UPDATE SET detail = 'rewritten'",
      "TRUNCATE audit_events"};
  if (GetParam() == sdk::Backend::kSqlite) {
    attacks = {"INSERT OR REPLACE " + columns.substr(7) + row, "REPLACE " + columns.substr(7) + row,
               columns + row + " ON CONFLICT (id) DO UPDATE SET detail = 'rewritten'",
               "DELETE FROM audit_events"};
  }
  for (const std::string& attack : attacks) {
    EXPECT_THROW(db_->InTransaction([&](Transaction& tx) { tx.sql() << attack; }), DatabaseFault)
        << attack;
  }
  std::string detail;
  db_->InTransaction([&](Transaction& tx) {
    tx.sql() << "SELECT detail FROM audit_events WHERE id = :i", soci::use(id), soci::into(detail);
  });
  EXPECT_EQ(detail, "d");
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

TEST(SqliteFaultTest, AWriterPastTheLockTimeoutIsALockTimeout) {
  TempDir dir;
  const std::string file = (dir.path() / "locked.db").string();
  Database db(sdk::Backend::kSqlite, file, 1, /*lock_timeout_ms=*/50);
  soci::session other(soci::sqlite3, "db=\"" + file + "\"");
  other << "BEGIN IMMEDIATE";
  try {
    db.InTransaction([](Transaction& tx) { tx.sql() << "CREATE TABLE t (x INTEGER)"; });
    ADD_FAILURE() << "the lock was not noticed";
  } catch (const DatabaseFault& fault) {
    EXPECT_EQ(fault.kind(), FaultKind::kLockTimeout) << fault.what();
  }
  other << "ROLLBACK";
  db.InTransaction([](Transaction& tx) { tx.sql() << "CREATE TABLE t (x INTEGER)"; });
}

TEST(SqliteFaultTest, AFullDatabaseIsStorageFullAndRecovers) {
  TempDir dir;
  Database db(sdk::Backend::kSqlite, (dir.path() / "full.db").string(), 1);
  db.InTransaction([](Transaction& tx) { tx.sql() << "CREATE TABLE t (x TEXT)"; });
  int pages = 0;
  db.InTransaction([&](Transaction& tx) { tx.sql() << "PRAGMA page_count", soci::into(pages); });
  // The file may not grow: SQLite answers SQLITE_FULL exactly as for a full disk.
  db.InTransaction(
      [&](Transaction& tx) { tx.sql() << "PRAGMA max_page_count = " + std::to_string(pages); });
  try {
    const std::string big(100000, 'x');  // bound by reference: must outlive the statement
    db.InTransaction(
        [&](Transaction& tx) { tx.sql() << "INSERT INTO t (x) VALUES (:x)", soci::use(big); });
    ADD_FAILURE() << "the full database was not noticed";
  } catch (const DatabaseFault& fault) {
    EXPECT_EQ(fault.kind(), FaultKind::kStorageFull) << fault.what();
  }
  db.InTransaction([&](Transaction& tx) { tx.sql() << "PRAGMA max_page_count = 1000000"; });
  db.InTransaction([](Transaction& tx) { tx.sql() << "INSERT INTO t (x) VALUES ('fits')"; });
}

class PostgresqlReconnectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(sdk::Backend::kPostgresql);
    db_ = testing::MakeCoreDatabase(dir_, sdk::Backend::kPostgresql);
  }

  // What a server restart does to every connection of the pool: the server ends them.
  void DropEveryOtherConnection(Transaction& tx) {
    tx.sql() << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
                "current_database() AND pid <> pg_backend_pid()";
  }

  void AddStaffMember(Transaction& tx, const std::string& centre, const std::string& login) {
    tx.sql() << "INSERT INTO staff_members (centre_id, login, full_name, staff_function, "
                "employment_form, working_time_permille, qualifications, active, created_at, "
                "updated_at) VALUES (:c, :l, :n, 1, 1, 1000, '', 1, 't', 't')",
        soci::use(centre), soci::use(login), soci::use(login);
  }

  void AddAssignment(Transaction& tx, long long case_id, const std::string& centre,
                     const std::string& login, int role, const std::string& from_on,
                     const std::string& to_on) {
    tx.sql() << "INSERT INTO case_assignments (case_id, centre_id, login, role, from_on, to_on, "
                "assigned_by, assigned_at, ended_by, ended_at) VALUES (:id, :c, :l, :r, :f, :t, "
                "'head', 't', '', '')",
        soci::use(case_id), soci::use(centre), soci::use(login), soci::use(role),
        soci::use(from_on), soci::use(to_on);
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(PostgresqlReconnectTest, ConnectionsTheServerDroppedAreReconnected) {
  // Pool of 2: drop the other connection from this one, then this one from a fresh one.
  db_->InTransaction([&](Transaction& tx) { DropEveryOtherConnection(tx); });
  EXPECT_TRUE(db_->Ping());  // the ping's connection is the one dropped next
  db_->InTransaction([&](Transaction& tx) { DropEveryOtherConnection(tx); });
  for (int i = 0; i < 6; ++i) {
    int one = 0;
    EXPECT_NO_THROW(db_->InTransaction([&](Transaction& tx) {
      tx.sql() << "SELECT 1", soci::into(one);
    })) << "call "
        << i;
    EXPECT_EQ(one, 1);
  }
  EXPECT_TRUE(db_->Ping());
}

TEST_F(PostgresqlReconnectTest, ATransactionCutOffBeforeCommitRunsOnceMore) {
  int attempts = 0;
  db_->InTransaction([&](Transaction& tx) {
    ++attempts;
    tx.sql() << "INSERT INTO centres (id, name, municipality, created_at) VALUES ('once', 'n', "
                "'m', 't')";
    if (attempts > 1) return;
    // The server ends this very connection mid-transaction, as a restart would; the pool's other
    // connection does it and waits until the backend is gone.
    int pid = 0;
    tx.sql() << "SELECT pg_backend_pid()", soci::into(pid);
    db_->InTransaction([&](Transaction& other) {
      other.sql() << "SELECT pg_terminate_backend(:p)", soci::use(pid);
      int alive = 1;
      for (int i = 0; i < 250 && alive > 0; ++i) {
        other.sql() << "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :p", soci::use(pid),
            soci::into(alive);
        if (alive > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    });
    tx.sql() << "SELECT 1";  // fails: the connection is gone
  });
  EXPECT_EQ(attempts, 2);
  int stored = 0;
  db_->InTransaction([&](Transaction& tx) {
    tx.sql() << "SELECT COUNT(*) FROM centres WHERE id = 'once'", soci::into(stored);
  });
  EXPECT_EQ(stored, 1) << "the first attempt must have left nothing, the second its row";
}

}  // namespace
}  // namespace assist::host

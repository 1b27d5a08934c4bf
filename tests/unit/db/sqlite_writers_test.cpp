// The writers of one host take turns for SQLite's write lock instead of colliding on it and
// sleeping in SQLite's busy handler; the lock time-out still bounds how long a writer waits, for
// its turn and for another process's lock together.
#include <gtest/gtest.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "db/database.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

using std::chrono::milliseconds;
using testing::TempDir;

std::atomic<int> busy_calls{0};

// Counts every time SQLite finds the file locked by another connection, and waits as SQLite's
// own busy time-out would (1 ms steps, up to 10 s).
int CountingBusyHandler(void*, int count) {
  ++busy_calls;
  if (count > 10000) return 0;
  std::this_thread::sleep_for(milliseconds(1));
  return 1;
}

void CountLockWaits(Database& db) {
  for (std::size_t i = 0; i != db.pool_size(); ++i) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(db.pool().at(i).get_backend());
    sqlite_api::sqlite3_busy_handler(backend->conn_, &CountingBusyHandler, nullptr);
  }
}

DatabaseFault FaultOf(Database& db, const std::function<void(Transaction&)>& work) {
  try {
    db.InTransaction(work);
  } catch (const DatabaseFault& fault) {
    return fault;
  }
  ADD_FAILURE() << "no DatabaseFault";
  return DatabaseFault(FaultKind::kOther, "none");
}

TEST(SqliteWritersTest, ConcurrentWritersOfOneHostNeverWaitForTheFileLock) {
  TempDir dir;
  Database db(sdk::Backend::kSqlite, (dir.path() / "writers.db").string(), 8);
  db.InTransaction([](Transaction& tx) { tx.sql() << "CREATE TABLE t (x INTEGER)"; });
  busy_calls = 0;
  CountLockWaits(db);
  constexpr int kThreads = 8, kWrites = 40;
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&db, t] {
      for (int i = 0; i < kWrites; ++i) {
        db.InTransaction([&](Transaction& tx) {
          const int x = t * kWrites + i;
          tx.sql() << "INSERT INTO t (x) VALUES (:x)", soci::use(x);
          // Holding the lock a little widens the window in which another writer would collide.
          std::this_thread::sleep_for(std::chrono::microseconds(200));
        });
      }
    });
  }
  for (auto& writer : writers) writer.join();
  int rows = 0;
  db.InTransaction(
      [&](Transaction& tx) { tx.sql() << "SELECT COUNT(*) FROM t", soci::into(rows); });
  EXPECT_EQ(rows, kThreads * kWrites);
  EXPECT_EQ(busy_calls.load(), 0) << "writers of one host collided on SQLite's lock";
}

TEST(SqliteWritersTest, SnapshotReadsDoNotWaitForTheWriterTurn) {
  TempDir dir;
  Database db(sdk::Backend::kSqlite, (dir.path() / "reads.db").string(), 2, 100);
  db.InTransaction([](Transaction& tx) { tx.sql() << "CREATE TABLE t (x INTEGER)"; });
  db.InTransaction([&](Transaction& writer) {
    writer.sql() << "INSERT INTO t (x) VALUES (1)";
    int rows = -1;
    // On this thread a write would wait for the turn held above and time out; a read does not.
    EXPECT_NO_THROW(db.InTransaction(
        [&](Transaction& reader) { reader.sql() << "SELECT COUNT(*) FROM t", soci::into(rows); },
        TransactionMode::kSnapshotRead));
    EXPECT_EQ(rows, 0) << "the read sees the last committed state";
  });
}

TEST(SqliteWritersTest, AWriterWhoseTurnDoesNotComeInTimeIsALockTimeout) {
  TempDir dir;
  Database db(sdk::Backend::kSqlite, (dir.path() / "turn.db").string(), 2,
              /*lock_timeout_ms=*/100);
  db.InTransaction([](Transaction& tx) { tx.sql() << "CREATE TABLE t (x INTEGER)"; });
  std::atomic<bool> holding{false};
  std::thread slow([&] {
    db.InTransaction([&](Transaction& tx) {
      tx.sql() << "INSERT INTO t (x) VALUES (1)";
      holding = true;
      std::this_thread::sleep_for(milliseconds(600));
    });
  });
  while (!holding) std::this_thread::sleep_for(milliseconds(1));
  const auto asked = std::chrono::steady_clock::now();
  const DatabaseFault fault =
      FaultOf(db, [](Transaction& tx) { tx.sql() << "INSERT INTO t (x) VALUES (2)"; });
  const auto waited = std::chrono::steady_clock::now() - asked;
  slow.join();
  EXPECT_EQ(fault.kind(), FaultKind::kLockTimeout) << fault.what();
  EXPECT_GE(waited, milliseconds(100));
  EXPECT_LT(waited, milliseconds(500)) << "the writer waited past its lock time-out";
  int rows = 0;
  db.InTransaction(
      [&](Transaction& tx) { tx.sql() << "SELECT COUNT(*) FROM t", soci::into(rows); });
  EXPECT_EQ(rows, 1);
}

// Another process holds the lock throughout: the writer that has the turn waits for it the whole
// time-out, and the one queued behind it may not then wait a time-out of its own on top.
TEST(SqliteWritersTest, TheWaitForTheTurnCountsAgainstTheLockTimeout) {
  TempDir dir;
  const std::string file = (dir.path() / "other.db").string();
  constexpr int kTimeoutMs = 300;
  Database db(sdk::Backend::kSqlite, file, 2, kTimeoutMs);
  db.InTransaction([](Transaction& tx) { tx.sql() << "CREATE TABLE t (x INTEGER)"; });
  soci::session other(soci::sqlite3, "db=\"" + file + "\"");
  other << "BEGIN IMMEDIATE";
  std::vector<std::chrono::steady_clock::duration> waited(3);
  std::vector<FaultKind> kinds(3, FaultKind::kOther);
  std::vector<std::thread> writers;
  for (std::size_t i = 0; i != waited.size(); ++i) {
    writers.emplace_back([&, i] {
      const auto asked = std::chrono::steady_clock::now();
      kinds[i] =
          FaultOf(db, [](Transaction& tx) { tx.sql() << "INSERT INTO t (x) VALUES (1)"; }).kind();
      waited[i] = std::chrono::steady_clock::now() - asked;
    });
  }
  for (auto& writer : writers) writer.join();
  other << "ROLLBACK";
  for (std::size_t i = 0; i != waited.size(); ++i) {
    EXPECT_EQ(kinds[i], FaultKind::kLockTimeout) << "writer " << i;
    EXPECT_LT(waited[i], milliseconds(kTimeoutMs * 3 / 2)) << "writer " << i;
  }
  db.InTransaction([](Transaction& tx) { tx.sql() << "INSERT INTO t (x) VALUES (1)"; });
}

}  // namespace
}  // namespace assist::host

// Statements prepared once per pooled connection are run again with new bindings, on both
// backends: strings, BIGINTs, NULLs both ways, no row, several rows, a statement reused while its
// own rows are read; the cache is bounded, and on PostgreSQL it is dropped with a connection the
// server ended, the next transaction preparing again on the new one.
#include "db/statement_cache.hpp"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

using testing::TempDir;

class StatementCacheTest : public ::testing::TestWithParam<sdk::Backend> {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(GetParam());
    db_ = testing::MakeCoreDatabase(dir_, GetParam(), /*pool_size=*/1);
    db_->InTransaction([](Transaction& tx) {
      tx.sql() << "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT, parent BIGINT)";
    });
  }

  void Insert(Transaction& tx, long long id, const std::string& body,
              std::optional<long long> parent) {
    long long parent_value = parent.value_or(0);
    soci::indicator parent_ind = parent ? soci::i_ok : soci::i_null;
    tx.Prepared("INSERT INTO notes (id, body, parent) VALUES (:id, :body, :parent)")
        .Bind(soci::use(id), soci::use(body), soci::use(parent_value, parent_ind))
        .Execute();
  }

  struct Note {
    std::string body;
    std::optional<long long> parent;
  };
  std::optional<Note> Find(Transaction& tx, long long id) {
    Note note;
    long long parent = -1;
    soci::indicator parent_ind = soci::i_ok;
    const bool found =
        tx.Prepared("SELECT body, parent FROM notes WHERE id = :id")
            .Bind(soci::use(id), soci::into(note.body), soci::into(parent, parent_ind))
            .Execute();
    if (!found) return std::nullopt;
    note.parent = Nullable(parent, parent_ind);
    return note;
  }

  // The backend's handle of a prepared statement: the same one means it was not prepared again.
  std::string Identity(PreparedStatement& st) {
    if (GetParam() == sdk::Backend::kSqlite) {
      auto* lite = static_cast<soci::sqlite3_statement_backend*>(st.statement().get_backend());
      return std::to_string(reinterpret_cast<std::uintptr_t>(lite->stmt_));
    }
    return static_cast<soci::postgresql_statement_backend*>(st.statement().get_backend())
        ->statementName_;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_P(StatementCacheTest, AStatementIsPreparedOnceAndBoundAnewEachTime) {
  db_->InTransaction([&](Transaction& tx) {
    Insert(tx, 1, "first", std::nullopt);
    Insert(tx, 2, "zwei \xc5\xbc\xc3\xb3\xc5\x82w", 1);
    Insert(tx, 3, "", 9000000000LL);
  });
  db_->InTransaction([&](Transaction& tx) {
    auto one = Find(tx, 1);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->body, "first");
    EXPECT_FALSE(one->parent) << "NULL read as NULL";
    auto two = Find(tx, 2);
    ASSERT_TRUE(two);
    EXPECT_EQ(two->body, "zwei \xc5\xbc\xc3\xb3\xc5\x82w");
    EXPECT_EQ(two->parent, 1);
    auto three = Find(tx, 3);
    ASSERT_TRUE(three);
    EXPECT_EQ(three->body, "");
    EXPECT_EQ(three->parent, 9000000000LL);
    EXPECT_FALSE(Find(tx, 4)) << "no row";
    EXPECT_TRUE(Find(tx, 1)) << "found again after a miss";
  });
  std::string first, second;
  db_->InTransaction([&](Transaction& tx) {
    PreparedStatement st = tx.Prepared("SELECT body, parent FROM notes WHERE id = :id");
    first = Identity(st);
  });
  db_->InTransaction([&](Transaction& tx) {
    PreparedStatement st = tx.Prepared("SELECT body, parent FROM notes WHERE id = :id");
    second = Identity(st);
  });
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second) << "prepared again instead of reused";
}

TEST_P(StatementCacheTest, SeveralRowsAreFetchedAndTheStatementRunsAgain) {
  db_->InTransaction([&](Transaction& tx) {
    for (long long id = 1; id <= 5; ++id) Insert(tx, id, "n" + std::to_string(id), id - 1);
  });
  const auto bodies_from = [&](Transaction& tx, long long from) {
    std::vector<std::string> bodies;
    std::string body;
    PreparedStatement st = tx.Prepared("SELECT body FROM notes WHERE id >= :f ORDER BY id");
    if (st.Bind(soci::use(from), soci::into(body)).Execute()) {
      do {
        bodies.push_back(body);
      } while (st.Fetch());
    }
    return bodies;
  };
  db_->InTransaction([&](Transaction& tx) {
    EXPECT_EQ(bodies_from(tx, 3), (std::vector<std::string>{"n3", "n4", "n5"}));
    EXPECT_EQ(bodies_from(tx, 5), (std::vector<std::string>{"n5"}));
    EXPECT_TRUE(bodies_from(tx, 6).empty());
    EXPECT_EQ(bodies_from(tx, 1).size(), 5U);
  });
  // A statement left on its first row is reset when given back: the next write transaction on
  // the connection is not refused for holding an old read snapshot.
  db_->InTransaction([&](Transaction& tx) {
    std::string body;
    long long from = 1;
    tx.Prepared("SELECT body FROM notes WHERE id >= :f ORDER BY id")
        .Bind(soci::use(from), soci::into(body))
        .Execute();
  });
  db_->InTransaction([&](Transaction& tx) { Insert(tx, 6, "n6", std::nullopt); });
  db_->InTransaction([&](Transaction& tx) { EXPECT_EQ(bodies_from(tx, 1).size(), 6U); });
}

TEST_P(StatementCacheTest, AStatementUsedWhileItsRowsAreReadGetsASecondOne) {
  db_->InTransaction([&](Transaction& tx) {
    Insert(tx, 1, "root", std::nullopt);
    Insert(tx, 2, "child", 1);
  });
  db_->InTransaction([&](Transaction& tx) {
    const std::string sql = "SELECT id, body FROM notes WHERE id >= :f ORDER BY id";
    long long outer_from = 1, outer_id = 0;
    std::string outer_body;
    PreparedStatement outer = tx.Prepared(sql);
    ASSERT_TRUE(
        outer.Bind(soci::use(outer_from), soci::into(outer_id), soci::into(outer_body)).Execute());
    long long inner_from = 2, inner_id = 0;
    std::string inner_body;
    ASSERT_TRUE(tx.Prepared(sql)
                    .Bind(soci::use(inner_from), soci::into(inner_id), soci::into(inner_body))
                    .Execute());
    EXPECT_EQ(inner_body, "child");
    EXPECT_EQ(outer_body, "root");
    ASSERT_TRUE(outer.Fetch());
    EXPECT_EQ(outer_id, 2);
    EXPECT_FALSE(outer.Fetch());
  });
}

TEST_P(StatementCacheTest, ErrorsOfACachedStatementAreFaultsAndItStaysUsable) {
  db_->InTransaction([&](Transaction& tx) { Insert(tx, 1, "one", std::nullopt); });
  EXPECT_THROW(db_->InTransaction([&](Transaction& tx) { Insert(tx, 1, "again", std::nullopt); }),
               DatabaseFault);
  db_->InTransaction([&](Transaction& tx) { Insert(tx, 2, "two", std::nullopt); });
  db_->InTransaction([&](Transaction& tx) {
    auto two = Find(tx, 2);
    ASSERT_TRUE(two);
    EXPECT_EQ(two->body, "two");
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, StatementCacheTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

TEST(StatementCacheBoundTest, TheLeastRecentlyUsedIdleStatementMakesRoom) {
  TempDir dir;
  soci::session session(soci::sqlite3, "db=\"" + (dir.path() / "bound.db").string() + "\"");
  StatementCache cache(2);
  StatementCache::Entry* a = cache.Acquire(session, "SELECT 1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(cache.Acquire(session, "SELECT 1"), nullptr) << "in use: the caller needs its own";
  StatementCache::Entry* b = cache.Acquire(session, "SELECT 2");
  b->in_use = false;
  cache.Acquire(session, "SELECT 3")->in_use = false;  // drops SELECT 2, not the busy SELECT 1
  EXPECT_EQ(cache.size(), 2U);
  EXPECT_EQ(cache.Acquire(session, "SELECT 1"), nullptr) << "SELECT 1 was kept";
  a->in_use = false;
  cache.Acquire(session, "SELECT 2")->in_use = false;  // prepared again; drops SELECT 3
  EXPECT_EQ(cache.size(), 2U);
}

class PostgresqlStatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(sdk::Backend::kPostgresql);
    db_ = testing::MakeCoreDatabase(dir_, sdk::Backend::kPostgresql, /*pool_size=*/2);
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(PostgresqlStatementCacheTest, StatementsOfAConnectionTheServerEndedArePreparedAgain) {
  const auto count_centres = [&] {
    int count = -1;
    db_->InTransaction([&](Transaction& tx) {
      tx.Prepared("SELECT COUNT(*) FROM centres").Bind(soci::into(count)).Execute();
    });
    return count;
  };
  // Both pooled connections prepare the statement.
  db_->InTransaction([&](Transaction& outer) {
    int count = -1;
    outer.Prepared("SELECT COUNT(*) FROM centres").Bind(soci::into(count)).Execute();
    EXPECT_EQ(count_centres(), 0);
    EXPECT_EQ(count, 0);
  });
  // What a server restart does to every connection: the server ends them; a fresh session asks.
  {
    soci::session admin(soci::postgresql, testing::PgServerConnection());
    std::string database;
    db_->InTransaction(
        [&](Transaction& tx) { tx.sql() << "SELECT current_database()", soci::into(database); });
    admin << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = :d",
        soci::use(database);
  }
  for (int i = 0; i < 4; ++i) EXPECT_EQ(count_centres(), 0) << "call " << i;
  db_->InTransaction([&](Transaction& tx) {
    int prepared = 0;
    tx.sql() << "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = "
                "'SELECT COUNT(*) FROM centres'",
        soci::into(prepared);
    EXPECT_EQ(prepared, 1) << "prepared again on the new connection, once";
  });
}

}  // namespace
}  // namespace assist::host

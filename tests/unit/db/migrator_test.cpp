#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "test_support.hpp"

namespace assist::host {
namespace {

using testing::MakeCoreDatabase;
using testing::TempDir;

class MigratorTest : public ::testing::TestWithParam<sdk::Backend> {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(GetParam());
    db_ = testing::MakeCoreDatabase(dir_, GetParam());
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

sdk::Migration Notes(int version, const std::string& sql) { return {version, "notes", sql, sql}; }

TEST(SplitStatementsTest, SplitsOnSemicolonsThatEndALine) {
  auto parts = SplitStatements("CREATE TABLE a (x INT);\n  CREATE TABLE b (y TEXT) ;\n\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (x INT)");
  EXPECT_EQ(parts[1], "CREATE TABLE b (y TEXT) ");
  // A ';' inside a line (trigger bodies) does not split.
  EXPECT_EQ(SplitStatements("BEGIN SELECT 1; END;\n").size(), 1u);
}

TEST_P(MigratorTest, AppliesEachVersionOnceAcrossRestarts) {
  std::vector<sdk::Migration> migrations = {
      Notes(1, "CREATE TABLE plug_notes (id INTEGER NOT NULL, body TEXT NOT NULL);"),
      Notes(2, "CREATE INDEX plug_notes_id ON plug_notes (id);")};
  EXPECT_EQ(ApplyMigrations(*db_, "plug", migrations), 2);
  EXPECT_EQ(ApplyMigrations(*db_, "plug", migrations), 0);
  migrations.push_back(Notes(3, "ALTER TABLE plug_notes ADD COLUMN extra TEXT;"));
  EXPECT_EQ(ApplyMigrations(*db_, "plug", migrations), 1);
  soci::session sql(db_->pool());
  int rows = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE owner = 'plug'", soci::into(rows);
  EXPECT_EQ(rows, 3);
}

TEST_P(MigratorTest, AFailingMigrationLeavesNothingBehind) {
  std::vector<sdk::Migration> migrations = {
      Notes(1, "CREATE TABLE half_done (id INTEGER);\nTHIS IS NOT SQL;")};
  EXPECT_THROW(ApplyMigrations(*db_, "half", migrations), std::exception);
  soci::session sql(db_->pool());
  int rows = -1;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE owner = 'half'", soci::into(rows);
  EXPECT_EQ(rows, 0);
  // The table of the first statement was rolled back with the rest.
  EXPECT_NO_THROW(
      ApplyMigrations(*db_, "half", {Notes(1, "CREATE TABLE half_done (id INTEGER);")}));
}

TEST_P(MigratorTest, RejectsRepeatedVersions) {
  EXPECT_THROW(ApplyMigrations(*db_, "twice", {Notes(1, "SELECT 1;"), Notes(1, "SELECT 2;")}),
               std::runtime_error);
}

TEST_P(MigratorTest, TheAuditTrailCannotBeChangedEvenWithSql) {
  soci::session sql(db_->pool());
  sql << "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, detail, "
         "request_id) VALUES ('t', 'a', 1, 'c', 'GetCase', 1, 'read', '', 'r')";
  EXPECT_THROW(sql << "UPDATE audit_events SET actor_id = 'someone else'", soci::soci_error);
  EXPECT_THROW(sql << "DELETE FROM audit_events", soci::soci_error);
  int rows = 0;
  sql << "SELECT COUNT(*) FROM audit_events WHERE actor_id = 'a'", soci::into(rows);
  EXPECT_EQ(rows, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host

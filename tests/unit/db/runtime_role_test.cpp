// PostgreSQL with an owner login for migrations and a runtime login for serving (issue 10): the
// runtime login reads and writes the records but cannot rewrite or remove the audit trail by any
// of the ways its owner could (UPDATE, DELETE, TRUNCATE, disabling or dropping the trigger,
// dropping the table), nor fake a migration.
#include "db/runtime_role.hpp"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "db/core_schema.hpp"
#include "db/migrator.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

TEST(RuntimeRoleTest, TheRuntimeLoginCanOnlyAppendToTheTrail) {
  ASSIST_REQUIRE_BACKEND(sdk::Backend::kPostgresql);
  const std::string server = testing::PgServerConnection();
  const std::string suffix = std::to_string(getpid());
  const std::string owner = "assist_owner_" + suffix;
  const std::string runtime = "assist_runtime_" + suffix;
  const std::string database = "roles_" + suffix;
  {
    soci::session admin(soci::postgresql, server);
    admin << "CREATE ROLE " + owner + " LOGIN";  // generated names, not input
    admin << "CREATE ROLE " + runtime + " LOGIN";
    admin << "CREATE DATABASE " + database + " OWNER " + owner;
  }
  const std::string at = server + " dbname=" + database;
  Database owner_db(sdk::Backend::kPostgresql, at + " user=" + owner, 1);
  ApplyMigrations(owner_db, "core", CoreMigrations());
  EXPECT_EQ(LoginOf(sdk::Backend::kPostgresql, at + " user=" + runtime), runtime);
  GrantRuntimeRole(owner_db, runtime);

  Database served(sdk::Backend::kPostgresql, at + " user=" + runtime, 1);
  served.InTransaction([](Transaction& tx) {
    tx.sql() << "INSERT INTO centres (id, name, municipality, created_at) VALUES ('c', 'n', 'm', "
                "'t')";
    tx.sql() << "UPDATE centres SET name = 'renamed' WHERE id = 'c'";
    tx.sql() << "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, "
                "detail, request_id) VALUES ('t', 'a', 1, 'c', 'GetCase', 1, 'read', 'd', 'r')";
    // Appends move a trail's chain head: inserted once, then only forward.
    tx.sql() << "INSERT INTO audit_chain_heads (centre_id, seq, hash, genesis_rows, genesis_hash, "
                "started_at) VALUES ('c', 0, 'g', 0, 'g', 't')";
    tx.sql() << "UPDATE audit_chain_heads SET seq = 1, hash = 'h' WHERE centre_id = 'c'";
  });
  const std::vector<std::string> attacks = {
      "UPDATE audit_events SET detail = 'rewritten'",
      "DELETE FROM audit_events",
      "TRUNCATE audit_events",
      "ALTER TABLE audit_events DISABLE TRIGGER ALL",
      "DROP TRIGGER audit_events_no_change ON audit_events",
      "DROP TABLE audit_events",
      "UPDATE audit_chain_heads SET seq = 0 WHERE centre_id = 'c'",
      "DELETE FROM audit_chain_heads",
      "TRUNCATE audit_chain_heads",
      "ALTER TABLE audit_chain_heads DISABLE TRIGGER ALL",
      "INSERT INTO schema_migrations (owner, version, name, applied_at) VALUES ('core', 99, 'x', "
      "'t')",
  };
  for (const std::string& attack : attacks) {
    EXPECT_THROW(served.InTransaction([&](Transaction& tx) { tx.sql() << attack; }), DatabaseFault)
        << attack;
  }
  int rows = 0;
  std::string detail;
  served.InTransaction([&](Transaction& tx) {
    tx.sql() << "SELECT COUNT(*), MIN(detail) FROM audit_events", soci::into(rows),
        soci::into(detail);
  });
  EXPECT_EQ(rows, 1);
  EXPECT_EQ(detail, "d");
}

}  // namespace
}  // namespace assist::host

#include "db/runtime_role.hpp"

#include <soci/postgresql/soci-postgresql.h>

#include <stdexcept>

namespace assist::host {
namespace {

// A role name as a quoted identifier (role names come from the config, not from callers).
std::string QuotedIdentifier(const std::string& name) {
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string LoginOf(sdk::Backend backend, const std::string& connection) {
  if (backend != sdk::Backend::kPostgresql) throw std::invalid_argument("roles are PostgreSQL's");
  soci::session session(soci::postgresql, connection);
  std::string user;
  session << "SELECT current_user", soci::into(user);
  return user;
}

void GrantRuntimeRole(Database& owner_db, const std::string& runtime_role) {
  const std::string role = QuotedIdentifier(runtime_role);
  owner_db.InTransaction([&](Transaction& tx) {
    tx.sql() << "GRANT USAGE ON SCHEMA public TO " + role;
    tx.sql() << "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role;
    tx.sql() << "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role;
    // The trail: read and append, nothing else (TRUNCATE was never granted).
    tx.sql() << "REVOKE UPDATE, DELETE ON audit_events FROM " + role;
    // The chain heads: appends insert a trail's head and move it (a trigger lets it only move
    // forward); none is ever deleted.
    tx.sql() << "REVOKE DELETE ON audit_chain_heads FROM " + role;
    // Migrations are the owner's: the runtime role may not record or undo one.
    tx.sql() << "REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM " + role;
  });
}

}  // namespace assist::host

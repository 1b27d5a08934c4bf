#pragma once
// PostgreSQL with two logins: the schema's owner runs the migrations, and the host serves as a
// runtime role that may read and write the records but only append to the audit trail. Without
// ownership it cannot TRUNCATE, ALTER (disable a trigger), DROP a trigger or the table, and
// without UPDATE/DELETE grants it cannot rewrite a row even if a trigger were gone.
#include <string>

#include "db/database.hpp"

namespace assist::host {

// The login name of `connection`'s user ("SELECT current_user" on a connection of its own).
std::string LoginOf(sdk::Backend backend, const std::string& connection);

// As the owner (`owner_db`): grants `runtime_role` what serving needs on every table and sequence
// of the schema (the plugins' included), then takes back all but SELECT and INSERT on the audit
// trail. Run after every migration, so tables a new plugin version adds are covered.
void GrantRuntimeRole(Database& owner_db, const std::string& runtime_role);

}  // namespace assist::host

#pragma once
// Applies schema migrations per owner ("core" for the host, the plugin id for a plugin), each
// version once, in a transaction with its schema_migrations row. Safe to run at every start.
#include <assist/plugin/data.hpp>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace assist::host {

// Returns how many migrations were applied now. Throws on an SQL error (the step is rolled back).
int ApplyMigrations(Database& db, const std::string& owner,
                    const std::vector<sdk::Migration>& migrations);

// Splits a script into statements at ';' ending a line (the rule documented in sdk::Migration).
std::vector<std::string> SplitStatements(const std::string& script);

}  // namespace assist::host

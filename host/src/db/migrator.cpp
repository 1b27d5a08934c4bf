#include "db/migrator.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

#include "util/clock.hpp"
#include "util/log.hpp"

namespace assist::host {

std::vector<std::string> SplitStatements(const std::string& script) {
  std::vector<std::string> statements;
  std::string current;
  std::istringstream lines(script);
  std::string line;
  auto flush = [&] {
    auto first = current.find_first_not_of(" \t\n");
    if (first != std::string::npos) statements.push_back(current.substr(first));
    current.clear();
  };
  while (std::getline(lines, line)) {
    auto last = line.find_last_not_of(" \t\r");
    if (last != std::string::npos && line[last] == ';') {
      current += line.substr(0, last);
      flush();
    } else {
      current += line + "\n";
    }
  }
  flush();
  return statements;
}

int ApplyMigrations(Database& db, const std::string& owner,
                    const std::vector<sdk::Migration>& migrations) {
  std::vector<sdk::Migration> ordered = migrations;
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.version < b.version; });
  std::set<int> seen;
  for (const auto& m : ordered) {
    if (m.version <= 0 || !seen.insert(m.version).second) {
      throw std::runtime_error("migrations of " + owner + ": version " + std::to_string(m.version) +
                               " is not positive or is repeated");
    }
  }
  {
    Transaction tx(db);
    if (db.backend() == sdk::Backend::kPostgresql) {
      // CREATE TABLE IF NOT EXISTS is not safe against a second host doing the same at once.
      tx.sql() << "SELECT pg_advisory_xact_lock(hashtext('schema_migrations'))";
    }
    tx.sql() << "CREATE TABLE IF NOT EXISTS schema_migrations (owner TEXT NOT NULL, version "
                "INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY "
                "(owner, version))";
    tx.Commit();
  }
  int applied = 0;
  for (const auto& m : ordered) {
    Transaction tx(db);
    if (db.backend() == sdk::Backend::kPostgresql) {
      // Two hosts starting together against one database take turns here.
      tx.sql() << "SELECT pg_advisory_xact_lock(hashtext(:owner))", soci::use(owner);
    }
    int count = 0;
    tx.sql() << "SELECT COUNT(*) FROM schema_migrations WHERE owner = :o AND version = :v",
        soci::use(owner), soci::use(m.version), soci::into(count);
    if (count > 0) continue;
    const std::string& script = db.backend() == sdk::Backend::kSqlite ? m.sqlite : m.postgresql;
    for (const auto& statement : SplitStatements(script)) tx.sql() << statement;
    std::string now = NowTimestamp();
    tx.sql() << "INSERT INTO schema_migrations (owner, version, name, applied_at) "
                "VALUES (:o, :v, :n, :t)",
        soci::use(owner), soci::use(m.version), soci::use(m.name), soci::use(now);
    tx.Commit();
    ++applied;
    LogInfo("migration " + owner + "/" + std::to_string(m.version) + " (" + m.name + ") applied");
  }
  return applied;
}

}  // namespace assist::host

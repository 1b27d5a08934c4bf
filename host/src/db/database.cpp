#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "util/log.hpp"

namespace assist::host {

sdk::Backend ParseBackend(const std::string& name) {
  if (name == "sqlite") return sdk::Backend::kSqlite;
  if (name == "postgresql") return sdk::Backend::kPostgresql;
  throw std::invalid_argument("unknown database backend " + name);
}

Database::Database(sdk::Backend backend, const std::string& connection, std::size_t pool_size)
    : backend_(backend), pool_size_(pool_size), pool_(pool_size) {
  for (std::size_t i = 0; i != pool_size; ++i) {
    soci::session& session = pool_.at(i);
    if (backend == sdk::Backend::kSqlite) {
      // timeout: seconds a writer waits for the lock held by another connection.
      session.open(soci::sqlite3, "db=\"" + connection + "\" timeout=10");
      session << "PRAGMA foreign_keys = ON";
      session << "PRAGMA journal_mode = WAL";
      session << "PRAGMA synchronous = NORMAL";
    } else {
      session.open(soci::postgresql, connection);
    }
  }
}

Transaction::Transaction(Database& db) : backend_(db.backend()), session_(db.pool()) {
  session_ << (backend_ == sdk::Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = true;
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    session_ << "ROLLBACK";
  } catch (const std::exception& e) {
    LogError(std::string("rollback failed: ") + e.what());
  }
}

void Transaction::Commit() {
  session_ << "COMMIT";
  open_ = false;
}

}  // namespace assist::host

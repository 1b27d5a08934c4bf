#pragma once
// The shared data layer: a SOCI connection pool on SQLite (embedded default) or PostgreSQL, and
// the write transaction every step of a case runs in.
#include <assist/plugin/data.hpp>
#include <soci/soci.h>

#include <cstddef>
#include <optional>
#include <string>

namespace assist::host {

class Database {
 public:
  // Opens every connection of the pool now, so a bad connection string fails at start-up.
  Database(sdk::Backend backend, const std::string& connection, std::size_t pool_size);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sdk::Backend backend() const { return backend_; }
  std::size_t pool_size() const { return pool_size_; }
  soci::connection_pool& pool() { return pool_; }

 private:
  sdk::Backend backend_;
  std::size_t pool_size_;
  soci::connection_pool pool_;
};

sdk::Backend ParseBackend(const std::string& name);

// A pooled session inside a transaction; rolled back unless Commit() is called. On SQLite it
// starts with BEGIN IMMEDIATE: taking the write lock up front lets concurrent writers wait on
// the busy timeout instead of failing when a read lock cannot be upgraded.
// It is also the facade plugins get in their OnAccepted hook.
class Transaction final : public sdk::DataSession {
 public:
  explicit Transaction(Database& db);
  ~Transaction() override;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  sdk::Backend backend() const override { return backend_; }
  soci::session& sql() override { return session_; }
  void Commit();

 private:
  sdk::Backend backend_;
  soci::session session_;
  bool open_ = false;
};

// Reads a nullable BIGINT column value bound with an indicator.
inline std::optional<long long> Nullable(long long value, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  return value;
}

}  // namespace assist::host

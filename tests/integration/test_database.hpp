#pragma once
// The database a test host runs on, made fresh for one test: a new SQLite file, or a new database
// on the PostgreSQL test server (pg_cluster.hpp), dropped again when the test ends.
#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>
#include <string>

#include "host_config.hpp"

namespace assist::it {

enum class Backend { kSqlite, kPostgresql };

std::string BackendName(const testing::TestParamInfo<Backend>& info);

// For gtest's messages: "sqlite" or "postgresql".
void PrintTo(Backend backend, std::ostream* out);

// Whether the CI variable is set: tests that need PostgreSQL (or root) then fail instead of
// skipping, because CI must exercise them.
bool InCi();

class TestDatabase {
 public:
  TestDatabase() = default;
  ~TestDatabase();  // drops the PostgreSQL database it made
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // Makes the database: `sqlite_file` on SQLite, a new database on PostgreSQL. Skips the test
  // when PostgreSQL is missing (fails it in CI): callers check IsSkipped() after it.
  void Prepare(Backend backend, const std::filesystem::path& sqlite_file);

  const DatabaseSetup& setup() const { return setup_; }

 private:
  DatabaseSetup setup_;
  std::string pg_server_;    // PostgreSQL: the server's superuser connection
  std::string pg_database_;  // PostgreSQL: the database made for the test
};

}  // namespace assist::it

#pragma once
// The fixture of every integration test: a fresh database (a new SQLite file, or a new database
// on the PostgreSQL server), a real assist-host on it with the real plugins, and a client.
// Parameterised over the backend; instantiate with INSTANTIATE_BACKENDS(SuiteName).
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "client.hpp"
#include "host_process.hpp"
#include "temp_dir.hpp"

namespace assist::it {

enum class Backend { kSqlite, kPostgresql };

std::string BackendName(const testing::TestParamInfo<Backend>& info);

// For gtest's messages: "sqlite" or "postgresql".
void PrintTo(Backend backend, std::ostream* out);

class HostTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  Client& client() { return *client_; }
  // More top-level HostConfig text for this suite's host (e.g. "worker_threads: 1").
  virtual std::string ExtraConfig() const { return {}; }

 private:
  void PrepareDatabase(std::string& backend, std::string& connection);

  std::unique_ptr<TempDir> dir_;
  std::string pg_server_;    // PostgreSQL: the server's superuser connection
  std::string pg_database_;  // PostgreSQL: this test's database
  HostProcess host_;
  std::unique_ptr<Client> client_;
};

}  // namespace assist::it

// Test names end in "/sqlite" or "/postgresql"; tests/integration/CMakeLists.txt filters on it.
#define INSTANTIATE_BACKENDS(suite)                                                        \
  INSTANTIATE_TEST_SUITE_P(                                                                \
      Backends, suite,                                                                     \
      testing::Values(::assist::it::Backend::kSqlite, ::assist::it::Backend::kPostgresql), \
      ::assist::it::BackendName)

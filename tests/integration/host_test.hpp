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
#include "test_database.hpp"

namespace assist::it {

class HostTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  Client& client() { return *client_; }
  // The channel of client(), for stubs of a test's own (e.g. grpc::GenericStub).
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  // The host itself, e.g. to read what it logged.
  const HostProcess& host() const { return host_; }
  // The database the host runs on, for tests that look at (or tamper with) it directly.
  const DatabaseSetup& database() const { return database_->setup(); }
  // More top-level HostConfig text for this suite's host (e.g. "worker_threads: 1").
  virtual std::string ExtraConfig() const { return {}; }

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<TestDatabase> database_;
  HostProcess host_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Client> client_;
};

}  // namespace assist::it

// Test names end in "/sqlite" or "/postgresql"; tests/integration/CMakeLists.txt filters on it.
#define INSTANTIATE_BACKENDS(suite)                                                        \
  INSTANTIATE_TEST_SUITE_P(                                                                \
      Backends, suite,                                                                     \
      testing::Values(::assist::it::Backend::kSqlite, ::assist::it::Backend::kPostgresql), \
      ::assist::it::BackendName)

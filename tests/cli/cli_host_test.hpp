#pragma once
// The fixture of the assistctl tests: a real assist-host with the real plugins on a fresh
// database (SQLite or PostgreSQL), a gRPC client to set up records through the API, and
// assistctl runs against that host.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "client.hpp"
#include "host_config.hpp"
#include "host_process.hpp"
#include "identities.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"

namespace assist::cli_test {

using it::Backend;
using it::Identity;

class CliHostTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // How callers connect; the default is plaintext with the static tokens of identities.hpp.
  virtual it::SecuritySetup Security() { return {}; }

  // assistctl `args` as `who`: ASSIST_ADDRESS and ASSIST_TOKEN set, HOME the test's directory
  // (no config file there unless a test writes one), plus `env`.
  CliResult Ctl(const Identity& who, const std::vector<std::string>& args,
                const Environment& env = {}, const std::string& stdin_text = "");
  // assistctl `args` with only HOME and `env` set.
  CliResult CtlBare(const std::vector<std::string>& args, const Environment& env = {});

  // A plaintext client of the host (none when Security() asks for TLS).
  it::Client& client() { return *client_; }
  const std::string& address() const { return address_; }
  const std::filesystem::path& dir() const { return dir_->path(); }

 private:
  std::unique_ptr<it::TempDir> dir_;
  std::unique_ptr<it::TestDatabase> database_;
  it::HostProcess host_;
  std::unique_ptr<it::Client> client_;
  std::string address_;
};

// The built assistctl binary.
const std::string& AssistctlBinary();

}  // namespace assist::cli_test

// Test names end in "/sqlite" or "/postgresql"; tests/cli/CMakeLists.txt filters on it.
#define INSTANTIATE_CLI_BACKENDS(suite)                                                    \
  INSTANTIATE_TEST_SUITE_P(                                                                \
      Backends, suite,                                                                     \
      testing::Values(::assist::it::Backend::kSqlite, ::assist::it::Backend::kPostgresql), \
      ::assist::it::BackendName)
#define INSTANTIATE_SQLITE_ONLY(suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, testing::Values(::assist::it::Backend::kSqlite), \
                           ::assist::it::BackendName)

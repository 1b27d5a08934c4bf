// The host on PostgreSQL with two logins (issue 10): migrations as the schema owner, serving as a
// runtime role. The whole case lifecycle works as the runtime role, and that role, the host's own
// login, cannot TRUNCATE or rewrite the audit trail.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include "case_steps.hpp"
#include "fault_support.hpp"
#include "host_config.hpp"
#include "host_process.hpp"
#include "identities.hpp"
#include "pg_cluster.hpp"
#include "pg_database.hpp"
#include "rpc_status.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"

namespace assist::it {
namespace {

class RolesTest : public testing::TestWithParam<Backend> {};

TEST_P(RolesTest, TheHostServesAsARuntimeRoleThatCannotRewriteTheTrail) {
  ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  const PgServer& server = PgCluster::Instance().Get();
  if (server.state == PgServer::State::kMissing) {
    if (InCi()) GTEST_FAIL() << "CI is set, so PostgreSQL must be tested: " << server.problem;
    GTEST_SKIP() << server.problem;
  }
  ASSERT_EQ(server.state, PgServer::State::kReady) << server.problem;
  const std::string suffix = std::to_string(getpid());
  const std::string owner = "it_owner_" + suffix;
  const std::string runtime = "it_runtime_" + suffix;
  const std::string name = "it_roles_" + suffix;
  const DatabaseSetup admin{"postgresql", server.conninfo, ""};
  Query(admin, "CREATE ROLE " + owner + " LOGIN");  // generated names, not input
  Query(admin, "CREATE ROLE " + runtime + " LOGIN");
  Query(admin, "CREATE DATABASE " + name + " OWNER " + owner);
  const std::string at = WithDbName(server.conninfo, name);
  const DatabaseSetup served{"postgresql", at + " user=" + runtime,
                             "owner_connection: " + Quote(at + " user=" + owner)};

  TempDir dir("assist-roles");
  const auto config = dir.path() / "host.textproto";
  std::ofstream(config) << HostConfigText(served, ASSIST_PLUGIN_DIR);
  HostProcess host;
  const std::optional<int> port = host.Start(ASSIST_HOST_BINARY, config, dir.path());
  ASSERT_TRUE(port.has_value()) << host.error();
  auto client = ConnectedClient(*port);
  ASSERT_NE(client, nullptr);
  v1::Case closed;
  ASSERT_NO_FATAL_FAILURE(NewClosedFamilyCase(*client, Sopot(), &closed)) << host.output();

  const DatabaseSetup as_runtime{"postgresql", at + " user=" + runtime, ""};
  EXPECT_GT(std::stoi(Query(as_runtime, "SELECT COUNT(*) FROM audit_events").at(0).at(0)), 0);
  for (const std::string attack :
       {"TRUNCATE audit_events", "DELETE FROM audit_events", "UPDATE audit_events SET detail = ''",
        "ALTER TABLE audit_events DISABLE TRIGGER ALL", "DROP TABLE audit_events"}) {
    EXPECT_THROW(Query(as_runtime, attack), std::runtime_error) << attack;
  }
  EXPECT_EQ(host.Stop(), "exit 0") << host.output();
  DropDatabase(server.conninfo, name);
}

INSTANTIATE_TEST_SUITE_P(Postgresql, RolesTest, testing::Values(Backend::kPostgresql), BackendName);

}  // namespace
}  // namespace assist::it

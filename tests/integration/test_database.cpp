#include "test_database.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string_view>

#include "pg_cluster.hpp"
#include "pg_database.hpp"

namespace assist::it {

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0' && std::string_view(ci) != "false";
}

std::string BackendName(const testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "sqlite" : "postgresql");
}

TestDatabase::~TestDatabase() {
  if (!pg_database_.empty()) DropDatabase(pg_server_, pg_database_);
}

void TestDatabase::Prepare(Backend backend, const std::filesystem::path& sqlite_file) {
  if (backend == Backend::kSqlite) {
    setup_ = {"sqlite", sqlite_file.string(), ""};
    return;
  }
  const PgServer& server = PgCluster::Instance().Get();
  if (server.state == PgServer::State::kMissing) {
    if (InCi()) GTEST_FAIL() << "CI is set, so PostgreSQL must be tested: " << server.problem;
    GTEST_SKIP() << server.problem;
  }
  ASSERT_EQ(server.state, PgServer::State::kReady) << server.problem;
  pg_server_ = server.conninfo;
  pg_database_ = CreateDatabase(pg_server_);
  setup_ = {"postgresql", WithDbName(pg_server_, pg_database_), ""};
}

}  // namespace assist::it

#include "test_support.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>

#include "db/core_schema.hpp"
#include "db/migrator.hpp"

namespace assist::host::testing {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() / ("assist-unit-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::vector<sdk::Backend> TestBackends() {
  return {sdk::Backend::kSqlite, sdk::Backend::kPostgresql};
}

namespace {

// ASSIST_TEST_PG, or the connection string the CTest fixture wrote to ASSIST_TEST_PG_FILE.
std::string PgConnection() {
  if (const char* conn = std::getenv("ASSIST_TEST_PG")) return conn;
  if (const char* file = std::getenv("ASSIST_TEST_PG_FILE")) {
    std::ifstream in(file);
    std::string conn;
    std::getline(in, conn);
    return conn;
  }
  return "";
}

}  // namespace

std::string PgServerConnection() { return PgConnection(); }

std::string BackendUnavailable(sdk::Backend backend) {
  if (backend == sdk::Backend::kSqlite || !PgConnection().empty()) return "";
  return "no PostgreSQL: set ASSIST_TEST_PG (ctest provides one through the assist_pg fixture)";
}

std::unique_ptr<Database> MakeCoreDatabase(const TempDir& dir, sdk::Backend backend,
                                           std::size_t pool_size, int up_to_version) {
  std::unique_ptr<Database> db;
  if (backend == sdk::Backend::kSqlite) {
    db = std::make_unique<Database>(backend, (dir.path() / "test.db").string(), pool_size);
  } else {
    // A database of its own per test, so tests can run in parallel on one cluster. libpq takes
    // the last dbname= of a connection string.
    static std::atomic<int> counter{0};
    std::string name = "unit_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    {
      soci::session admin(soci::postgresql, PgConnection());
      admin << "CREATE DATABASE " + name;  // a generated identifier, not input
    }
    db = std::make_unique<Database>(backend, PgConnection() + " dbname=" + name, pool_size);
  }
  std::vector<sdk::Migration> migrations = CoreMigrations();
  if (up_to_version > 0) {
    std::erase_if(migrations, [&](const sdk::Migration& m) { return m.version > up_to_version; });
  }
  ApplyMigrations(*db, "core", migrations);
  return db;
}

}  // namespace assist::host::testing

#include "test_support.hpp"

#include <cstdlib>
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

std::string BackendUnavailable(sdk::Backend backend) {
  if (backend == sdk::Backend::kSqlite || std::getenv("ASSIST_TEST_PG") != nullptr) return "";
  return "ASSIST_TEST_PG is not set (ctest sets it through the pg fixture)";
}

std::unique_ptr<Database> MakeCoreDatabase(const TempDir& dir, sdk::Backend backend) {
  std::unique_ptr<Database> db;
  if (backend == sdk::Backend::kSqlite) {
    db = std::make_unique<Database>(backend, (dir.path() / "test.db").string(), 2);
  } else {
    db = std::make_unique<Database>(backend, std::getenv("ASSIST_TEST_PG"), 2);
    soci::session sql(db->pool());
    sql << "DROP SCHEMA public CASCADE";
    sql << "CREATE SCHEMA public";
  }
  ApplyMigrations(*db, "core", CoreMigrations());
  return db;
}

}  // namespace assist::host::testing

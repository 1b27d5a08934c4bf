#pragma once
// Helpers shared by the host unit tests: a temporary directory and a migrated SQLite database.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace assist::host::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A fresh database with the core schema: SQLite in a temp dir, or, when ASSIST_TEST_PG is set,
// PostgreSQL at that connection string after dropping everything in its public schema.
// `up_to_version` > 0 stops the core migrations there (to test a later one on older data).
std::unique_ptr<Database> MakeCoreDatabase(const TempDir& dir, sdk::Backend backend,
                                           std::size_t pool_size = 2, int up_to_version = 0);

// The PostgreSQL test server's superuser connection string ("" when there is none); libpq takes
// the last of repeated keywords, so " dbname=... user=..." appended to it picks another.
std::string PgServerConnection();

// Data-layer tests run on both backends. PostgreSQL needs ASSIST_TEST_PG (the CTest fixture sets
// it); without it those tests are skipped, or fail under CI=true, where PostgreSQL is required.
std::vector<sdk::Backend> TestBackends();
// Empty when `backend` can be tested here, else why not (for GTEST_SKIP / FAIL).
std::string BackendUnavailable(sdk::Backend backend);
inline std::string BackendName(sdk::Backend backend) {
  return backend == sdk::Backend::kSqlite ? "sqlite" : "postgresql";
}
// For INSTANTIATE_TEST_SUITE_P over TestBackends(): test names end in /sqlite or /postgresql.
inline std::string BackendTestName(const ::testing::TestParamInfo<sdk::Backend>& param) {
  return BackendName(param.param);
}

}  // namespace assist::host::testing

// In a test's SetUp: skips the test when `backend` cannot be tested here, fails it under CI.
#define ASSIST_REQUIRE_BACKEND(backend)                                                  \
  do {                                                                                   \
    if (auto why = ::assist::host::testing::BackendUnavailable(backend); !why.empty()) { \
      if (std::getenv("CI") != nullptr) FAIL() << why;                                   \
      GTEST_SKIP() << why;                                                               \
    }                                                                                    \
  } while (false)

namespace assist::host::testing {}  // namespace assist::host::testing

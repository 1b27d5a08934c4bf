#pragma once
// Where the PostgreSQL tests find a server, in this order:
//   1. ASSIST_TEST_PG: a connection string ("host=... port=... dbname=... user=...");
//   2. ASSIST_TEST_PG_FILE: a file holding one (written by the ctest fixture pg_start);
//   3. a throwaway cluster this process starts with tools/pg_throwaway.sh, stopped at exit.
// The cluster is started lazily, so a run of SQLite tests alone never pays for it.
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>

#include "temp_dir.hpp"

namespace assist::it {

struct PgServer {
  enum class State { kReady, kMissing, kBroken };
  State state = State::kMissing;
  std::string conninfo;  // kReady: a superuser connection
  std::string problem;   // otherwise: why not
};

class PgCluster {
 public:
  static PgCluster& Instance();

  const PgServer& Get();
  void Shutdown();

 private:
  PgServer Find();
  PgServer StartOwn();

  std::mutex mutex_;
  bool looked_ = false;
  PgServer server_;
  std::unique_ptr<TempDir> own_dir_;  // set while this process runs its own cluster
};

// Stops a cluster this process started, after the last test.
class PgEnvironment : public testing::Environment {
 public:
  void TearDown() override { PgCluster::Instance().Shutdown(); }
};

}  // namespace assist::it

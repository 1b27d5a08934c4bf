// The integration tests' main: GoogleTest plus the environment that stops a PostgreSQL cluster
// this process may have started.
#include <gtest/gtest.h>

#include "pg_cluster.hpp"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  testing::AddGlobalTestEnvironment(new assist::it::PgEnvironment);  // gtest takes ownership
  return RUN_ALL_TESTS();
}

#pragma once
// The command line of limits_load (bench/limits_load.cpp).
#include <string>
#include <vector>

#include "case_setup.hpp"
#include "load_target.hpp"

namespace assist::bench {

struct LimitsOptions {
  std::string host;         // --host ADDRESS of a running assist-host
  std::string echo_server;  // --echo-server PATH of bench_echo_server; empty: no echo target
  std::string config;       // --config the host's configuration, for the echo server's options
  std::string raw_backend = "sqlite";  // --raw-backend sqlite|postgresql
  std::string raw_db;       // --raw-db the host's database (file or conninfo); empty: no raw target
  int raw_connections = 4;  // --raw-connections: the dev configuration's pool_size
  std::vector<int> callers = {1, 4, 16, 64};                     // --callers 1,4,16,64
  std::vector<Rpc> rpcs = {Rpc::kGetCase, Rpc::kRecordContact};  // --rpc GetCase|RecordContact
  double seconds = 5;                                            // --seconds per point and target
  int cases = kMaxCases;                                         // --cases prepared on the host
};

std::string LimitsUsage();

// Throws std::invalid_argument naming what is wrong.
LimitsOptions ParseLimitsOptions(int argc, char** argv);

}  // namespace assist::bench

#include "limits_options.hpp"

#include <sstream>
#include <stdexcept>

namespace assist::bench {
namespace {

int Bounded(const std::string& flag, const std::string& value, int low, int high) {
  std::size_t used = 0;
  int n = 0;
  try {
    n = std::stoi(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != value.size() || n < low || n > high) {
    throw std::invalid_argument(flag + " takes a number from " + std::to_string(low) + " to " +
                                std::to_string(high) + ", not \"" + value + "\"");
  }
  return n;
}

std::vector<int> CallerCounts(const std::string& value) {
  std::vector<int> counts;
  std::stringstream list(value);
  for (std::string item; std::getline(list, item, ',');) {
    counts.push_back(Bounded("--callers", item, 1, 256));
  }
  if (counts.empty()) throw std::invalid_argument("--callers needs at least one count");
  return counts;
}

}  // namespace

std::string LimitsUsage() {
  return "usage: limits_load --host ADDRESS [--echo-server PATH --config FILE]\n"
         "                   [--raw-db FILE|CONNINFO [--raw-backend sqlite|postgresql]\n"
         "                    [--raw-connections 4]]\n"
         "                   [--callers 1,4,16,64] [--seconds 5] [--cases 15]\n"
         "                   [--rpc GetCase|RecordContact|both]\n";
}

LimitsOptions ParseLimitsOptions(int argc, char** argv) {
  LimitsOptions o;
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
    const std::string value = argv[i + 1];
    if (flag == "--host") {
      o.host = value;
    } else if (flag == "--echo-server") {
      o.echo_server = value;
    } else if (flag == "--config") {
      o.config = value;
    } else if (flag == "--raw-backend") {
      if (value != "sqlite" && value != "postgresql") {
        throw std::invalid_argument("--raw-backend is sqlite or postgresql");
      }
      o.raw_backend = value;
    } else if (flag == "--raw-db") {
      o.raw_db = value;
    } else if (flag == "--raw-connections") {
      o.raw_connections = Bounded(flag, value, 1, 256);
    } else if (flag == "--callers") {
      o.callers = CallerCounts(value);
    } else if (flag == "--seconds") {
      o.seconds = Bounded(flag, value, 1, 600);
    } else if (flag == "--cases") {
      o.cases = Bounded(flag, value, 1, kMaxCases);
    } else if (flag == "--rpc") {
      if (value == "GetCase") {
        o.rpcs = {Rpc::kGetCase};
      } else if (value == "RecordContact") {
        o.rpcs = {Rpc::kRecordContact};
      } else if (value != "both") {
        throw std::invalid_argument("--rpc is GetCase, RecordContact or both");
      }
    } else {
      throw std::invalid_argument("unknown flag " + flag);
    }
  }
  if (o.host.empty()) throw std::invalid_argument("--host is required");
  if (!o.echo_server.empty() && o.config.empty()) {
    throw std::invalid_argument("--echo-server needs --config (the host's configuration)");
  }
  return o;
}

}  // namespace assist::bench

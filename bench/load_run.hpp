#pragma once
// One measured point: N callers of a target make one kind of call back to back for a bounded
// time, each on its own connection, spread over the prepared cases.
#include <string>
#include <vector>

#include "latency_stats.hpp"
#include "load_target.hpp"

namespace assist::bench {

struct PointResult {
  Summary summary;
  std::string first_error;  // of the first failed call, if any
};

// Each caller connects and makes one untimed call first (a failure of it counts), then all start
// together for `seconds`.
PointResult RunPoint(Target& target, Rpc rpc, int callers, double seconds,
                     const std::vector<long long>& cases);

}  // namespace assist::bench

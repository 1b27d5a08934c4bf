#pragma once
// Throughput and latency percentiles of one measured point.
#include <vector>

namespace assist::bench {

struct Summary {
  long calls = 0;     // calls that succeeded
  long failures = 0;  // calls that failed: never counted as throughput
  double calls_per_second = 0;
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
};

// `latencies_ms` of the calls that succeeded within `seconds` of load.
Summary Summarize(std::vector<double> latencies_ms, long failures, double seconds);

}  // namespace assist::bench

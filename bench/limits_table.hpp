#pragma once
// The table limits_load prints: one Markdown row per RPC and caller count, each target's
// throughput and latencies, and the host's throughput as a share of the others'.
#include <string>
#include <vector>

#include "load_run.hpp"

namespace assist::bench {

struct MeasuredPoint {
  Rpc rpc;
  int callers;
  std::vector<PointResult> results;  // in the order of the targets' names
};

void PrintLimitsTable(const std::vector<std::string>& targets,
                      const std::vector<MeasuredPoint>& points);

}  // namespace assist::bench

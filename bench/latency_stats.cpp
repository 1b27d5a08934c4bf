#include "latency_stats.hpp"

#include <algorithm>

namespace assist::bench {
namespace {

// The nearest-rank value at fraction `p` of sorted, non-empty `v`.
double At(const std::vector<double>& v, double p) {
  const auto rank = static_cast<std::size_t>(p * static_cast<double>(v.size()));
  return v[std::min(v.size() - 1, rank)];
}

}  // namespace

Summary Summarize(std::vector<double> latencies_ms, long failures, double seconds) {
  Summary s;
  s.calls = static_cast<long>(latencies_ms.size());
  s.failures = failures;
  if (latencies_ms.empty()) return s;
  std::sort(latencies_ms.begin(), latencies_ms.end());
  s.calls_per_second = seconds > 0 ? static_cast<double>(s.calls) / seconds : 0;
  s.p50_ms = At(latencies_ms, 0.50);
  s.p99_ms = At(latencies_ms, 0.99);
  s.max_ms = latencies_ms.back();
  return s;
}

}  // namespace assist::bench

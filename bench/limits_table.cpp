#include "limits_table.hpp"

#include <cstdio>

namespace assist::bench {

void PrintLimitsTable(const std::vector<std::string>& targets,
                      const std::vector<MeasuredPoint>& points) {
  std::printf("| RPC | callers |");
  for (const auto& t : targets)
    std::printf(" %s calls/s | %s p50 / p99 / max ms |", t.c_str(), t.c_str());
  for (std::size_t i = 1; i < targets.size(); ++i) {
    std::printf(" %s ÷ %s |", targets[0].c_str(), targets[i].c_str());
  }
  std::printf("\n|---|--:|");
  for (std::size_t i = 0; i < targets.size(); ++i) std::printf("--:|--:|");
  for (std::size_t i = 1; i < targets.size(); ++i) std::printf("--:|");
  std::printf("\n");
  for (const auto& p : points) {
    std::printf("| %s | %d |", RpcName(p.rpc), p.callers);
    for (const auto& r : p.results) {
      const Summary& s = r.summary;
      std::printf(" %.0f | %.2f / %.2f / %.1f |", s.calls_per_second, s.p50_ms, s.p99_ms, s.max_ms);
    }
    const double first = p.results.front().summary.calls_per_second;
    for (std::size_t i = 1; i < p.results.size(); ++i) {
      const double other = p.results[i].summary.calls_per_second;
      if (other > 0) {
        std::printf(" %.0f %% |", 100.0 * first / other);
      } else {
        std::printf(" - |");
      }
    }
    std::printf("\n");
  }
}

}  // namespace assist::bench

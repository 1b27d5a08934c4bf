#include "ops/metrics.hpp"

#include <gtest/gtest.h>

namespace assist::host {
namespace {

TEST(MetricsTest, CountersRenderOneLinePerLabelSetWithEscapedValues) {
  CounterFamily calls("calls_total", "Calls.", {"method", "code"});
  calls.Inc({"GetCase", "OK"});
  calls.Inc({"GetCase", "OK"}, 2);
  calls.Inc({"Odd\"name\\", "NOT_FOUND"});
  std::string out;
  calls.Render(out);
  EXPECT_EQ(out,
            "# HELP calls_total Calls.\n# TYPE calls_total counter\n"
            "calls_total{method=\"GetCase\",code=\"OK\"} 3\n"
            "calls_total{method=\"Odd\\\"name\\\\\",code=\"NOT_FOUND\"} 1\n");
  EXPECT_EQ(calls.Value({"GetCase", "OK"}), 3);
  EXPECT_EQ(calls.Value({"ListCases", "OK"}), 0);
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  HistogramFamily latency("latency_seconds", "Latency.", {"method"}, {0.1, 1});
  latency.Observe({"GetCase"}, 0.05);
  latency.Observe({"GetCase"}, 0.1);  // on the bound: counted in it (le)
  latency.Observe({"GetCase"}, 0.5);
  latency.Observe({"GetCase"}, 3);
  std::string out;
  latency.Render(out);
  EXPECT_NE(out.find("latency_seconds_bucket{method=\"GetCase\",le=\"0.10000000000000001\"} 2\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("latency_seconds_bucket{method=\"GetCase\",le=\"1\"} 3\n"), std::string::npos);
  EXPECT_NE(out.find("latency_seconds_bucket{method=\"GetCase\",le=\"+Inf\"} 4\n"),
            std::string::npos);
  EXPECT_NE(out.find("latency_seconds_sum{method=\"GetCase\"} 3.6499999999999999\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("latency_seconds_count{method=\"GetCase\"} 4\n"), std::string::npos);
}

TEST(MetricsTest, GaugeReadsItsSourceWhenOneIsSet) {
  Gauge depth("queue_depth", "Depth.");
  depth.Add(2);
  depth.Add(-1);
  std::string out;
  depth.Render(out);
  EXPECT_NE(out.find("queue_depth 1\n"), std::string::npos) << out;
  depth.SetSource([] { return 7.0; });
  out.clear();
  depth.Render(out);
  EXPECT_NE(out.find("queue_depth 7\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace assist::host

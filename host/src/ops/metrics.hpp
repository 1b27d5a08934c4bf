#pragma once
// The host's metrics, rendered in the Prometheus text format (version 0.0.4) on the admin
// listener's /metrics. Families of counters, histograms and gauges keyed by label values; each
// update takes one short lock. The host has one registry for the process (HostMetrics()), like
// its log: the code that counts (calls, the pool, plugin checks, the retention sweep) lives in
// layers that should not have to pass a registry along.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace assist::host {

using LabelValues = std::vector<std::string>;

class CounterFamily {
 public:
  CounterFamily(std::string name, std::string help, std::vector<std::string> labels);
  void Inc(const LabelValues& values, double by = 1);
  double Value(const LabelValues& values) const;  // 0 when never counted
  void Render(std::string& out) const;

 private:
  const std::string name_, help_;
  const std::vector<std::string> labels_;
  mutable std::mutex mutex_;
  std::map<LabelValues, double> values_;  // guarded by mutex_
};

class HistogramFamily {
 public:
  // `bounds`: the upper bounds of the buckets, ascending (+Inf is added).
  HistogramFamily(std::string name, std::string help, std::vector<std::string> labels,
                  std::vector<double> bounds);
  void Observe(const LabelValues& values, double value);
  void Render(std::string& out) const;

 private:
  struct Series {
    std::vector<std::uint64_t> buckets;  // cumulative counts are made when rendering
    double sum = 0;
    std::uint64_t count = 0;
  };
  const std::string name_, help_;
  const std::vector<std::string> labels_;
  const std::vector<double> bounds_;
  mutable std::mutex mutex_;
  std::map<LabelValues, Series> series_;  // guarded by mutex_
};

// A value read when scraped (a queue's depth), or set by its owner.
class Gauge {
 public:
  Gauge(std::string name, std::string help);
  void Set(double value) { value_ = value; }
  void Add(double by);
  // Read from `source` at each scrape instead; the owner unsets it before it goes away.
  void SetSource(std::function<double()> source);
  void Render(std::string& out) const;

 private:
  const std::string name_, help_;
  std::atomic<double> value_ = 0;
  mutable std::mutex mutex_;
  std::function<double()> source_;  // guarded by mutex_
};

struct HostMetricsRegistry {
  HostMetricsRegistry();
  std::string RenderPrometheus() const;

  CounterFamily rpc_calls;       // method, code
  HistogramFamily rpc_duration;  // method
  Gauge executor_queue_depth;    // calls waiting for a worker
  Gauge pool_connections_in_use;
  HistogramFamily pool_wait;         // time to lease a database connection
  HistogramFamily audit_batch_rows;  // audit rows per group commit (AuditGroupCommit)
  CounterFamily plugin_refusals;     // type, step
  CounterFamily retention_sweeps;    // outcome
  HistogramFamily retention_sweep_duration;
};

HostMetricsRegistry& HostMetrics();

// Escapes a label value: backslash, double quote and newline.
std::string EscapeLabelValue(const std::string& value);

}  // namespace assist::host

#include "ops/metrics.hpp"

#include <cmath>
#include <cstdio>

namespace assist::host {
namespace {

std::string Number(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

std::string Labels(const std::vector<std::string>& names, const LabelValues& values,
                   const std::string& extra = {}) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) {
    out += (out.empty() ? "" : ",") + names[i] + "=\"" + EscapeLabelValue(values[i]) + "\"";
  }
  if (!extra.empty()) out += (out.empty() ? "" : ",") + extra;
  return out.empty() ? "" : "{" + out + "}";
}

void Header(std::string& out, const std::string& name, const std::string& help, const char* type) {
  out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

// Seconds, from 1 ms to 10 s: an RPC, a pool wait or a sweep batch.
const std::vector<double> kLatencyBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                            0.25,  0.5,    1,     2.5,  5,     10};

}  // namespace

std::string EscapeLabelValue(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

CounterFamily::CounterFamily(std::string name, std::string help, std::vector<std::string> labels)
    : name_(std::move(name)), help_(std::move(help)), labels_(std::move(labels)) {}

void CounterFamily::Inc(const LabelValues& values, double by) {
  std::lock_guard lock(mutex_);
  values_[values] += by;
}

double CounterFamily::Value(const LabelValues& values) const {
  std::lock_guard lock(mutex_);
  const auto found = values_.find(values);
  return found == values_.end() ? 0 : found->second;
}

void CounterFamily::Render(std::string& out) const {
  Header(out, name_, help_, "counter");
  std::lock_guard lock(mutex_);
  for (const auto& [values, value] : values_) {
    out += name_ + Labels(labels_, values) + " " + Number(value) + "\n";
  }
}

HistogramFamily::HistogramFamily(std::string name, std::string help,
                                 std::vector<std::string> labels, std::vector<double> bounds)
    : name_(std::move(name)),
      help_(std::move(help)),
      labels_(std::move(labels)),
      bounds_(std::move(bounds)) {}

void HistogramFamily::Observe(const LabelValues& values, double value) {
  std::lock_guard lock(mutex_);
  Series& series = series_[values];
  if (series.buckets.empty()) series.buckets.assign(bounds_.size() + 1, 0);
  std::size_t bucket = 0;
  while (bucket < bounds_.size() && value > bounds_[bucket]) ++bucket;
  ++series.buckets[bucket];
  series.sum += value;
  ++series.count;
}

void HistogramFamily::Render(std::string& out) const {
  Header(out, name_, help_, "histogram");
  std::lock_guard lock(mutex_);
  for (const auto& [values, series] : series_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= bounds_.size(); ++i) {
      cumulative += series.buckets[i];
      const double bound = i < bounds_.size() ? bounds_[i] : INFINITY;
      out += name_ + "_bucket" + Labels(labels_, values, "le=\"" + Number(bound) + "\"") + " " +
             std::to_string(cumulative) + "\n";
    }
    out += name_ + "_sum" + Labels(labels_, values) + " " + Number(series.sum) + "\n";
    out += name_ + "_count" + Labels(labels_, values) + " " + std::to_string(series.count) + "\n";
  }
}

Gauge::Gauge(std::string name, std::string help) : name_(std::move(name)), help_(std::move(help)) {}

void Gauge::Add(double by) {
  double current = value_.load();
  while (!value_.compare_exchange_weak(current, current + by)) {
  }
}

void Gauge::SetSource(std::function<double()> source) {
  std::lock_guard lock(mutex_);
  source_ = std::move(source);
}

void Gauge::Render(std::string& out) const {
  Header(out, name_, help_, "gauge");
  std::lock_guard lock(mutex_);
  out += name_ + " " + Number(source_ ? source_() : value_.load()) + "\n";
}

HostMetricsRegistry::HostMetricsRegistry()
    : rpc_calls("assist_rpc_calls_total", "RPCs answered, by method and gRPC status code.",
                {"method", "code"}),
      rpc_duration("assist_rpc_duration_seconds",
                   "Time from a call's arrival to its answer, by method.", {"method"},
                   kLatencyBounds),
      executor_queue_depth("assist_executor_queued_calls",
                           "Calls waiting for a worker thread (max_queued_calls refuses more)."),
      pool_connections_in_use("assist_db_pool_connections_in_use",
                              "Database connections leased from the pool."),
      pool_wait("assist_db_pool_wait_seconds", "Time a call waited to lease a connection.", {},
                kLatencyBounds),
      audit_batch_rows("assist_audit_batch_rows",
                       "Audit rows of reads and refusals committed together in one transaction.",
                       {}, {1, 2, 4, 8, 16, 32, 64}),
      plugin_refusals("assist_plugin_validation_refusals_total",
                      "Payloads a plugin refused, by assistance type and step.", {"type", "step"}),
      retention_sweeps("assist_retention_sweeps_total",
                       "Retention sweeps run, by outcome (ok, failed).", {"outcome"}),
      retention_sweep_duration("assist_retention_sweep_duration_seconds",
                               "How long a retention sweep took.", {},
                               {0.01, 0.1, 1, 10, 60, 600}) {}

std::string HostMetricsRegistry::RenderPrometheus() const {
  std::string out;
  rpc_calls.Render(out);
  rpc_duration.Render(out);
  executor_queue_depth.Render(out);
  pool_connections_in_use.Render(out);
  pool_wait.Render(out);
  audit_batch_rows.Render(out);
  plugin_refusals.Render(out);
  retention_sweeps.Render(out);
  retention_sweep_duration.Render(out);
  return out;
}

HostMetricsRegistry& HostMetrics() {
  static HostMetricsRegistry registry;
  return registry;
}

}  // namespace assist::host

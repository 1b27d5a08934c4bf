#pragma once
// Keeps the gRPC health status (grpc.health.v1, every service) in step with the database: a
// thread asks Database::Ping every interval, and the status turns NOT_SERVING when it fails and
// SERVING again when it answers, so a load balancer stops sending calls a host cannot serve.
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "db/database.hpp"

namespace assist::host {

class HealthMonitor {
 public:
  HealthMonitor(Database& db, grpc::HealthCheckServiceInterface& health,
                std::chrono::milliseconds interval);
  ~HealthMonitor();  // stops the thread
  HealthMonitor(const HealthMonitor&) = delete;
  HealthMonitor& operator=(const HealthMonitor&) = delete;

  // As of the last ping (true until a ping fails).
  bool database_reachable() const { return reachable_; }

 private:
  void Run();

  Database& db_;
  grpc::HealthCheckServiceInterface& health_;
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::atomic<bool> reachable_ = true;
  std::thread thread_;
};

}  // namespace assist::host

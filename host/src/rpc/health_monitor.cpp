#include "rpc/health_monitor.hpp"

#include "util/log.hpp"

namespace assist::host {

HealthMonitor::HealthMonitor(Database& db, grpc::HealthCheckServiceInterface& health,
                             std::chrono::milliseconds interval)
    : db_(db), health_(health), interval_(interval), thread_([this] { Run(); }) {}

HealthMonitor::~HealthMonitor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void HealthMonitor::Run() {
  bool serving = true;  // the server starts SERVING
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    const bool reachable = db_.Ping();
    reachable_ = reachable;
    if (reachable != serving) {
      serving = reachable;
      health_.SetServingStatus(serving);
      if (serving) {
        LogInfo("database reachable again: health SERVING");
      } else {
        LogError("database unreachable: health NOT_SERVING until it answers again");
      }
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace assist::host

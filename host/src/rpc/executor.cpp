#include "rpc/executor.hpp"

namespace assist::host {

Executor::Executor(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

Executor::~Executor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

bool Executor::TryPost(Lane lane, std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    if (reads_.size() + writes_.size() >= max_queued_) return false;
    (lane == Lane::kRead ? reads_ : writes_).push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

std::size_t Executor::queued() const {
  std::lock_guard lock(mutex_);
  return reads_.size() + writes_.size();
}

void Executor::Work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !reads_.empty() || !writes_.empty(); });
      auto& lane = !reads_.empty() ? reads_ : writes_;
      if (lane.empty()) return;  // stopping and drained
      task = std::move(lane.front());
      lane.pop_front();
    }
    task();
  }
}

}  // namespace assist::host

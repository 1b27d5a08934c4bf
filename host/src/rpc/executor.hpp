#pragma once
// A fixed pool of threads for blocking work (SOCI calls), sized to the connection pool, so that
// gRPC's callback threads never block on the database. Its queue is bounded: past
// `max_queued` waiting tasks TryPost refuses at once, so overload is answered instead of piling
// up calls whose callers have long given up. Reads are taken before writes, so a backlog of
// writes cannot starve a GetCase.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace assist::host {

class Executor {
 public:
  enum class Lane { kRead, kWrite };

  Executor(std::size_t threads, std::size_t max_queued);
  ~Executor();  // runs what is queued, then joins
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  // Queues `task`; false (the task dropped, not run) when `max_queued` tasks already wait.
  [[nodiscard]] bool TryPost(Lane lane, std::function<void()> task);
  std::size_t queued() const;
  std::size_t max_queued() const { return max_queued_; }

 private:
  void Work();

  const std::size_t max_queued_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> reads_;
  std::deque<std::function<void()>> writes_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace assist::host

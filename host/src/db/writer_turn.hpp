#pragma once
// In-process SQLite writers take their turn here, in arrival order, before BEGIN IMMEDIATE:
// writers of one host then never collide on the file lock and never sleep in SQLite's busy
// back-off (which polls, so a waiter could sleep up to 100 ms past the moment the lock was free,
// and a newcomer could overtake it). The busy time-out still covers other processes.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace assist::host {

class WriterTurn {
 public:
  // Waits until it is the caller's turn, at most `patience`; false if the turn did not come in
  // time (the caller then leaves the queue and those behind it move up).
  bool Take(std::chrono::steady_clock::duration patience);
  // Ends the current writer's turn; the next in line goes.
  void Give();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool taken_ = false;               // guarded by mutex_
  std::uint64_t next_ticket_ = 0;    // guarded by mutex_
  std::deque<std::uint64_t> queue_;  // tickets waiting, oldest first; guarded by mutex_
};

}  // namespace assist::host

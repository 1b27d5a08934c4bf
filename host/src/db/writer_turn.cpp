#include "db/writer_turn.hpp"

#include <algorithm>

namespace assist::host {

bool WriterTurn::Take(std::chrono::steady_clock::duration patience) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  std::unique_lock lock(mutex_);
  if (!taken_ && queue_.empty()) {
    taken_ = true;
    return true;
  }
  const std::uint64_t ticket = next_ticket_++;
  queue_.push_back(ticket);
  const bool mine =
      changed_.wait_until(lock, deadline, [&] { return !taken_ && queue_.front() == ticket; });
  if (!mine) {
    queue_.erase(std::find(queue_.begin(), queue_.end(), ticket));
    // The one behind may be first now, and the turn may be free.
    changed_.notify_all();
    return false;
  }
  queue_.pop_front();
  taken_ = true;
  return true;
}

void WriterTurn::Give() {
  {
    std::lock_guard lock(mutex_);
    taken_ = false;
  }
  changed_.notify_all();
}

}  // namespace assist::host

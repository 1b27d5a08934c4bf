// In-process SQLite writers take turns in arrival order, and a writer that gives up leaves the
// queue without holding up those behind it.
#include "db/writer_turn.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace assist::host {
namespace {

using std::chrono::milliseconds;

TEST(WriterTurnTest, WritersGoInTheOrderTheyArrived) {
  WriterTurn turn;
  ASSERT_TRUE(turn.Take(milliseconds(10)));
  std::mutex mutex;
  std::vector<int> order;
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i) {
    writers.emplace_back([&, i] {
      ASSERT_TRUE(turn.Take(std::chrono::seconds(10)));
      {
        std::lock_guard lock(mutex);
        order.push_back(i);
      }
      turn.Give();
    });
    // Long enough for writer i to be queued before writer i + 1 arrives.
    std::this_thread::sleep_for(milliseconds(30));
  }
  turn.Give();
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

TEST(WriterTurnTest, AWriterOutOfPatienceLeavesTheQueue) {
  WriterTurn turn;
  ASSERT_TRUE(turn.Take(milliseconds(10)));
  const auto asked = std::chrono::steady_clock::now();
  EXPECT_FALSE(turn.Take(milliseconds(50)));
  EXPECT_GE(std::chrono::steady_clock::now() - asked, milliseconds(50));
  bool later_went = false;
  std::thread later([&] {
    later_went = turn.Take(std::chrono::seconds(10));
    if (later_went) turn.Give();
  });
  std::this_thread::sleep_for(milliseconds(20));
  turn.Give();
  later.join();
  EXPECT_TRUE(later_went) << "the writer that gave up must not block the next one";
  EXPECT_TRUE(turn.Take(milliseconds(10))) << "nobody holds the turn now";
  turn.Give();
}

}  // namespace
}  // namespace assist::host

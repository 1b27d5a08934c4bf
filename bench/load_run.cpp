#include "load_run.hpp"

#include <chrono>
#include <exception>
#include <latch>
#include <memory>
#include <thread>

namespace assist::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct CallerSamples {
  std::vector<double> ms;
  long failures = 0;
  std::string first_error;

  void Fail(std::string error) {
    if (failures++ == 0) first_error = std::move(error);
  }
};

}  // namespace

PointResult RunPoint(Target& target, Rpc rpc, int callers, double seconds,
                     const std::vector<long long>& cases) {
  std::vector<CallerSamples> samples(static_cast<std::size_t>(callers));
  std::latch ready(callers + 1);
  std::latch go(1);
  Clock::time_point deadline;
  std::vector<std::thread> threads;
  threads.reserve(samples.size());
  for (int t = 0; t < callers; ++t) {
    threads.emplace_back([&, t] {
      CallerSamples& mine = samples[static_cast<std::size_t>(t)];
      std::unique_ptr<Caller> caller;
      std::string error;
      try {
        caller = target.NewCaller();
        if (!caller->Call(rpc, cases[static_cast<std::size_t>(t) % cases.size()], error)) {
          mine.Fail(error);
        }
      } catch (const std::exception& e) {
        mine.Fail(std::string("cannot connect: ") + e.what());
        caller.reset();
      }
      ready.count_down();
      go.wait();
      if (!caller) return;
      for (std::size_t i = static_cast<std::size_t>(t); Clock::now() < deadline; ++i) {
        const auto start = Clock::now();
        const bool ok = caller->Call(rpc, cases[i % cases.size()], error);
        const auto end = Clock::now();
        if (ok) {
          mine.ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        } else {
          mine.Fail(error);
        }
      }
    });
  }
  ready.arrive_and_wait();
  const auto started = Clock::now();
  deadline =
      started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  go.count_down();
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();

  std::vector<double> all;
  long failures = 0;
  std::string first_error;
  for (auto& s : samples) {
    all.insert(all.end(), s.ms.begin(), s.ms.end());
    failures += s.failures;
    if (first_error.empty()) first_error = s.first_error;
  }
  return {Summarize(std::move(all), failures, elapsed), first_error};
}

}  // namespace assist::bench

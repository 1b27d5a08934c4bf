#pragma once
// Anonymises, once at start-up and then once a day, every centre's cases whose retention period
// has passed (CaseWorkflow::ApplyRetention as the host itself, audited per case).
#include <condition_variable>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "domain/case_workflow.hpp"

namespace assist::host {

class RetentionSweeper {
 public:
  RetentionSweeper(Database& db, const CaseWorkflow& workflow);
  ~RetentionSweeper();
  void Stop();

 private:
  void SweepAllCentres();

  Database& db_;
  const CaseWorkflow& workflow_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace assist::host

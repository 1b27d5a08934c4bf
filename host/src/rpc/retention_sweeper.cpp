#include "rpc/retention_sweeper.hpp"

#include <chrono>
#include <vector>

#include "util/log.hpp"

namespace assist::host {

RetentionSweeper::RetentionSweeper(Database& db, const CaseWorkflow& workflow)
    : db_(db), workflow_(workflow), thread_([this] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
          lock.unlock();
          SweepAllCentres();
          lock.lock();
          wake_.wait_for(lock, std::chrono::hours(24), [this] { return stopping_; });
        }
      }) {}

RetentionSweeper::~RetentionSweeper() { Stop(); }

void RetentionSweeper::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionSweeper::SweepAllCentres() {
  try {
    std::vector<std::string> centres;
    {
      soci::session sql(db_.pool());
      std::string id;
      soci::statement st = (sql.prepare << "SELECT id FROM centres ORDER BY id", soci::into(id));
      st.execute();
      while (st.fetch()) centres.push_back(id);
    }
    for (const auto& centre : centres) {
      Identity host;
      host.actor_id = "assist-host";
      host.centre_id = centre;
      host.role = assist::v1::ROLE_OPERATOR;
      host.request_id = "retention-sweep";
      Transaction tx(db_);
      auto done = workflow_.ApplyRetention(tx, host, {});
      tx.Commit();
      if (done.anonymised_case_ids_size() > 0) {
        LogInfo("retention: " + std::to_string(done.anonymised_case_ids_size()) +
                " case(s) of " + centre + " anonymised");
      }
    }
  } catch (const std::exception& e) {
    LogError(std::string("retention sweep failed: ") + e.what());
  }
}

}  // namespace assist::host

#pragma once
// The host's own SQL for GetCase and RecordContact as a load target (bench/raw_case_sql.hpp), on
// the database the host serves from (its migrations made it, its cases are there). Like the
// host, it has a fixed number of connections, set up as the host sets up its pool's; a caller
// waits for a free one (counted in its latency), and each keeps its prepared statements for the
// whole run.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "load_target.hpp"

namespace assist::bench {

class RawConnection;

class RawSociTarget final : public Target {
 public:
  // `backend`: "sqlite" (`connection` a file) or "postgresql" (a libpq connection string).
  RawSociTarget(std::string backend, std::string connection, int connections);
  ~RawSociTarget() override;
  const std::string& name() const override { return name_; }
  std::unique_ptr<Caller> NewCaller() override;

  // A free connection, opened on first need; wait for one when all are in use.
  std::unique_ptr<RawConnection> Lease();
  void Return(std::unique_ptr<RawConnection> connection);

 private:
  const std::string name_ = "raw";
  const std::string backend_;
  const std::string connection_;
  const int connections_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<RawConnection>> idle_;
  int opened_ = 0;
};

}  // namespace assist::bench

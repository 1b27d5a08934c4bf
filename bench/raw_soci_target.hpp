#pragma once
// The host's own SQL for GetCase and RecordContact as a load target (bench/raw_case_sql.hpp):
// each caller opens its own connection, set up as the host sets up its pool's, to the database
// the host serves from (its migrations made it, its cases are there).
#include <atomic>
#include <string>

#include "load_target.hpp"

namespace assist::bench {

class RawSociTarget final : public Target {
 public:
  // `backend`: "sqlite" (`connection` a file) or "postgresql" (a libpq connection string).
  RawSociTarget(std::string backend, std::string connection);
  const std::string& name() const override { return name_; }
  std::unique_ptr<Caller> NewCaller() override;

 private:
  const std::string name_ = "raw";
  std::string backend_;
  std::string connection_;
  std::atomic<int> callers_made_{0};
};

}  // namespace assist::bench

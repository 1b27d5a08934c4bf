#include "raw_soci_target.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <exception>
#include <stdexcept>

#include "raw_case_sql.hpp"

namespace assist::bench {
namespace {

// The settings of host/src/db/database.cpp's Database::Open (the default lock timeout).
std::unique_ptr<soci::session> Open(const std::string& backend, const std::string& connection) {
  auto session = std::make_unique<soci::session>();
  if (backend == "sqlite") {
    session->open(soci::sqlite3, "db=\"" + connection + "\"");
    *session << "PRAGMA busy_timeout = 5000";
    *session << "PRAGMA foreign_keys = ON";
    *session << "PRAGMA journal_mode = WAL";
    *session << "PRAGMA synchronous = NORMAL";
  } else if (backend == "postgresql") {
    session->open(soci::postgresql, connection + " connect_timeout=5");
  } else {
    throw std::invalid_argument("unknown database backend " + backend);
  }
  return session;
}

}  // namespace

class RawConnection {
 public:
  RawConnection(std::unique_ptr<soci::session> session, bool postgresql, std::string tag)
      : session_(std::move(session)), calls_(*session_, postgresql, std::move(tag)) {}
  RawCaseCalls& calls() { return calls_; }

 private:
  std::unique_ptr<soci::session> session_;
  RawCaseCalls calls_;
};

namespace {

class RawCaller final : public Caller {
 public:
  explicit RawCaller(RawSociTarget& target) : target_(target) {}

  bool Call(Rpc rpc, long long case_id, std::string& error) override {
    std::unique_ptr<RawConnection> connection;
    bool ok = true;
    try {
      connection = target_.Lease();
      if (rpc == Rpc::kGetCase) {
        connection->calls().GetCase(case_id);
      } else {
        connection->calls().RecordContact(case_id);
      }
    } catch (const std::exception& e) {
      error = e.what();
      ok = false;
    }
    if (connection) target_.Return(std::move(connection));
    return ok;
  }

 private:
  RawSociTarget& target_;
};

}  // namespace

RawSociTarget::RawSociTarget(std::string backend, std::string connection, int connections)
    : backend_(std::move(backend)), connection_(std::move(connection)), connections_(connections) {}

RawSociTarget::~RawSociTarget() = default;

std::unique_ptr<Caller> RawSociTarget::NewCaller() { return std::make_unique<RawCaller>(*this); }

std::unique_ptr<RawConnection> RawSociTarget::Lease() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [this] { return !idle_.empty() || opened_ < connections_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
  }
  const int number = ++opened_;
  lock.unlock();
  try {
    return std::make_unique<RawConnection>(Open(backend_, connection_), backend_ == "postgresql",
                                           "raw-" + std::to_string(number));
  } catch (...) {
    lock.lock();
    --opened_;
    returned_.notify_one();
    throw;
  }
}

void RawSociTarget::Return(std::unique_ptr<RawConnection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

}  // namespace assist::bench

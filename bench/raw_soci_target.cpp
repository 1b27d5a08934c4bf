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

class RawCaller final : public Caller {
 public:
  RawCaller(std::unique_ptr<soci::session> session, bool postgresql, std::string tag)
      : session_(std::move(session)), calls_(*session_, postgresql, std::move(tag)) {}

  bool Call(Rpc rpc, long long case_id, std::string& error) override {
    try {
      if (rpc == Rpc::kGetCase) {
        calls_.GetCase(case_id);
      } else {
        calls_.RecordContact(case_id);
      }
      return true;
    } catch (const std::exception& e) {
      error = e.what();
      return false;
    }
  }

 private:
  std::unique_ptr<soci::session> session_;
  RawCaseCalls calls_;
};

}  // namespace

RawSociTarget::RawSociTarget(std::string backend, std::string connection)
    : backend_(std::move(backend)), connection_(std::move(connection)) {}

std::unique_ptr<Caller> RawSociTarget::NewCaller() {
  return std::make_unique<RawCaller>(Open(backend_, connection_), backend_ == "postgresql",
                                     "raw-" + std::to_string(++callers_made_));
}

}  // namespace assist::bench

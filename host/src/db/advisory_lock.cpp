#include "db/advisory_lock.hpp"

#include <exception>
#include <string>

#include "util/log.hpp"

namespace assist::host {

SessionAdvisoryLock::SessionAdvisoryLock(Database& db, long long key) : key_(key), sql_(db.pool()) {
  int got = 0;
  sql_ << "SELECT CASE WHEN pg_try_advisory_lock(:k) THEN 1 ELSE 0 END", soci::use(key_),
      soci::into(got);
  held_ = got == 1;
}

SessionAdvisoryLock::~SessionAdvisoryLock() {
  if (!held_) return;
  try {
    int released = 0;
    sql_ << "SELECT CASE WHEN pg_advisory_unlock(:k) THEN 1 ELSE 0 END", soci::use(key_),
        soci::into(released);
  } catch (const std::exception& e) {
    // The connection is gone, and the lock with it.
    LogWarning(std::string("releasing advisory lock ") + std::to_string(key_) +
               " failed: " + e.what());
  }
}

bool TryTransactionAdvisoryLock(Transaction& tx, long long key) {
  int got = 0;
  tx.sql() << "SELECT CASE WHEN pg_try_advisory_xact_lock(:k) THEN 1 ELSE 0 END", soci::use(key),
      soci::into(got);
  return got == 1;
}

}  // namespace assist::host

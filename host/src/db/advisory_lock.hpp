#pragma once
// PostgreSQL advisory locks, for work that N hosts sharing one database must do one at a time.
#include <soci/soci.h>

#include "db/database.hpp"

namespace assist::host {

// A session-level lock (pg_try_advisory_lock) held, if it was free, until destruction, on a pooled
// connection kept aside for that time. If that connection dies, the server drops the lock.
class SessionAdvisoryLock {
 public:
  SessionAdvisoryLock(Database& db, long long key);
  ~SessionAdvisoryLock();
  SessionAdvisoryLock(const SessionAdvisoryLock&) = delete;
  SessionAdvisoryLock& operator=(const SessionAdvisoryLock&) = delete;
  bool held() const { return held_; }

 private:
  long long key_;
  soci::session sql_;
  bool held_ = false;
};

// A transaction-level lock (pg_try_advisory_xact_lock), released at the commit of `tx`; false when
// another session holds the key.
bool TryTransactionAdvisoryLock(Transaction& tx, long long key);

}  // namespace assist::host

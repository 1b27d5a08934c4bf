#pragma once
// What went wrong in the database, in the terms a caller can act on. The data layer turns every
// SOCI error into a DatabaseFault; the RPC layer answers each kind with its own gRPC code, so an
// outage or a lost race is retryable (UNAVAILABLE, ABORTED, RESOURCE_EXHAUSTED) and only a real
// defect is INTERNAL.
#include <soci/soci.h>

#include <assist/plugin/data.hpp>
#include <stdexcept>
#include <string>

namespace assist::host {

enum class FaultKind {
  kUnavailable,      // no connection, or the server is shutting down / not accepting
  kOutcomeUnknown,   // the connection broke during COMMIT: the change may or may not be stored
  kStorageFull,      // disk full (SQLITE_FULL, PostgreSQL 53100), out of memory
  kLockTimeout,      // SQLite busy past the lock time-out, PostgreSQL lock_not_available
  kConflict,         // serialization failure or deadlock: the transaction lost a race
  kUniqueViolation,  // a unique index refused the row; `constraint` names the rule
  kOther,            // anything else: a defect, answered INTERNAL
};

class DatabaseFault : public std::runtime_error {
 public:
  DatabaseFault(FaultKind kind, const std::string& what, std::string constraint = {})
      : std::runtime_error(what), kind_(kind), constraint_(std::move(constraint)) {}
  FaultKind kind() const { return kind_; }
  // kUniqueViolation: the index or table.columns the database named ("centres_pkey",
  // "cases_one_open_person", "centres.id"); empty otherwise.
  const std::string& constraint() const { return constraint_; }

 private:
  FaultKind kind_;
  std::string constraint_;
};

// Classifies `error`, raised on `session` of `backend`. The session's connection state is
// consulted (PostgreSQL), because libpq reports a dropped connection in words, not a SQLSTATE.
DatabaseFault ClassifyFault(const soci::soci_error& error, sdk::Backend backend,
                            soci::session& session);

// A PostgreSQL session whose connection is known to be gone (libpq's status, no round trip), or
// that has no connection at all after a failed reconnect. Always false on SQLite.
bool ConnectionBroken(soci::session& session, sdk::Backend backend);

// The rule a unique index holds, in words for the caller ("centre", "an open case of this type
// for this subject"), or empty when the index holds no rule a caller can break (a surrogate key,
// a version number two writers raced for: that is a conflict to retry, not a duplicate).
std::string UniqueRuleOf(const std::string& constraint);

}  // namespace assist::host

#include "db/database_fault.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <array>
#include <string_view>

namespace assist::host {
namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The text after `marker` up to the first of `ends` (or the end).
std::string After(std::string_view text, std::string_view marker, std::string_view ends) {
  auto at = text.find(marker);
  if (at == std::string_view::npos) return {};
  text.remove_prefix(at + marker.size());
  return std::string(text.substr(0, text.find_first_of(ends)));
}

DatabaseFault ClassifyPostgresql(const soci::soci_error& error, soci::session& session) {
  const std::string_view message = error.what();
  std::string state;
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    state = pg->sqlstate();
  }
  if (state == "23505") {
    return {FaultKind::kUniqueViolation, "a unique rule was broken",
            After(message, "constraint \"", "\"")};
  }
  if (state == "40001" || state == "40P01") {
    return {FaultKind::kConflict, "the transaction lost a race with a concurrent one"};
  }
  if (state == "55P03") return {FaultKind::kLockTimeout, "a lock was not granted in time"};
  if (state == "53100" || state == "53200") {
    return {FaultKind::kStorageFull, "the database server is out of disk space or memory"};
  }
  // Class 08 (connection exception), 57P01-57P03 (shutting down, cannot connect now), 53300
  // (too many connections). A connection that died mid-statement often carries no SQLSTATE at
  // all, which is why the session itself is asked.
  if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03" ||
      state == "53300" || error.get_error_category() == soci::soci_error::connection_error ||
      Contains(message, "Cannot establish connection") ||
      ConnectionBroken(session, sdk::Backend::kPostgresql)) {
    return {FaultKind::kUnavailable, "the database is unreachable"};
  }
  return {FaultKind::kOther, "database error"};
}

DatabaseFault ClassifySqlite(const soci::soci_error& error) {
  const std::string_view message = error.what();
  int code = -1;
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    code = lite->result() & 0xFF;  // the primary code of an extended one
  }
  // SOCI raises some SQLite errors without the code, so the words are checked as well.
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED || Contains(message, "database is locked") ||
      Contains(message, "database table is locked")) {
    return {FaultKind::kLockTimeout, "the database stayed locked past the lock time-out"};
  }
  if (code == SQLITE_FULL || code == SQLITE_NOMEM ||
      Contains(message, "database or disk is full")) {
    return {FaultKind::kStorageFull, "the database file's disk is full"};
  }
  if (Contains(message, "UNIQUE constraint failed: ")) {
    // "UNIQUE constraint failed: cases.centre_id, cases.type_id" (SOCI may append " while ...").
    std::string columns = After(message, "UNIQUE constraint failed: ", "\n\r");
    columns = columns.substr(0, columns.find(" while "));
    return {FaultKind::kUniqueViolation, "a unique rule was broken", columns};
  }
  if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_READONLY ||
      code == SQLITE_PROTOCOL || Contains(message, "disk I/O error") ||
      Contains(message, "unable to open database")) {
    return {FaultKind::kUnavailable, "the database file cannot be read or written"};
  }
  return {FaultKind::kOther, "database error"};
}

}  // namespace

bool ConnectionBroken(soci::session& session, sdk::Backend backend) {
  if (backend != sdk::Backend::kPostgresql) return false;
  // static_cast: the backend is known to be PostgreSQL, and libsoci_postgresql exports no
  // typeinfo a dynamic_cast could use.
  auto* pg = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  return pg == nullptr || pg->conn_ == nullptr || PQstatus(pg->conn_) != CONNECTION_OK;
}

DatabaseFault ClassifyFault(const soci::soci_error& error, sdk::Backend backend,
                            soci::session& session) {
  return backend == sdk::Backend::kPostgresql ? ClassifyPostgresql(error, session)
                                              : ClassifySqlite(error);
}

std::string UniqueRuleOf(const std::string& constraint) {
  struct Rule {
    std::string_view postgresql;  // the index name PostgreSQL reports
    std::string_view sqlite;      // the columns SQLite reports
    std::string_view what;
  };
  static constexpr std::array<Rule, 10> kRules{{
      {"centres_pkey", "centres.id", "centre"},
      {"staff_members_one_login", "staff_members.centre_id, staff_members.login",
       "a staff member with this login"},
      {"people_one_pesel", "people.centre_id, people.pesel", "a person with this PESEL"},
      {"cases_one_open_person", "cases.centre_id, cases.type_id, cases.person_id",
       "an open case of this assistance type for this person"},
      {"cases_one_open_family", "cases.centre_id, cases.type_id, cases.family_id",
       "an open case of this assistance type for this family"},
      {"case_assignments_one_primary", "case_assignments.case_id",
       "a current primary assistant of this case"},
      {"case_assignments_one_per_login", "case_assignments.case_id, case_assignments.login",
       "a current assignment of this staff member to this case"},
      {"plan_decisions_one_per_version", "plan_decisions.case_id, plan_decisions.plan_version",
       "a decision on this plan version"},
      {"case_transfers_one_pending", "case_transfers.case_id", "a pending transfer of this case"},
      {"case_transfers_one_per_new_case", "case_transfers.new_case_id",
       "a transfer that opened this case"},
  }};
  for (const Rule& rule : kRules) {
    if (constraint == rule.postgresql || constraint == rule.sqlite) return std::string(rule.what);
  }
  return {};
}

}  // namespace assist::host

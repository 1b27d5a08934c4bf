#pragma once
// The SQL of the staff register (core migration 10): staff members and the types they serve, the
// centres' own caseload limits, and the open-case loads of assistants. Every statement is scoped
// by centre; nothing here checks roles or writes the audit trail (domain/staff_register does).
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/staff.pb.h"
#include "db/database.hpp"

namespace assist::host {

// Whether the centre `centre_id` exists (the operator names the centre of a register).
bool StaffCentreExists(Transaction& tx, const std::string& centre_id);

// A member as stored; working_time_share comes back from its thousandths.
std::optional<assist::v1::StaffMember> FindStaffMember(Transaction& tx,
                                                       const std::string& centre_id,
                                                       const std::string& login);
// FindStaffMember with the member's row locked until the transaction ends (PostgreSQL; SQLite
// serialises writers already): assignments to one assistant take turns, so that two of them
// cannot both pass the caseload check.
std::optional<assist::v1::StaffMember> FindStaffMemberForUpdate(Transaction& tx,
                                                                const std::string& centre_id,
                                                                const std::string& login);

// `member` (with centre_id set) and its types; a login already registered in the centre fails on
// the key staff_members_one_login (ALREADY_EXISTS).
void InsertStaffMember(Transaction& tx, const assist::v1::StaffMember& member,
                       const std::string& now);
// Every field but the login and created_at, the types replaced.
void UpdateStaffMemberRow(Transaction& tx, const assist::v1::StaffMember& member,
                          const std::string& now);

struct StaffFilter {
  std::string type_id;  // "" for every type
  bool active_only = false;
};
std::vector<assist::v1::StaffMember> ListStaffMemberRows(Transaction& tx,
                                                         const std::string& centre_id,
                                                         const StaffFilter& filter);

// The centre's own limit for the type (0: none), or nullopt when the type was never enabled there.
std::optional<int> CentreCaseloadLimit(Transaction& tx, const std::string& centre_id,
                                       const std::string& type_id);
// Returns false when the type was never enabled at the centre (no row to hold the limit).
bool SetCentreCaseloadLimit(Transaction& tx, const std::string& centre_id,
                            const std::string& type_id, int limit);

// The open cases of `type_id` in the centre, but `except_case_id`, that `login` holds a current
// primary or co-assistant assignment of (case_assignments; a substitute's cases do not count).
int OpenCaseload(Transaction& tx, const std::string& centre_id, const std::string& login,
                 const std::string& type_id, long long except_case_id);

struct CaseloadRow {
  std::string login;
  std::string full_name;
  std::string type_id;
  bool active = false;
  int open_cases = 0;
};
// Each assistant of the centre and type they serve (only `type_id` unless empty) with their open
// cases as OpenCaseload counts them, by login and type.
std::vector<CaseloadRow> ListCaseloadRows(Transaction& tx, const std::string& centre_id,
                                          const std::string& type_id);

}  // namespace assist::host

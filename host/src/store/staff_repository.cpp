#include "store/staff_repository.hpp"

#include <cmath>

#include "assist/v1/cases.pb.h"

namespace assist::host {
namespace {

constexpr const char* kMemberColumns =
    "login, full_name, staff_function, employment_form, working_time_permille, qualifications, "
    "active, created_at, updated_at";

constexpr double kPermille = 1000.0;

// The assignments a caseload counts: primary (1) and co-assistant (2), not substitute (3).
constexpr const char* kCountedRoles = "a.role IN (1, 2)";
static_assert(assist::v1::ASSIGNMENT_ROLE_PRIMARY == 1 &&
              assist::v1::ASSIGNMENT_ROLE_CO_ASSISTANT == 2);

struct MemberRow {
  std::string login, full_name, qualifications, created_at, updated_at;
  int function = 0, employment_form = 0, permille = 0, active = 0;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(login));
    st.exchange(soci::into(full_name));
    st.exchange(soci::into(function));
    st.exchange(soci::into(employment_form));
    st.exchange(soci::into(permille));
    st.exchange(soci::into(qualifications));
    st.exchange(soci::into(active));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
  }

  assist::v1::StaffMember Get(const std::string& centre_id) const {
    assist::v1::StaffMember m;
    m.set_centre_id(centre_id);
    m.set_login(login);
    m.set_full_name(full_name);
    m.set_function(static_cast<assist::v1::StaffFunction>(function));
    m.set_employment_form(static_cast<assist::v1::EmploymentForm>(employment_form));
    m.set_working_time_share(permille / kPermille);
    m.set_qualifications(qualifications);
    m.set_active(active != 0);
    m.set_created_at(created_at);
    m.set_updated_at(updated_at);
    return m;
  }
};

void LoadTypes(Transaction& tx, assist::v1::StaffMember& member) {
  std::string type;
  soci::statement st =
      (tx.sql().prepare << "SELECT type_id FROM staff_member_types WHERE centre_id = :c AND "
                           "login = :l ORDER BY type_id",
       soci::use(member.centre_id()), soci::use(member.login()), soci::into(type));
  st.execute();
  while (st.fetch()) member.add_type_ids(type);
}

void InsertTypes(Transaction& tx, const assist::v1::StaffMember& member) {
  for (const std::string& type : member.type_ids()) {
    tx.sql() << "INSERT INTO staff_member_types (centre_id, login, type_id) VALUES (:c, :l, :t)",
        soci::use(member.centre_id()), soci::use(member.login()), soci::use(type);
  }
}

std::optional<assist::v1::StaffMember> SelectMember(Transaction& tx, const std::string& centre_id,
                                                    const std::string& login, bool for_update) {
  std::string sql = std::string("SELECT ") + kMemberColumns +
                    " FROM staff_members WHERE centre_id = :c AND login = :l";
  if (for_update && tx.backend() == sdk::Backend::kPostgresql) sql += " FOR UPDATE";
  MemberRow row;
  soci::statement st(tx.sql());
  st.alloc();
  row.Bind(st);
  st.exchange(soci::use(centre_id));
  st.exchange(soci::use(login));
  st.prepare(sql);
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  assist::v1::StaffMember member = row.Get(centre_id);
  LoadTypes(tx, member);
  return member;
}

int Permille(double share) { return static_cast<int>(std::lround(share * kPermille)); }

}  // namespace

bool StaffCentreExists(Transaction& tx, const std::string& centre_id) {
  int count = 0;
  tx.sql() << "SELECT COUNT(*) FROM centres WHERE id = :id", soci::use(centre_id),
      soci::into(count);
  return count > 0;
}

std::optional<assist::v1::StaffMember> FindStaffMember(Transaction& tx,
                                                       const std::string& centre_id,
                                                       const std::string& login) {
  return SelectMember(tx, centre_id, login, false);
}

std::optional<assist::v1::StaffMember> FindStaffMemberForUpdate(Transaction& tx,
                                                                const std::string& centre_id,
                                                                const std::string& login) {
  return SelectMember(tx, centre_id, login, true);
}

void InsertStaffMember(Transaction& tx, const assist::v1::StaffMember& m, const std::string& now) {
  const int function = m.function(), form = m.employment_form(),
            permille = Permille(m.working_time_share()), active = m.active() ? 1 : 0;
  tx.sql() << "INSERT INTO staff_members (centre_id, login, full_name, staff_function, "
              "employment_form, working_time_permille, qualifications, active, created_at, "
              "updated_at) VALUES (:c, :l, :n, :f, :e, :w, :q, :a, :ca, :ua)",
      soci::use(m.centre_id()), soci::use(m.login()), soci::use(m.full_name()), soci::use(function),
      soci::use(form), soci::use(permille), soci::use(m.qualifications()), soci::use(active),
      soci::use(now), soci::use(now);
  InsertTypes(tx, m);
}

void UpdateStaffMemberRow(Transaction& tx, const assist::v1::StaffMember& m,
                          const std::string& now) {
  const int function = m.function(), form = m.employment_form(),
            permille = Permille(m.working_time_share()), active = m.active() ? 1 : 0;
  tx.sql() << "UPDATE staff_members SET full_name = :n, staff_function = :f, employment_form = :e, "
              "working_time_permille = :w, qualifications = :q, active = :a, updated_at = :u "
              "WHERE centre_id = :c AND login = :l",
      soci::use(m.full_name()), soci::use(function), soci::use(form), soci::use(permille),
      soci::use(m.qualifications()), soci::use(active), soci::use(now), soci::use(m.centre_id()),
      soci::use(m.login());
  tx.sql() << "DELETE FROM staff_member_types WHERE centre_id = :c AND login = :l",
      soci::use(m.centre_id()), soci::use(m.login());
  InsertTypes(tx, m);
}

std::vector<assist::v1::StaffMember> ListStaffMemberRows(Transaction& tx,
                                                         const std::string& centre_id,
                                                         const StaffFilter& filter) {
  std::string sql =
      std::string("SELECT ") + kMemberColumns + " FROM staff_members m WHERE centre_id = :c";
  if (filter.active_only) sql += " AND active = 1";
  if (!filter.type_id.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM staff_member_types t WHERE t.centre_id = m.centre_id AND "
        "t.login = m.login AND t.type_id = :t)";
  }
  sql += " ORDER BY login";
  MemberRow row;
  soci::statement st(tx.sql());
  st.alloc();
  row.Bind(st);
  st.exchange(soci::use(centre_id));
  if (!filter.type_id.empty()) st.exchange(soci::use(filter.type_id));
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<assist::v1::StaffMember> members;
  while (st.fetch()) members.push_back(row.Get(centre_id));
  for (auto& member : members) LoadTypes(tx, member);
  return members;
}

std::optional<int> CentreCaseloadLimit(Transaction& tx, const std::string& centre_id,
                                       const std::string& type_id) {
  int limit = 0;
  tx.sql() << "SELECT caseload_limit FROM centre_assistance_types WHERE centre_id = :c AND "
              "type_id = :t",
      soci::use(centre_id), soci::use(type_id), soci::into(limit);
  if (!tx.sql().got_data()) return std::nullopt;
  return limit;
}

bool SetCentreCaseloadLimit(Transaction& tx, const std::string& centre_id,
                            const std::string& type_id, int limit) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE centre_assistance_types SET caseload_limit = :l WHERE "
                           "centre_id = :c AND type_id = :t",
       soci::use(limit), soci::use(centre_id), soci::use(type_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

int OpenCaseload(Transaction& tx, const std::string& centre_id, const std::string& login,
                 const std::string& type_id, long long except_case_id) {
  const int open = assist::v1::CASE_STATUS_OPEN;
  int count = 0;
  tx.sql() << std::string(
                  "SELECT COUNT(*) FROM case_assignments a JOIN cases c ON c.id = "
                  "a.case_id WHERE a.centre_id = :c AND a.login = :a AND a.to_on = '' "
                  "AND ") +
                  kCountedRoles + " AND c.type_id = :t AND c.status = :s AND c.id <> :id",
      soci::use(centre_id), soci::use(login), soci::use(type_id), soci::use(open),
      soci::use(except_case_id), soci::into(count);
  return count;
}

std::vector<CaseloadRow> ListCaseloadRows(Transaction& tx, const std::string& centre_id,
                                          const std::string& type_id) {
  const int open = assist::v1::CASE_STATUS_OPEN;
  const int assistant = assist::v1::STAFF_FUNCTION_ASSISTANT;
  std::string sql =
      std::string(
          "SELECT m.login, m.full_name, t.type_id, m.active, (SELECT COUNT(*) FROM "
          "case_assignments a JOIN cases c ON c.id = a.case_id WHERE a.centre_id = m.centre_id "
          "AND a.login = m.login AND a.to_on = '' AND ") +
      kCountedRoles +
      " AND c.type_id = t.type_id AND c.status = :s) FROM staff_members m JOIN "
      "staff_member_types t ON t.centre_id = m.centre_id AND t.login = m.login WHERE "
      "m.centre_id = :c AND m.staff_function = :f";
  if (!type_id.empty()) sql += " AND t.type_id = :t";
  sql += " ORDER BY m.login, t.type_id";
  CaseloadRow row;
  int active = 0;
  soci::statement st(tx.sql());
  st.alloc();
  for (auto* into : {&row.login, &row.full_name, &row.type_id}) st.exchange(soci::into(*into));
  st.exchange(soci::into(active));
  st.exchange(soci::into(row.open_cases));
  st.exchange(soci::use(open));
  st.exchange(soci::use(centre_id));
  st.exchange(soci::use(assistant));
  if (!type_id.empty()) st.exchange(soci::use(type_id));
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<CaseloadRow> rows;
  while (st.fetch()) {
    row.active = active != 0;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace assist::host

#include "store/assignment_repository.hpp"

namespace assist::host {

std::vector<CurrentAssignment> CurrentAssignmentsOfCase(Transaction& tx,
                                                        const std::string& centre_id,
                                                        long long case_id) {
  CurrentAssignment row;
  int role = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, login, role, from_on FROM case_assignments WHERE "
                           "case_id = :id AND centre_id = :c AND to_on = '' ORDER BY id",
       soci::use(case_id), soci::use(centre_id), soci::into(row.id), soci::into(row.login),
       soci::into(role), soci::into(row.from_on));
  st.execute();
  std::vector<CurrentAssignment> rows;
  while (st.fetch()) {
    row.role = static_cast<assist::v1::AssignmentRole>(role);
    rows.push_back(row);
  }
  return rows;
}

bool HoldsCurrentAssignment(Transaction& tx, const std::string& centre_id, long long case_id,
                            const std::string& login) {
  int count = 0;
  tx.Prepared(
        "SELECT COUNT(*) FROM case_assignments WHERE centre_id = :c AND login = :l AND "
        "to_on = '' AND case_id = :id")
      .Bind(soci::use(centre_id), soci::use(login), soci::use(case_id), soci::into(count))
      .Execute();
  return count > 0;
}

std::vector<assist::v1::CaseAssignment> AssignmentsOfCase(Transaction& tx,
                                                          const std::string& centre_id,
                                                          long long case_id) {
  std::string login, full_name, from_on, to_on, assigned_by, assigned_at, ended_by, ended_at;
  int role = 0;
  auto st = tx.Prepared(
      "SELECT a.login, m.full_name, a.role, a.from_on, a.to_on, a.assigned_by, a.assigned_at, "
      "a.ended_by, a.ended_at FROM case_assignments a JOIN staff_members m ON m.centre_id = "
      "a.centre_id AND m.login = a.login WHERE a.case_id = :id AND a.centre_id = :c ORDER BY a.id");
  st.Bind(soci::use(case_id), soci::use(centre_id), soci::into(login), soci::into(full_name),
          soci::into(role), soci::into(from_on), soci::into(to_on), soci::into(assigned_by),
          soci::into(assigned_at), soci::into(ended_by), soci::into(ended_at));
  std::vector<assist::v1::CaseAssignment> rows;
  for (bool more = st.Execute(); more; more = st.Fetch()) {
    assist::v1::CaseAssignment& a = rows.emplace_back();
    a.set_assistant_id(login);
    a.set_full_name(full_name);
    a.set_role(static_cast<assist::v1::AssignmentRole>(role));
    a.set_from_on(from_on);
    a.set_to_on(to_on);
    a.set_assigned_by(assigned_by);
    a.set_assigned_at(assigned_at);
    a.set_ended_by(ended_by);
    a.set_ended_at(ended_at);
  }
  return rows;
}

void InsertAssignment(Transaction& tx, const NewAssignment& a) {
  const int role = a.role;
  tx.sql() << "INSERT INTO case_assignments (case_id, centre_id, login, role, from_on, to_on, "
              "assigned_by, assigned_at, ended_by, ended_at) VALUES (:id, :c, :l, :r, :f, '', "
              ":by, :at, '', '')",
      soci::use(a.case_id), soci::use(a.centre_id), soci::use(a.login), soci::use(role),
      soci::use(a.from_on), soci::use(a.assigned_by), soci::use(a.assigned_at);
}

void EndAssignmentRow(Transaction& tx, const std::string& centre_id, long long id,
                      const std::string& to_on, const std::string& ended_by,
                      const std::string& ended_at) {
  tx.sql() << "UPDATE case_assignments SET to_on = :t, ended_by = :by, ended_at = :at WHERE "
              "id = :id AND centre_id = :c AND to_on = ''",
      soci::use(to_on), soci::use(ended_by), soci::use(ended_at), soci::use(id),
      soci::use(centre_id);
}

}  // namespace assist::host

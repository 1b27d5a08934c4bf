#include "store/statistics_repository.hpp"

namespace assist::host {

// The figures of every type at once (or of `type` alone when it is set), in grouped passes over
// the centre's cases that read the index cases_statistics (core migrations 8 and 20) only,
// instead of about eight queries per type, and one over their assignments' index (core migration
// 20). A case is served in a year when it was referred by the year's end and not closed before it
// began; opened, closed, open at the year's end and the closures count what their names say. A
// case that none of them counts was closed before the year began and referred before it too,
// which the pass leaves out.
std::map<std::string, assist::v1::TypeStatistics> CountCasesOfPeriod(Transaction& tx,
                                                                     const std::string& centre,
                                                                     const std::string& type,
                                                                     const PeriodBounds& y) {
  std::map<std::string, assist::v1::TypeStatistics> out;
  const std::string of_type = type.empty() ? "" : " AND type_id = :t";
  std::string type_id;
  long long served = 0, families = 0, opened = 0, closed = 0, open_at_end = 0;
  {
    soci::statement st(tx.sql());
    st.alloc();
    for (long long* n : {&served, &families, &opened, &closed, &open_at_end}) {
      st.exchange(soci::into(*n));
    }
    st.exchange(soci::into(type_id));
    for (const std::string* v :
         {&y.last, &y.first, &y.first, &y.last, &y.first, &y.last, &y.last, &y.last, &centre}) {
      st.exchange(soci::use(*v));
    }
    if (!type.empty()) st.exchange(soci::use(type));
    st.exchange(soci::use(y.first));
    st.exchange(soci::use(y.first));
    st.prepare(
        "SELECT SUM(served), COUNT(DISTINCT CASE WHEN served = 1 THEN family_id END), "
        "SUM(opened), SUM(closed), SUM(open_at_end), type_id FROM (SELECT type_id, family_id, "
        "CASE WHEN referred_on <= :l1 AND (closed_on = '' OR closed_on >= :f1) THEN 1 ELSE 0 END "
        "AS served, "
        "CASE WHEN referred_on >= :f2 AND referred_on <= :l2 THEN 1 ELSE 0 END AS opened, "
        "CASE WHEN closed_on >= :f3 AND closed_on <= :l3 THEN 1 ELSE 0 END AS closed, "
        "CASE WHEN referred_on <= :l4 AND (closed_on = '' OR closed_on > :l5) THEN 1 ELSE 0 END "
        "AS open_at_end FROM cases WHERE centre_id = :c" +
        of_type +
        " AND (closed_on = '' OR closed_on >= :f4 OR referred_on >= :f5)) AS year_cases "
        "GROUP BY type_id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      assist::v1::TypeStatistics& t = out[type_id];
      t.set_cases_served(static_cast<int>(served));
      t.set_families_served(static_cast<int>(families));
      t.set_cases_opened(static_cast<int>(opened));
      t.set_cases_closed(static_cast<int>(closed));
      t.set_open_at_year_end(static_cast<int>(open_at_end));
    }
  }
  {
    // The assistants who worked on the served cases in the period: every login with an
    // assignment (any role) that overlaps it, so that a reassignment in the period counts both;
    // by the employment form the register has for them (0 for a login not in it). A login has
    // one form in a centre, so the forms' counts add up to the type's.
    long long assistants = 0;
    int form = 0;
    soci::statement st(tx.sql());
    st.alloc();
    st.exchange(soci::into(assistants));
    st.exchange(soci::into(type_id));
    st.exchange(soci::into(form));
    st.exchange(soci::use(centre));
    if (!type.empty()) st.exchange(soci::use(type));
    for (const std::string* v : {&y.last, &y.first, &y.last, &y.first, &centre}) {
      st.exchange(soci::use(*v));
    }
    // CROSS JOIN keeps SQLite's loop over the served cases outside, each probing the
    // assignments' index by centre and case; the logins are made distinct before the register
    // is looked up, once per login instead of once per assignment.
    st.prepare(
        "SELECT COUNT(*), x.type_id, COALESCE(s.employment_form, 0) AS form FROM (SELECT "
        "DISTINCT c.type_id, a.login FROM cases c CROSS JOIN case_assignments a WHERE "
        "c.centre_id = :c" +
        std::string(type.empty() ? "" : " AND c.type_id = :t") +
        " AND c.referred_on <= :l1 AND (c.closed_on = '' OR c.closed_on >= :f1) AND a.centre_id "
        "= c.centre_id AND a.case_id = c.id AND a.from_on <= :l2 AND (a.to_on = '' OR a.to_on >= "
        ":f2)) AS x LEFT JOIN staff_members s ON s.centre_id = :register AND s.login = x.login "
        "GROUP BY x.type_id, COALESCE(s.employment_form, 0) ORDER BY x.type_id, form");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      assist::v1::TypeStatistics& t = out[type_id];
      t.set_assistants(t.assistants() + static_cast<int>(assistants));
      auto* by_form = t.add_assistants_by_employment();
      by_form->set_employment_form(static_cast<assist::v1::EmploymentForm>(form));
      by_form->set_assistants(static_cast<int>(assistants));
    }
  }
  {
    // The people of the served person cases and the members of the served families' cases, and
    // of those the families' children, in one probe of the members per family case.
    long long people = 0, children = 0;
    const int child = assist::v1::FAMILY_RELATION_CHILD;
    soci::statement st(tx.sql());
    st.alloc();
    st.exchange(soci::into(people));
    st.exchange(soci::into(children));
    st.exchange(soci::into(type_id));
    // Each branch's centre, type and period, the child relation between them.
    auto use_served = [&] {
      st.exchange(soci::use(centre));
      if (!type.empty()) st.exchange(soci::use(type));
      st.exchange(soci::use(y.last));
      st.exchange(soci::use(y.first));
    };
    use_served();
    st.exchange(soci::use(child));
    use_served();
    // Each branch names its own placeholders: SOCI binds them in order of appearance.
    auto served_by = [&](const char* n) {
      return std::string(type.empty() ? "" : " AND c.type_id = :t") + n +
             " AND c.referred_on <= :last" + n + " AND (c.closed_on = '' OR c.closed_on >= :first" +
             n + ")";
    };
    st.prepare(
        "SELECT COUNT(DISTINCT pid), COUNT(DISTINCT child), type_id FROM (SELECT c.type_id, "
        "c.person_id AS pid, NULL AS child FROM cases c WHERE c.centre_id = :c1" +
        served_by("1") +
        " AND c.person_id IS NOT NULL UNION ALL SELECT c.type_id, m.person_id AS pid, CASE WHEN "
        "m.relation = :child THEN m.person_id END AS child FROM cases c CROSS JOIN "
        "family_members m WHERE c.centre_id = :c2" +
        served_by("2") +
        " AND c.family_id IS NOT NULL AND m.family_id = c.family_id) AS served GROUP BY type_id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      out[type_id].set_people_served(static_cast<int>(people));
      out[type_id].set_children_served(static_cast<int>(children));
    }
  }
  {
    int reason = 0;
    long long cases = 0;
    soci::statement st(tx.sql());
    st.alloc();
    st.exchange(soci::into(type_id));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(cases));
    st.exchange(soci::use(centre));
    if (!type.empty()) st.exchange(soci::use(type));
    st.exchange(soci::use(y.first));
    st.exchange(soci::use(y.last));
    st.prepare("SELECT type_id, closure_reason, COUNT(*) FROM cases WHERE centre_id = :c" +
               of_type +
               " AND closed_on >= :first AND closed_on <= :last GROUP BY type_id, "
               "closure_reason ORDER BY type_id, closure_reason");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      auto* closure = out[type_id].add_closures();
      closure->set_reason(static_cast<assist::v1::ClosureReason>(reason));
      closure->set_cases(static_cast<int>(cases));
    }
  }
  return out;
}

std::vector<std::string> OutcomesClosedInPeriod(Transaction& tx, const std::string& centre,
                                                const std::string& type, const PeriodBounds& y) {
  std::vector<std::string> outcomes;
  std::string json;
  soci::statement st =
      (tx.sql().prepare << "SELECT d.payload_json FROM case_documents d JOIN cases c "
                           "ON c.id = d.case_id WHERE c.centre_id = :c AND "
                           "c.type_id = :t AND d.kind = 'outcome' AND c.closed_on "
                           ">= :first AND c.closed_on <= :last ORDER BY c.id",
       soci::use(centre), soci::use(type), soci::use(y.first), soci::use(y.last), soci::into(json));
  st.execute();
  while (st.fetch()) outcomes.push_back(json);
  return outcomes;
}

}  // namespace assist::host

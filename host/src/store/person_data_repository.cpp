#include "store/person_data_repository.hpp"

#include "assist/v1/cases.pb.h"

namespace assist::host {
namespace {

// Rows of `sql` (one bound case id) as text, `columns` strings each.
TextRows Rows(Transaction& tx, const std::string& sql, long long case_id, std::size_t columns) {
  TextRows rows;
  std::vector<std::string> values(columns);
  soci::statement st(tx.sql());
  st.alloc();
  for (auto& v : values) st.exchange(soci::into(v));
  st.exchange(soci::use(case_id));
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) rows.push_back(values);
  return rows;
}

}  // namespace

TextRows ExportCaseDocuments(Transaction& tx, long long case_id) {
  return Rows(
      tx,
      "SELECT kind, CAST(version AS TEXT), type_name, payload_json, submitted_by, submitted_at "
      "FROM case_documents WHERE case_id = :c ORDER BY kind, version",
      case_id, 6);
}

TextRows ExportConsentDecisions(Transaction& tx, long long case_id) {
  return Rows(tx,
              "SELECT COALESCE(CAST(person_id AS TEXT), ''), CAST(decision AS TEXT), "
              "CAST(given_by AS TEXT), given_by_name, decided_on, note, recorded_by, recorded_at "
              "FROM consent_decisions WHERE case_id = :c ORDER BY id",
              case_id, 8);
}

TextRows ExportContacts(Transaction& tx, long long case_id) {
  return Rows(
      tx,
      "SELECT contact_on, CAST(kind AS TEXT), CAST(duration_minutes AS TEXT), place, notes, "
      "details_json, recorded_by FROM contacts WHERE case_id = :c ORDER BY id",
      case_id, 7);
}

TextRows ExportReviews(Transaction& tx, long long case_id) {
  return Rows(tx,
              "SELECT reviewed_on, review_json, next_review_due, recorded_by FROM reviews "
              "WHERE case_id = :c ORDER BY id",
              case_id, 4);
}

std::vector<long long> FamilyIdsOfPerson(Transaction& tx, long long person_id) {
  long long family_id = 0;
  std::vector<long long> family_ids;
  soci::statement st =
      (tx.sql().prepare << "SELECT family_id FROM family_members WHERE person_id = :p UNION "
                           "SELECT family_id FROM family_member_history WHERE person_id = :p2 "
                           "ORDER BY family_id",
       soci::use(person_id), soci::use(person_id), soci::into(family_id));
  st.execute();
  while (st.fetch()) family_ids.push_back(family_id);
  return family_ids;
}

std::vector<DueCase> DueCases(Transaction& tx, const std::string& centre, const std::string& cutoff,
                              std::size_t limit) {
  int closed = assist::v1::CASE_STATUS_CLOSED, ended = assist::v1::CASE_STATUS_MONITORING_ENDED;
  long long max_rows = static_cast<long long>(limit);
  std::string query =
      "SELECT id, person_id, family_id FROM cases WHERE centre_id = :c AND anonymised_at = '' AND "
      "status IN (:closed, :ended) AND closed_on <> '' AND closed_on < :cut AND "
      "monitoring_until < :cut2";
  query += limit > 0 ? " LIMIT :n" : " ORDER BY id";
  DueCase row;
  long long person = 0, family = 0;
  soci::indicator person_ind = soci::i_ok, family_ind = soci::i_ok;
  soci::statement st(tx.sql());
  st.alloc();
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(person, person_ind));
  st.exchange(soci::into(family, family_ind));
  st.exchange(soci::use(centre));
  st.exchange(soci::use(closed));
  st.exchange(soci::use(ended));
  st.exchange(soci::use(cutoff));
  st.exchange(soci::use(cutoff));
  if (limit > 0) st.exchange(soci::use(max_rows));
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  std::vector<DueCase> due;
  while (st.fetch()) {
    row.person_id = Nullable(person, person_ind);
    row.family_id = Nullable(family, family_ind);
    due.push_back(row);
  }
  return due;
}

// The case first: its row is the claim. On PostgreSQL another transaction may have selected the
// same case (an ApplyRetention call during the sweep, or a second host's sweep after this one's
// advisory lock went with its connection); whichever updates the row second finds it taken and
// skips the case, so each case is anonymised and audited once.
CaseAnonymiser::CaseAnonymiser(Transaction& tx, const std::string& now)
    : now_(now),
      claim_((tx.sql().prepare << "UPDATE cases SET referral_reason = '', anonymised_at = :t "
                                  "WHERE id = :c AND anonymised_at = ''",
              soci::use(now_), soci::use(case_id_))),
      documents_((tx.sql().prepare << "UPDATE case_documents SET payload_json = '{}' "
                                      "WHERE case_id = :c AND kind <> 'outcome'",
                  soci::use(case_id_))),
      contacts_((tx.sql().prepare << "UPDATE contacts SET place = '', notes = '', "
                                     "details_json = '{}' WHERE case_id = :c",
                 soci::use(case_id_))),
      reviews_((tx.sql().prepare << "UPDATE reviews SET review_json = '{}' WHERE case_id = :c",
                soci::use(case_id_))),
      consent_(
          (tx.sql().prepare
               << "UPDATE consent_decisions SET note = '', given_by_name = '' WHERE case_id = :c",
           soci::use(case_id_))),
      outreach_((tx.sql().prepare << "UPDATE outreach_contacts SET pseudonym = '', description = "
                                     "'', place = '', notes = '' WHERE case_id = :c",
                 soci::use(case_id_))) {}

bool CaseAnonymiser::Anonymise(long long case_id) {
  case_id_ = case_id;
  claim_.execute(true);
  if (claim_.get_affected_rows() == 0) return false;
  documents_.execute(true);
  contacts_.execute(true);
  reviews_.execute(true);
  consent_.execute(true);
  outreach_.execute(true);
  return true;
}

std::set<long long> MembersOfFamilies(Transaction& tx, const std::set<long long>& families) {
  std::set<long long> people;
  long long family_id = 0, member = 0;
  soci::statement members =
      (tx.sql().prepare << "SELECT person_id FROM family_members WHERE family_id = :f UNION "
                           "SELECT person_id FROM family_member_history WHERE family_id = :f2",
       soci::use(family_id), soci::use(family_id), soci::into(member));
  for (long long id : families) {
    family_id = id;
    members.execute();
    while (members.fetch()) people.insert(member);
  }
  return people;
}

void ForgetPeopleWithoutKeptCases(Transaction& tx, const std::string& centre_id,
                                  const std::set<long long>& people) {
  long long person_id = 0;
  soci::statement forget_person =
      (tx.sql().prepare
           << "UPDATE people SET given_name = 'anonymised', family_name = 'anonymised', "
              "pesel = NULL, case_file_ref = '', birth_date = CASE WHEN birth_date = '' THEN '' "
              "ELSE SUBSTR(birth_date, 1, 4) || '-01-01' END, birth_date_quality = CASE WHEN "
              "birth_date = '' THEN 3 ELSE 2 END WHERE id = :p AND "
              "centre_id = :c AND given_name <> 'anonymised' AND NOT EXISTS (SELECT 1 FROM "
              "cases k WHERE k.person_id = :p2 AND k.anonymised_at = '') AND NOT EXISTS "
              "(SELECT 1 FROM family_members m JOIN cases k ON k.family_id = m.family_id "
              "WHERE m.person_id = :p3 AND k.anonymised_at = '') AND NOT EXISTS (SELECT 1 FROM "
              "family_member_history h JOIN cases k ON k.family_id = h.family_id WHERE "
              "h.person_id = :p4 AND k.anonymised_at = '')",
       soci::use(person_id), soci::use(centre_id), soci::use(person_id), soci::use(person_id),
       soci::use(person_id));
  // The names and PESEL a person had before a correction go with the person's current ones.
  soci::statement forget_history =
      (tx.sql().prepare << "DELETE FROM person_history WHERE person_id = :p", soci::use(person_id));
  for (long long id : people) {
    person_id = id;
    forget_person.execute(true);
    if (forget_person.get_affected_rows() > 0) forget_history.execute(true);
  }
}

void ForgetFamiliesWithoutKeptCases(Transaction& tx, const std::string& centre_id,
                                    const std::set<long long>& families) {
  long long family_id = 0;
  soci::statement forget_family =
      (tx.sql().prepare
           << "UPDATE families SET name = 'anonymised' WHERE id = :f AND centre_id = :c AND "
              "name <> 'anonymised' AND NOT EXISTS (SELECT 1 FROM cases k WHERE "
              "k.family_id = :f2 AND k.anonymised_at = '')",
       soci::use(family_id), soci::use(centre_id), soci::use(family_id));
  // The names a family had before a rename go with its current one.
  soci::statement forget_names =
      (tx.sql().prepare << "DELETE FROM family_name_history WHERE family_id = :f",
       soci::use(family_id));
  for (long long id : families) {
    family_id = id;
    forget_family.execute(true);
    if (forget_family.get_affected_rows() > 0) forget_names.execute(true);
  }
}

}  // namespace assist::host

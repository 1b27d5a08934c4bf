#include "store/people_history_repository.hpp"

#include <algorithm>

namespace assist::host {

void UpdatePersonRow(Transaction& tx, const assist::v1::Person& person) {
  soci::indicator pesel_ind = person.pesel().empty() ? soci::i_null : soci::i_ok;
  const long long id = person.id();
  const int name_quality = person.name_quality();
  const int birth_date_quality = person.birth_date_quality();
  tx.sql() << "UPDATE people SET given_name = :g, family_name = :f, birth_date = :b, pesel = :p, "
              "case_file_ref = :r, name_quality = :nq, birth_date_quality = :bq "
              "WHERE id = :id AND centre_id = :c",
      soci::use(person.given_name()), soci::use(person.family_name()),
      soci::use(person.birth_date()), soci::use(person.pesel(), pesel_ind),
      soci::use(person.case_file_ref()), soci::use(name_quality), soci::use(birth_date_quality),
      soci::use(id), soci::use(person.centre_id());
}

void InsertPersonChange(Transaction& tx, long long person_id, const assist::v1::PersonChange& old) {
  std::string fields;
  for (const auto& field : old.fields()) fields += (fields.empty() ? "" : ",") + field;
  const int name_quality = old.name_quality();
  const int birth_date_quality = old.birth_date_quality();
  tx.sql() << "INSERT INTO person_history (person_id, changed_at, changed_by, fields, given_name, "
              "family_name, birth_date, pesel, case_file_ref, name_quality, birth_date_quality) "
              "VALUES (:p, :t, :w, :f, :g, :n, :b, :s, :r, :nq, :bq)",
      soci::use(person_id), soci::use(old.changed_at()), soci::use(old.changed_by()),
      soci::use(fields), soci::use(old.given_name()), soci::use(old.family_name()),
      soci::use(old.birth_date()), soci::use(old.pesel()), soci::use(old.case_file_ref()),
      soci::use(name_quality), soci::use(birth_date_quality);
}

std::vector<assist::v1::PersonChange> PersonHistory(Transaction& tx, long long person_id) {
  std::vector<assist::v1::PersonChange> history;
  std::string at, by, fields, given, family, birth, pesel, case_file_ref;
  int name_quality = 0, birth_date_quality = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT changed_at, changed_by, fields, given_name, family_name, "
                           "birth_date, pesel, case_file_ref, name_quality, birth_date_quality "
                           "FROM person_history WHERE person_id = :p ORDER BY id",
       soci::use(person_id), soci::into(at), soci::into(by), soci::into(fields), soci::into(given),
       soci::into(family), soci::into(birth), soci::into(pesel), soci::into(case_file_ref),
       soci::into(name_quality), soci::into(birth_date_quality));
  st.execute();
  while (st.fetch()) {
    auto& change = history.emplace_back();
    change.set_changed_at(at);
    change.set_changed_by(by);
    for (std::size_t start = 0; start < fields.size();) {
      const std::size_t comma = std::min(fields.find(',', start), fields.size());
      change.add_fields(fields.substr(start, comma - start));
      start = comma + 1;
    }
    change.set_given_name(given);
    change.set_family_name(family);
    change.set_birth_date(birth);
    change.set_pesel(pesel);
    change.set_case_file_ref(case_file_ref);
    change.set_name_quality(static_cast<assist::v1::NameQuality>(name_quality));
    change.set_birth_date_quality(static_cast<assist::v1::BirthDateQuality>(birth_date_quality));
  }
  return history;
}

bool DeleteFamilyMember(Transaction& tx, long long family_id, long long person_id) {
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM family_members WHERE family_id = :f AND person_id = :p",
       soci::use(family_id), soci::use(person_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void InsertFamilyMemberChange(Transaction& tx, long long family_id,
                              const assist::v1::FamilyMemberChange& change) {
  const auto& c = change.change();
  const long long person_id = c.person_id();
  const int kind = c.change();
  const int relation = c.relation();
  tx.sql() << "INSERT INTO family_member_history (family_id, person_id, kind, relation, "
              "effective_on, recorded_at, recorded_by) VALUES (:f, :p, :c, :r, :e, :t, :w)",
      soci::use(family_id), soci::use(person_id), soci::use(kind), soci::use(relation),
      soci::use(c.effective_on()), soci::use(change.recorded_at()), soci::use(change.recorded_by());
}

std::vector<assist::v1::FamilyMemberChange> FamilyHistory(Transaction& tx, long long family_id) {
  std::vector<assist::v1::FamilyMemberChange> history;
  long long person_id = 0;
  int kind = 0, relation = 0;
  std::string effective_on, at, by;
  soci::statement st =
      (tx.sql().prepare << "SELECT person_id, kind, relation, effective_on, recorded_at, "
                           "recorded_by FROM family_member_history WHERE family_id = :f "
                           "ORDER BY id",
       soci::use(family_id), soci::into(person_id), soci::into(kind), soci::into(relation),
       soci::into(effective_on), soci::into(at), soci::into(by));
  st.execute();
  while (st.fetch()) {
    auto& entry = history.emplace_back();
    auto* c = entry.mutable_change();
    c->set_person_id(person_id);
    c->set_change(static_cast<assist::v1::MembershipChange>(kind));
    c->set_relation(static_cast<assist::v1::FamilyRelation>(relation));
    c->set_effective_on(effective_on);
    entry.set_recorded_at(at);
    entry.set_recorded_by(by);
  }
  return history;
}

void RenameFamily(Transaction& tx, long long family_id, const assist::v1::FamilyRename& former,
                  const std::string& new_name) {
  tx.sql() << "INSERT INTO family_name_history (family_id, name, changed_at, changed_by) VALUES "
              "(:f, :n, :t, :w)",
      soci::use(family_id), soci::use(former.name()), soci::use(former.changed_at()),
      soci::use(former.changed_by());
  tx.sql() << "UPDATE families SET name = :n WHERE id = :f", soci::use(new_name),
      soci::use(family_id);
}

std::vector<assist::v1::FamilyRename> FormerFamilyNames(Transaction& tx, long long family_id) {
  std::vector<assist::v1::FamilyRename> names;
  std::string name, at, by;
  soci::statement st =
      (tx.sql().prepare << "SELECT name, changed_at, changed_by FROM family_name_history WHERE "
                           "family_id = :f ORDER BY id",
       soci::use(family_id), soci::into(name), soci::into(at), soci::into(by));
  st.execute();
  while (st.fetch()) {
    auto& entry = names.emplace_back();
    entry.set_name(name);
    entry.set_changed_at(at);
    entry.set_changed_by(by);
  }
  return names;
}

}  // namespace assist::host

#include "store/people_repository.hpp"

#include "util/clock.hpp"

namespace assist::host {

std::optional<assist::v1::Person> FindPerson(Transaction& tx, const std::string& centre_id,
                                             long long id) {
  assist::v1::Person person;
  std::string given, family, birth, created, pesel, case_file_ref;
  int name_quality = 0, birth_date_quality = 0;
  soci::indicator pesel_ind = soci::i_null;
  const bool found =
      tx.Prepared(
            "SELECT given_name, family_name, birth_date, created_at, pesel, case_file_ref, "
            "name_quality, birth_date_quality FROM people WHERE id = :id AND centre_id = :c")
          .Bind(soci::use(id), soci::use(centre_id), soci::into(given), soci::into(family),
                soci::into(birth), soci::into(created), soci::into(pesel, pesel_ind),
                soci::into(case_file_ref), soci::into(name_quality), soci::into(birth_date_quality))
          .Execute();
  if (!found) return std::nullopt;
  person.set_id(id);
  person.set_centre_id(centre_id);
  person.set_given_name(given);
  person.set_family_name(family);
  person.set_birth_date(birth);
  person.set_created_at(created);
  if (pesel_ind == soci::i_ok) person.set_pesel(pesel);
  person.set_case_file_ref(case_file_ref);
  person.set_name_quality(static_cast<assist::v1::NameQuality>(name_quality));
  person.set_birth_date_quality(static_cast<assist::v1::BirthDateQuality>(birth_date_quality));
  return person;
}

std::optional<assist::v1::Family> FindFamily(Transaction& tx, const std::string& centre_id,
                                             long long id) {
  assist::v1::Family family;
  std::string name, created;
  const bool found =
      tx.Prepared("SELECT name, created_at FROM families WHERE id = :id AND centre_id = :c")
          .Bind(soci::use(id), soci::use(centre_id), soci::into(name), soci::into(created))
          .Execute();
  if (!found) return std::nullopt;
  family.set_id(id);
  family.set_centre_id(centre_id);
  family.set_name(name);
  family.set_created_at(created);
  long long person_id = 0;
  int relation = 0;
  auto members = tx.Prepared(
      "SELECT person_id, relation FROM family_members WHERE family_id = :id ORDER BY person_id");
  for (bool more =
           members.Bind(soci::use(id), soci::into(person_id), soci::into(relation)).Execute();
       more; more = members.Fetch()) {
    auto* member = family.add_members();
    member->set_person_id(person_id);
    member->set_relation(static_cast<assist::v1::FamilyRelation>(relation));
  }
  return family;
}

std::vector<SubjectPerson> PeopleOfSubject(Transaction& tx, const std::string& centre_id,
                                           long long person_id, long long family_id) {
  SubjectPerson row;
  auto st = person_id != 0
                ? tx.Prepared(
                      "SELECT id, given_name, family_name, birth_date FROM people "
                      "WHERE id = :subject AND centre_id = :c")
                : tx.Prepared(
                      "SELECT p.id, p.given_name, p.family_name, p.birth_date FROM families f "
                      "JOIN family_members m ON m.family_id = f.id JOIN people p ON p.id = "
                      "m.person_id AND p.centre_id = f.centre_id WHERE f.id = :subject AND "
                      "f.centre_id = :c ORDER BY m.person_id");
  const long long subject = person_id != 0 ? person_id : family_id;
  st.Bind(soci::use(subject), soci::use(centre_id), soci::into(row.id), soci::into(row.given_name),
          soci::into(row.family_name), soci::into(row.birth_date));
  std::vector<SubjectPerson> people;
  for (bool more = st.Execute(); more; more = st.Fetch()) people.push_back(row);
  return people;
}

bool PersonExists(Transaction& tx, const std::string& centre_id, long long id) {
  int count = 0;
  tx.sql() << "SELECT COUNT(*) FROM people WHERE id = :id AND centre_id = :c", soci::use(id),
      soci::use(centre_id), soci::into(count);
  return count > 0;
}

bool FamilyExists(Transaction& tx, const std::string& centre_id, long long id) {
  int count = 0;
  tx.sql() << "SELECT COUNT(*) FROM families WHERE id = :id AND centre_id = :c", soci::use(id),
      soci::use(centre_id), soci::into(count);
  return count > 0;
}

std::optional<long long> PersonWithPesel(Transaction& tx, const std::string& centre_id,
                                         const std::string& pesel) {
  long long existing = 0;
  tx.sql() << "SELECT id FROM people WHERE centre_id = :c AND pesel = :p", soci::use(centre_id),
      soci::use(pesel), soci::into(existing);
  if (!tx.sql().got_data()) return std::nullopt;
  return existing;
}

std::vector<long long> PeopleNamed(Transaction& tx, const std::string& centre_id,
                                   const std::string& family_name, const std::string& given_name,
                                   const std::string& birth_date) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT id FROM people WHERE centre_id = :c AND family_name = :f AND "
                           "given_name = :g AND birth_date = :b AND name_quality = 1 AND "
                           "birth_date_quality = 1 ORDER BY id LIMIT 10",
       soci::use(centre_id), soci::use(family_name), soci::use(given_name), soci::use(birth_date),
       soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

long long InsertPerson(Transaction& tx, const std::string& centre_id,
                       const assist::v1::CreatePersonRequest& request) {
  long long id = 0;
  std::string now = NowTimestamp();
  soci::indicator pesel_ind = request.pesel().empty() ? soci::i_null : soci::i_ok;
  const int name_quality = request.name_quality();
  const int birth_date_quality = request.birth_date_quality();
  tx.sql() << "INSERT INTO people (centre_id, given_name, family_name, birth_date, created_at, "
              "pesel, case_file_ref, name_quality, birth_date_quality) "
              "VALUES (:c, :g, :f, :b, :t, :p, :r, :nq, :bq) RETURNING id",
      soci::use(centre_id), soci::use(request.given_name()), soci::use(request.family_name()),
      soci::use(request.birth_date()), soci::use(now), soci::use(request.pesel(), pesel_ind),
      soci::use(request.case_file_ref()), soci::use(name_quality), soci::use(birth_date_quality),
      soci::into(id);
  return id;
}

long long InsertFamily(Transaction& tx, const std::string& centre_id, const std::string& name) {
  long long id = 0;
  std::string now = NowTimestamp();
  tx.sql() << "INSERT INTO families (centre_id, name, created_at) VALUES (:c, :n, :t) RETURNING id",
      soci::use(centre_id), soci::use(name), soci::use(now), soci::into(id);
  return id;
}

void InsertFamilyMember(Transaction& tx, long long family_id, long long person_id, int relation) {
  tx.sql() << "INSERT INTO family_members (family_id, person_id, relation) VALUES (:f, :p, :r)",
      soci::use(family_id), soci::use(person_id), soci::use(relation);
}

int CountAssignedCasesOfPerson(Transaction& tx, const std::string& centre_id,
                               const std::string& assistant_id, long long person_id) {
  int cases = 0;
  tx.sql() << "SELECT COUNT(*) FROM cases c JOIN case_assignments a ON a.case_id = c.id WHERE "
              "a.centre_id = :c AND a.login = :a AND a.to_on = '' AND (c.person_id = :p OR "
              "c.family_id IN (SELECT family_id FROM family_members WHERE person_id = :p2))",
      soci::use(centre_id), soci::use(assistant_id), soci::use(person_id), soci::use(person_id),
      soci::into(cases);
  return cases;
}

int CountAssignedCasesOfFamily(Transaction& tx, const std::string& centre_id,
                               const std::string& assistant_id, long long family_id) {
  int cases = 0;
  tx.sql() << "SELECT COUNT(*) FROM cases c JOIN case_assignments a ON a.case_id = c.id WHERE "
              "a.centre_id = :c AND a.login = :a AND a.to_on = '' AND c.family_id = :f",
      soci::use(centre_id), soci::use(assistant_id), soci::use(family_id), soci::into(cases);
  return cases;
}

PersonName NameOfPerson(Transaction& tx, long long id) {
  PersonName name;
  tx.sql() << "SELECT given_name, family_name FROM people WHERE id = :id", soci::use(id),
      soci::into(name.given), soci::into(name.family);
  return name;
}

std::string NameOfFamily(Transaction& tx, long long id) {
  std::string text;
  tx.sql() << "SELECT name FROM families WHERE id = :id", soci::use(id), soci::into(text);
  return text;
}

std::vector<PersonName> NamesOfFamilyMembers(Transaction& tx, long long family_id) {
  std::vector<PersonName> names;
  PersonName name;
  soci::statement st =
      (tx.sql().prepare << "SELECT p.given_name, p.family_name FROM family_members m "
                           "JOIN people p ON p.id = m.person_id "
                           "WHERE m.family_id = :id ORDER BY p.id",
       soci::use(family_id), soci::into(name.given), soci::into(name.family));
  st.execute();
  while (st.fetch()) names.push_back(name);
  return names;
}

}  // namespace assist::host

#include "domain/people.hpp"

#include <assist/plugin/validation.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "domain/errors.hpp"
#include "domain/pesel.hpp"
#include "util/clock.hpp"

namespace assist::host {

assist::v1::Person LoadPerson(soci::session& sql, const std::string& centre_id, long long id) {
  assist::v1::Person person;
  std::string given, family, birth, created, pesel, case_file_ref;
  soci::indicator pesel_ind = soci::i_null;
  sql << "SELECT given_name, family_name, birth_date, created_at, pesel, case_file_ref FROM people "
         "WHERE id = :id AND centre_id = :c",
      soci::use(id), soci::use(centre_id), soci::into(given), soci::into(family), soci::into(birth),
      soci::into(created), soci::into(pesel, pesel_ind), soci::into(case_file_ref);
  if (!sql.got_data()) ThrowNotFound("person", std::to_string(id));
  person.set_id(id);
  person.set_centre_id(centre_id);
  person.set_given_name(given);
  person.set_family_name(family);
  person.set_birth_date(birth);
  person.set_created_at(created);
  if (pesel_ind == soci::i_ok) person.set_pesel(pesel);
  person.set_case_file_ref(case_file_ref);
  return person;
}

assist::v1::Family LoadFamily(soci::session& sql, const std::string& centre_id, long long id) {
  assist::v1::Family family;
  std::string name, created;
  sql << "SELECT name, created_at FROM families WHERE id = :id AND centre_id = :c", soci::use(id),
      soci::use(centre_id), soci::into(name), soci::into(created);
  if (!sql.got_data()) ThrowNotFound("family", std::to_string(id));
  family.set_id(id);
  family.set_centre_id(centre_id);
  family.set_name(name);
  family.set_created_at(created);
  long long person_id = 0;
  int relation = 0;
  soci::statement st = (sql.prepare << "SELECT person_id, relation FROM family_members "
                                       "WHERE family_id = :id ORDER BY person_id",
                        soci::use(id), soci::into(person_id), soci::into(relation));
  st.execute();
  while (st.fetch()) {
    auto* member = family.add_members();
    member->set_person_id(person_id);
    member->set_relation(static_cast<assist::v1::FamilyRelation>(relation));
  }
  return family;
}

bool PersonExists(soci::session& sql, const std::string& centre_id, long long id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM people WHERE id = :id AND centre_id = :c", soci::use(id),
      soci::use(centre_id), soci::into(count);
  return count > 0;
}

bool FamilyExists(soci::session& sql, const std::string& centre_id, long long id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM families WHERE id = :id AND centre_id = :c", soci::use(id),
      soci::use(centre_id), soci::into(count);
  return count > 0;
}

namespace {

void CheckPesel(const std::string& pesel, const std::optional<sdk::Date>& birth,
                sdk::Violations& v) {
  if (pesel.empty()) return;
  const PeselCheck check = ReadPesel(pesel);
  if (!check.facts) {
    v.Add("pesel", check.problem_en, check.problem_pl);
    return;
  }
  if (birth && check.facts->birth_date != *birth) {
    const std::string held = sdk::FormatDate(check.facts->birth_date);
    v.Add("pesel", "holds the birth date " + held + ", not birth_date",
          "wskazuje datę urodzenia " + held + ", inną niż birth_date");
  }
}

// A PESEL is the person's: the one already registered with it is named, so the worker can use
// that record instead of making a second one. (The unique index people_one_pesel answers the
// same to two workers racing past this check.)
void RefuseTakenPesel(soci::session& sql, const std::string& centre_id, const std::string& pesel) {
  if (pesel.empty()) return;
  long long existing = 0;
  sql << "SELECT id FROM people WHERE centre_id = :c AND pesel = :p", soci::use(centre_id),
      soci::use(pesel), soci::into(existing);
  if (!sql.got_data()) return;
  throw RpcError(WithErrorInfo(
      grpc::StatusCode::ALREADY_EXISTS,
      "a person with this PESEL already exists in this centre: person " + std::to_string(existing),
      "PERSON_EXISTS", {{"person_id", std::to_string(existing)}}));
}

// People of the centre with the same names and birth date: at most ten, oldest first.
std::vector<long long> SimilarPeople(soci::session& sql, const std::string& centre_id,
                                     const assist::v1::CreatePersonRequest& request) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st =
      (sql.prepare << "SELECT id FROM people WHERE centre_id = :c AND family_name = :f AND "
                      "given_name = :g AND birth_date = :b ORDER BY id LIMIT 10",
       soci::use(centre_id), soci::use(request.family_name()), soci::use(request.given_name()),
       soci::use(request.birth_date()), soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

void WarnOfSimilarPeople(const std::vector<long long>& similar, assist::v1::Person& person) {
  if (similar.empty()) return;
  std::string list;
  for (long long id : similar) {
    person.add_similar_person_ids(id);
    list += (list.empty() ? "" : ", ") + std::to_string(id);
  }
  auto* warning = person.add_warnings();
  warning->set_code("POSSIBLE_DUPLICATE");
  warning->set_message_en("the centre already has people with this name and birth date: " + list);
  warning->set_message_pl("w ośrodku są już osoby o tym imieniu, nazwisku i dacie urodzenia: " +
                          list);
}

}  // namespace

assist::v1::Person CreatePerson(Transaction& tx, const Identity& who,
                                const assist::v1::CreatePersonRequest& request) {
  sdk::Violations v;
  v.RequireText(request.given_name(), "given_name", 200);
  v.RequireText(request.family_name(), "family_name", 200);
  auto birth = v.RequireDate(request.birth_date(), "birth_date");
  if (birth) {
    v.Require(*birth <= sdk::Today(), "birth_date", "is in the future", "jest datą z przyszłości");
    // Nobody served is born before 1900: such a date is a typing error (0000-01-01, 1019-...).
    v.Require(sdk::FormatDate(*birth) >= "1900-01-01", "birth_date", "is before 1900-01-01",
              "jest wcześniejsza niż 1900-01-01");
  }
  CheckPesel(request.pesel(), birth, v);
  v.Require(request.case_file_ref().size() <= 100, "case_file_ref", "is longer than 100 bytes",
            "jest dłuższe niż 100 bajtów");
  if (!v.empty()) ThrowInvalid(v.list());
  RefuseTakenPesel(tx.sql(), who.centre_id, request.pesel());
  const std::vector<long long> similar = SimilarPeople(tx.sql(), who.centre_id, request);
  long long id = 0;
  std::string now = NowTimestamp();
  soci::indicator pesel_ind = request.pesel().empty() ? soci::i_null : soci::i_ok;
  tx.sql() << "INSERT INTO people (centre_id, given_name, family_name, birth_date, created_at, "
              "pesel, case_file_ref) VALUES (:c, :g, :f, :b, :t, :p, :r) RETURNING id",
      soci::use(who.centre_id), soci::use(request.given_name()), soci::use(request.family_name()),
      soci::use(request.birth_date()), soci::use(now), soci::use(request.pesel(), pesel_ind),
      soci::use(request.case_file_ref()), soci::into(id);
  AppendAudit(tx, who, "CreatePerson", 0, AuditAction::kWrite, "person " + std::to_string(id));
  assist::v1::Person person = LoadPerson(tx.sql(), who.centre_id, id);
  WarnOfSimilarPeople(similar, person);
  return person;
}

namespace {

// An assistant sees only the people and families of the cases assigned to them; anyone else is
// NOT_FOUND, as for another centre.
void RequireAssignedToAssistant(soci::session& sql, const Identity& who, const char* resource,
                                long long id) {
  if (who.role != assist::v1::ROLE_ASSISTANT) return;
  int cases = 0;
  if (std::string_view(resource) == "person") {
    sql << "SELECT COUNT(*) FROM cases WHERE centre_id = :c AND assistant_id = :a AND "
           "(person_id = :p OR family_id IN (SELECT family_id FROM family_members "
           "WHERE person_id = :p2))",
        soci::use(who.centre_id), soci::use(who.actor_id), soci::use(id), soci::use(id),
        soci::into(cases);
  } else {
    sql << "SELECT COUNT(*) FROM cases WHERE centre_id = :c AND assistant_id = :a AND "
           "family_id = :f",
        soci::use(who.centre_id), soci::use(who.actor_id), soci::use(id), soci::into(cases);
  }
  if (cases == 0) ThrowNotFound(resource, std::to_string(id));
}

}  // namespace

assist::v1::Person GetPerson(Transaction& tx, const Identity& who, long long id) {
  auto person = LoadPerson(tx.sql(), who.centre_id, id);
  RequireAssignedToAssistant(tx.sql(), who, "person", id);
  AppendAudit(tx, who, "GetPerson", 0, AuditAction::kRead, "person " + std::to_string(id));
  return person;
}

assist::v1::Family CreateFamily(Transaction& tx, const Identity& who,
                                const assist::v1::CreateFamilyRequest& request) {
  sdk::Violations v;
  v.RequireText(request.name(), "name", 200);
  v.Require(request.members_size() > 0, "members", "needs at least one member",
            "wymaga co najmniej jednego członka");
  v.Require(request.members_size() <= 50, "members", "has more than 50 members",
            "ma więcej niż 50 członków");
  std::set<long long> seen;
  for (int i = 0; i < request.members_size() && i < 50; ++i) {
    const auto& m = request.members(i);
    std::string field = "members[" + std::to_string(i) + "]";
    if (v.Require(PersonExists(tx.sql(), who.centre_id, m.person_id()), field + ".person_id",
                  "no such person in this centre", "brak takiej osoby w tym ośrodku")) {
      v.Require(seen.insert(m.person_id()).second, field + ".person_id", "is listed twice",
                "występuje dwa razy");
    }
    v.Require(m.relation() != assist::v1::FAMILY_RELATION_UNSPECIFIED &&
                  assist::v1::FamilyRelation_IsValid(m.relation()),
              field + ".relation", "is required", "jest wymagane");
  }
  if (!v.empty()) ThrowInvalid(v.list());
  long long id = 0;
  std::string now = NowTimestamp();
  tx.sql() << "INSERT INTO families (centre_id, name, created_at) VALUES (:c, :n, :t) RETURNING id",
      soci::use(who.centre_id), soci::use(request.name()), soci::use(now), soci::into(id);
  for (const auto& m : request.members()) {
    long long person_id = m.person_id();
    int relation = m.relation();
    tx.sql() << "INSERT INTO family_members (family_id, person_id, relation) VALUES (:f, :p, :r)",
        soci::use(id), soci::use(person_id), soci::use(relation);
  }
  AppendAudit(tx, who, "CreateFamily", 0, AuditAction::kWrite, "family " + std::to_string(id));
  return LoadFamily(tx.sql(), who.centre_id, id);
}

assist::v1::Family GetFamily(Transaction& tx, const Identity& who, long long id) {
  auto family = LoadFamily(tx.sql(), who.centre_id, id);
  RequireAssignedToAssistant(tx.sql(), who, "family", id);
  AppendAudit(tx, who, "GetFamily", 0, AuditAction::kRead, "family " + std::to_string(id));
  return family;
}

}  // namespace assist::host

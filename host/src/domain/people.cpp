#include "domain/people.hpp"

#include <assist/plugin/validation.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "domain/errors.hpp"
#include "domain/person_identity.hpp"
#include "domain/pesel.hpp"
#include "store/people_history_repository.hpp"

namespace assist::host {

assist::v1::Person LoadPerson(Transaction& tx, const std::string& centre_id, long long id) {
  auto person = FindPerson(tx, centre_id, id);
  if (!person) ThrowNotFound("person", std::to_string(id));
  return *person;
}

assist::v1::Family LoadFamily(Transaction& tx, const std::string& centre_id, long long id) {
  auto family = FindFamily(tx, centre_id, id);
  if (!family) ThrowNotFound("family", std::to_string(id));
  return *family;
}

namespace {

void CheckPesel(const assist::v1::Person& person, const std::optional<sdk::Date>& birth,
                sdk::Violations& v) {
  const std::string& pesel = person.pesel();
  if (pesel.empty()) return;
  const PeselCheck check = ReadPesel(pesel);
  if (!check.facts) {
    v.Add("pesel", check.problem_en, check.problem_pl);
    return;
  }
  // The PESEL holds the exact birth date: an approximate or unknown one contradicts it.
  if (EffectiveBirthDateQuality(person.birth_date_quality()) !=
      assist::v1::BIRTH_DATE_QUALITY_FULL) {
    v.Add("pesel", "needs birth_date_quality FULL: a PESEL holds the exact birth date",
          "wymaga birth_date_quality FULL: PESEL zawiera dokładną datę urodzenia");
    return;
  }
  if (birth && check.facts->birth_date != *birth) {
    const std::string held = sdk::FormatDate(check.facts->birth_date);
    v.Add("pesel", "holds the birth date " + held + ", not birth_date",
          "wskazuje datę urodzenia " + held + ", inną niż birth_date");
  }
}

}  // namespace

// A PESEL is the person's: the one already registered with it is named, so the worker can use
// that record instead of making a second one. (The unique index people_one_pesel answers the
// same to two workers racing past this check.)
void RefuseTakenPesel(Transaction& tx, const std::string& centre_id, const std::string& pesel) {
  if (pesel.empty()) return;
  auto existing = PersonWithPesel(tx, centre_id, pesel);
  if (!existing) return;
  throw RpcError(WithErrorInfo(
      grpc::StatusCode::ALREADY_EXISTS,
      "a person with this PESEL already exists in this centre: person " + std::to_string(*existing),
      "PERSON_EXISTS", {{"person_id", std::to_string(*existing)}}));
}

std::optional<sdk::Date> CheckPersonFields(const assist::v1::Person& person, sdk::Violations& v) {
  CheckNames(person, v);
  auto birth = CheckBirthDate(person, v);
  CheckPesel(person, birth, v);
  v.Require(person.case_file_ref().size() <= 100, "case_file_ref", "is longer than 100 bytes",
            "jest dłuższe niż 100 bajtów");
  return birth;
}

namespace {

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
  // Stored with the qualities an old client means by leaving them unset: FULL.
  assist::v1::CreatePersonRequest stored = request;
  stored.set_name_quality(EffectiveNameQuality(request.name_quality()));
  stored.set_birth_date_quality(EffectiveBirthDateQuality(request.birth_date_quality()));
  assist::v1::Person proposed;
  proposed.set_given_name(stored.given_name());
  proposed.set_family_name(stored.family_name());
  proposed.set_birth_date(stored.birth_date());
  proposed.set_pesel(stored.pesel());
  proposed.set_case_file_ref(stored.case_file_ref());
  proposed.set_name_quality(stored.name_quality());
  proposed.set_birth_date_quality(stored.birth_date_quality());
  sdk::Violations v;
  CheckPersonFields(proposed, v);
  if (!v.empty()) ThrowInvalid(v.list());
  RefuseTakenPesel(tx, who.centre_id, request.pesel());
  // People of the centre with the same names and birth date: at most ten, oldest first; only
  // when both are FULL, and only such people are found.
  std::vector<long long> similar;
  if (FullyIdentified(proposed)) {
    similar = PeopleNamed(tx, who.centre_id, request.family_name(), request.given_name(),
                          request.birth_date());
  }
  long long id = InsertPerson(tx, who.centre_id, stored);
  AppendAudit(tx, who, "CreatePerson", 0, AuditAction::kWrite, "person " + std::to_string(id));
  assist::v1::Person person = LoadPerson(tx, who.centre_id, id);
  WarnOfSimilarPeople(similar, person);
  WarnOfIncompleteIdentity(person);
  return person;
}

namespace {

// An assistant sees only the people and families of the cases assigned to them; anyone else is
// NOT_FOUND, as for another centre.
void RequireAssignedToAssistant(Transaction& tx, const Identity& who, const char* resource,
                                long long id) {
  if (who.role != assist::v1::ROLE_ASSISTANT) return;
  const int cases = std::string_view(resource) == "person"
                        ? CountAssignedCasesOfPerson(tx, who.centre_id, who.actor_id, id)
                        : CountAssignedCasesOfFamily(tx, who.centre_id, who.actor_id, id);
  if (cases == 0) ThrowNotFound(resource, std::to_string(id));
}

}  // namespace

assist::v1::Person GetPerson(Transaction& tx, const Identity& who, long long id) {
  auto person = LoadPerson(tx, who.centre_id, id);
  RequireAssignedToAssistant(tx, who, "person", id);
  AppendAudit(tx, who, "GetPerson", 0, AuditAction::kRead, "person " + std::to_string(id));
  AddPersonHistory(tx, person);
  WarnOfIncompleteIdentity(person);
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
    if (v.Require(PersonExists(tx, who.centre_id, m.person_id()), field + ".person_id",
                  "no such person in this centre", "brak takiej osoby w tym ośrodku")) {
      v.Require(seen.insert(m.person_id()).second, field + ".person_id", "is listed twice",
                "występuje dwa razy");
    }
    v.Require(m.relation() != assist::v1::FAMILY_RELATION_UNSPECIFIED &&
                  assist::v1::FamilyRelation_IsValid(m.relation()),
              field + ".relation", "is required", "jest wymagane");
  }
  if (!v.empty()) ThrowInvalid(v.list());
  long long id = InsertFamily(tx, who.centre_id, request.name());
  for (const auto& m : request.members()) InsertFamilyMember(tx, id, m.person_id(), m.relation());
  AppendAudit(tx, who, "CreateFamily", 0, AuditAction::kWrite, "family " + std::to_string(id));
  return LoadFamily(tx, who.centre_id, id);
}

assist::v1::Family GetFamily(Transaction& tx, const Identity& who, long long id) {
  auto family = LoadFamily(tx, who.centre_id, id);
  RequireAssignedToAssistant(tx, who, "family", id);
  AppendAudit(tx, who, "GetFamily", 0, AuditAction::kRead, "family " + std::to_string(id));
  AddFamilyHistory(tx, family);
  return family;
}

void AddPersonHistory(Transaction& tx, assist::v1::Person& person) {
  for (auto& change : PersonHistory(tx, person.id())) *person.add_history() = std::move(change);
}

void AddFamilyHistory(Transaction& tx, assist::v1::Family& family) {
  for (auto& change : FamilyHistory(tx, family.id())) *family.add_history() = std::move(change);
  for (auto& name : FormerFamilyNames(tx, family.id()))
    *family.add_former_names() = std::move(name);
}

}  // namespace assist::host

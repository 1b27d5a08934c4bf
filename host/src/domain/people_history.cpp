#include "domain/people_history.hpp"

#include <assist/plugin/validation.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "domain/case_store.hpp"
#include "domain/consent_steps.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "domain/person_identity.hpp"
#include "store/people_history_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using assist::v1::MembershipChange;

// The names of the fields whose values differ, in the order of the request message.
std::vector<std::string> ChangedFields(const assist::v1::Person& before,
                                       const assist::v1::Person& after) {
  std::vector<std::string> changed;
  auto compare = [&](const char* name, const std::string& a, const std::string& b) {
    if (a != b) changed.emplace_back(name);
  };
  compare("given_name", before.given_name(), after.given_name());
  compare("family_name", before.family_name(), after.family_name());
  compare("birth_date", before.birth_date(), after.birth_date());
  compare("pesel", before.pesel(), after.pesel());
  compare("case_file_ref", before.case_file_ref(), after.case_file_ref());
  if (before.name_quality() != after.name_quality()) changed.emplace_back("name_quality");
  if (before.birth_date_quality() != after.birth_date_quality()) {
    changed.emplace_back("birth_date_quality");
  }
  return changed;
}

assist::v1::Person Requested(const assist::v1::Person& before,
                             const assist::v1::UpdatePersonRequest& request) {
  assist::v1::Person after = before;
  if (request.has_given_name()) after.set_given_name(request.given_name());
  if (request.has_family_name()) after.set_family_name(request.family_name());
  if (request.has_birth_date()) after.set_birth_date(request.birth_date());
  if (request.has_pesel()) after.set_pesel(request.pesel());
  if (request.has_case_file_ref()) after.set_case_file_ref(request.case_file_ref());
  if (request.has_name_quality()) {
    after.set_name_quality(EffectiveNameQuality(request.name_quality()));
  }
  if (request.has_birth_date_quality()) {
    after.set_birth_date_quality(EffectiveBirthDateQuality(request.birth_date_quality()));
  }
  return after;
}

assist::v1::PersonChange Snapshot(const assist::v1::Person& before, const Identity& who,
                                  const std::vector<std::string>& fields) {
  assist::v1::PersonChange old;
  old.set_changed_at(NowTimestamp());
  old.set_changed_by(who.actor_id);
  for (const auto& field : fields) old.add_fields(field);
  old.set_given_name(before.given_name());
  old.set_family_name(before.family_name());
  old.set_birth_date(before.birth_date());
  old.set_pesel(before.pesel());
  old.set_case_file_ref(before.case_file_ref());
  old.set_name_quality(before.name_quality());
  old.set_birth_date_quality(before.birth_date_quality());
  return old;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

}  // namespace

assist::v1::Person UpdatePerson(Transaction& tx, const Identity& who,
                                const assist::v1::UpdatePersonRequest& request) {
  const assist::v1::Person before = LoadPerson(tx, who.centre_id, request.id());
  if (!request.has_given_name() && !request.has_family_name() && !request.has_birth_date() &&
      !request.has_pesel() && !request.has_case_file_ref() && !request.has_name_quality() &&
      !request.has_birth_date_quality()) {
    ThrowInvalid("id", "names no field to change", "nie wskazuje żadnego pola do zmiany");
  }
  const assist::v1::Person after = Requested(before, request);
  sdk::Violations v;
  CheckPersonFields(after, v);
  if (!v.empty()) ThrowInvalid(v.list());
  if (after.pesel() != before.pesel()) RefuseTakenPesel(tx, who.centre_id, after.pesel());
  const std::vector<std::string> changed = ChangedFields(before, after);
  const std::string subject = "person " + std::to_string(before.id());
  if (!changed.empty()) {
    InsertPersonChange(tx, before.id(), Snapshot(before, who, changed));
    UpdatePersonRow(tx, after);
  }
  AppendAudit(tx, who, "UpdatePerson", 0, AuditAction::kWrite,
              changed.empty() ? subject + " unchanged" : subject + " changed: " + Joined(changed));
  assist::v1::Person person = LoadPerson(tx, who.centre_id, before.id());
  AddPersonHistory(tx, person);
  WarnOfIncompleteIdentity(person);
  return person;
}

namespace {

constexpr int kMaxChanges = 20;

const char* Verb(MembershipChange change) {
  switch (change) {
    case assist::v1::MEMBERSHIP_CHANGE_JOINED:
      return "joined";
    case assist::v1::MEMBERSHIP_CHANGE_BORN:
      return "born";
    default:
      return "left";
  }
}

// The field rules of each change: a person of the centre, a kind, a relation for those who
// come, and an effective date neither in the future nor before the family or the person existed.
void CheckChanges(Transaction& tx, const Identity& who, const assist::v1::Family& family,
                  const assist::v1::UpdateFamilyRequest& request) {
  sdk::Violations v;
  v.Require(request.changes_size() > 0 || !request.name().empty(), "changes",
            "needs at least one change, or a new name",
            "wymaga co najmniej jednej zmiany lub nowej nazwy");
  if (!request.name().empty()) {
    v.RequireText(request.name(), "name", 200);
    v.Require(request.name() != family.name(), "name", "is the family's name already",
              "jest już nazwą rodziny");
  }
  v.Require(request.changes_size() <= kMaxChanges, "changes", "has more than 20 changes",
            "ma więcej niż 20 zmian");
  const std::string created_on = family.created_at().substr(0, 10);
  for (int i = 0; i < request.changes_size() && i < kMaxChanges; ++i) {
    const auto& c = request.changes(i);
    const std::string field = "changes[" + std::to_string(i) + "].";
    const auto person = FindPerson(tx, who.centre_id, c.person_id());
    v.Require(person.has_value(), field + "person_id", "no such person in this centre",
              "brak takiej osoby w tym ośrodku");
    const bool known_kind = c.change() != assist::v1::MEMBERSHIP_CHANGE_UNSPECIFIED &&
                            assist::v1::MembershipChange_IsValid(c.change());
    v.Require(known_kind, field + "change", "is required", "jest wymagane");
    const bool comes = c.change() == assist::v1::MEMBERSHIP_CHANGE_JOINED ||
                       c.change() == assist::v1::MEMBERSHIP_CHANGE_BORN;
    if (comes) {
      v.Require(c.relation() != assist::v1::FAMILY_RELATION_UNSPECIFIED &&
                    assist::v1::FamilyRelation_IsValid(c.relation()),
                field + "relation", "is required", "jest wymagane");
    }
    if (c.change() == assist::v1::MEMBERSHIP_CHANGE_BORN) {
      v.Require(c.relation() == assist::v1::FAMILY_RELATION_CHILD, field + "relation",
                "is CHILD for a birth", "przy narodzinach to CHILD");
      v.Require(!person || c.effective_on() == person->birth_date(), field + "effective_on",
                "is not the child's birth date", "nie jest datą urodzenia dziecka");
    }
    const auto date = v.RequireDate(c.effective_on(), field + "effective_on");
    if (!date) continue;
    const std::string on = sdk::FormatDate(*date);
    v.Require(*date <= sdk::Today(), field + "effective_on", "is in the future",
              "jest datą z przyszłości");
    v.Require(on >= created_on, field + "effective_on",
              "is before the family was registered (" + created_on + ")",
              "jest wcześniejsza niż rejestracja rodziny (" + created_on + ")");
    if (person) {
      v.Require(on >= person->birth_date(), field + "effective_on",
                "is before the person's birth date", "jest wcześniejsza niż data urodzenia osoby");
    }
  }
  if (!v.empty()) ThrowInvalid(v.list());
}

struct Membership {
  assist::v1::FamilyRelation relation;
  std::string since;
};

// The members now, with the day each came (the family's registration for its first members).
std::map<long long, Membership> CurrentMembers(
    const assist::v1::Family& family, const std::vector<assist::v1::FamilyMemberChange>& history) {
  std::map<long long, Membership> members;
  const std::string created_on = family.created_at().substr(0, 10);
  for (const auto& m : family.members()) members[m.person_id()] = {m.relation(), created_on};
  for (const auto& entry : history) {
    const auto& c = entry.change();
    if (c.change() != assist::v1::MEMBERSHIP_CHANGE_LEFT && members.count(c.person_id()) > 0) {
      members[c.person_id()].since = c.effective_on();
    }
  }
  return members;
}

// Case.consent summarises the decisions of the people a case needs, and a family's change of
// members changes who they are: a member who joins has decided nothing yet, one who left no
// longer counts. So each of the family's cases in progress gets it recomputed (and its work
// started, when the change completes the consent), audited on the case.
void RefreshConsentOfFamilyCases(Transaction& tx, const Identity& who, long long family_id) {
  for (long long id : CaseIdsOfFamilyInProgress(tx, who.centre_id, family_id)) {
    std::optional<assist::v1::Case> c = FindCaseForUpdate(tx, who.centre_id, id);
    if (!c) continue;
    std::string on;
    c->set_consent(Summarise(LoadCaseConsent(tx, *c, sdk::Today()), on));
    c->set_consent_on(on);
    StartWorkIfConsented(*c);
    const std::string changed = UpdateCase(tx, *c);
    if (changed.empty()) continue;
    AppendAudit(tx, who, "UpdateFamily", id, AuditAction::kWrite,
                "consent " + assist::v1::ConsentState_Name(c->consent()) +
                    " after the family's members changed; " + changed);
  }
}

}  // namespace

assist::v1::Family UpdateFamily(Transaction& tx, const Identity& who,
                                const assist::v1::UpdateFamilyRequest& request) {
  const assist::v1::Family family = LoadFamily(tx, who.centre_id, request.id());
  CheckChanges(tx, who, family, request);
  std::map<long long, Membership> members = CurrentMembers(family, FamilyHistory(tx, family.id()));
  const std::string now = NowTimestamp();
  std::vector<std::string> described;
  if (!request.name().empty()) {
    assist::v1::FamilyRename former;
    former.set_name(family.name());
    former.set_changed_at(now);
    former.set_changed_by(who.actor_id);
    RenameFamily(tx, family.id(), former, request.name());
  }
  for (int i = 0; i < request.changes_size(); ++i) {
    assist::v1::FamilyMemberChange entry;
    *entry.mutable_change() = request.changes(i);
    entry.set_recorded_at(now);
    entry.set_recorded_by(who.actor_id);
    auto& c = *entry.mutable_change();
    const std::string person = "person " + std::to_string(c.person_id());
    const auto member = members.find(c.person_id());
    if (c.change() == assist::v1::MEMBERSHIP_CHANGE_LEFT) {
      // A member who left is no member: leaving twice is refused, as is leaving before coming.
      if (member == members.end() || !DeleteFamilyMember(tx, family.id(), c.person_id())) {
        ThrowPrecondition("NOT_A_MEMBER", person, person + " is not a member of the family");
      }
      if (c.effective_on() < member->second.since) {
        ThrowInvalid(
            "changes[" + std::to_string(i) + "].effective_on",
            "is before the person came to the family (" + member->second.since + ")",
            "jest wcześniejsza niż przyjście osoby do rodziny (" + member->second.since + ")");
      }
      c.set_relation(member->second.relation);
      members.erase(member);
    } else {
      if (member != members.end()) {
        ThrowPrecondition("ALREADY_A_MEMBER", person, person + " is a member of the family");
      }
      InsertFamilyMember(tx, family.id(), c.person_id(), c.relation());
      members[c.person_id()] = {c.relation(), c.effective_on()};
    }
    InsertFamilyMemberChange(tx, family.id(), entry);
    described.push_back(person + " " + Verb(c.change()) + " " + c.effective_on());
  }
  // The fields changed, never the names themselves: the trail outlives the family's name.
  std::vector<std::string> fields;
  if (!request.name().empty()) fields.push_back("name");
  if (!described.empty()) {
    fields.push_back("members (" + Joined(described) + ")");
    RefreshConsentOfFamilyCases(tx, who, family.id());
  }
  AppendAudit(tx, who, "UpdateFamily", 0, AuditAction::kWrite,
              "family " + std::to_string(family.id()) + " changed: " + Joined(fields));
  assist::v1::Family updated = LoadFamily(tx, who.centre_id, family.id());
  AddFamilyHistory(tx, updated);
  return updated;
}

}  // namespace assist::host

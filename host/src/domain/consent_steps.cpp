#include "domain/consent_steps.hpp"

#include <algorithm>

#include "domain/errors.hpp"
#include "store/consent_repository.hpp"
#include "store/people_repository.hpp"

namespace assist::host {
namespace {

using assist::v1::ConsentState;
using assist::v1::PersonConsent;

constexpr std::size_t kMaxGiverNameBytes = 300;

assist::v1::ConsentGiver GiverOf(const assist::v1::RecordConsentRequest& request) {
  return request.given_by() == assist::v1::CONSENT_GIVER_UNSPECIFIED
             ? assist::v1::CONSENT_GIVER_SELF
             : request.given_by();
}

std::string CaseSubject(const assist::v1::Case& c) { return "cases/" + std::to_string(c.id()); }

const PersonConsent* Find(const CaseConsent& consent, long long person_id) {
  for (const auto& p : consent.people) {
    if (p.person_id() == person_id) return &p;
  }
  return nullptr;
}

// The people a request without person_id decides for: the required ones on the decision day,
// and for a withdrawal only those whose consent is given.
std::vector<long long> WholeCaseTargets(const std::vector<CasePerson>& people,
                                        const CaseConsent& now, const assist::v1::Case& c,
                                        ConsentState decision, const sdk::Date& decided_on) {
  std::vector<long long> targets;
  for (long long id : RequiredPeople(people, decided_on)) {
    const PersonConsent* p = Find(now, id);
    const bool given = p != nullptr ? p->state() == assist::v1::CONSENT_STATE_GIVEN
                                    : c.consent() == assist::v1::CONSENT_STATE_GIVEN;
    if (decision != assist::v1::CONSENT_STATE_WITHDRAWN || given) targets.push_back(id);
  }
  return targets;
}

}  // namespace

std::vector<CasePerson> PeopleOfCase(Transaction& tx, const assist::v1::Case& c) {
  std::vector<CasePerson> people;
  for (auto& p :
       PeopleOfSubject(tx, c.centre_id(), c.has_person_id() ? c.person_id() : 0, c.family_id())) {
    people.push_back(
        {p.id, std::move(p.given_name), std::move(p.family_name), std::move(p.birth_date)});
  }
  return people;
}

void StartWorkIfConsented(assist::v1::Case& c) {
  if (!c.work_started_on().empty() || c.assistant_id().empty() ||
      c.consent() != assist::v1::CONSENT_STATE_GIVEN) {
    return;
  }
  c.set_work_started_on(std::max(c.assigned_on(), c.consent_on()));
}

CaseConsent LoadCaseConsent(Transaction& tx, const assist::v1::Case& c, const sdk::Date& on) {
  const auto people = PeopleOfCase(tx, c);
  return ConsentOf(people, RequiredPeople(people, on), ListConsentDecisions(tx, c.id()));
}

void CheckConsentGiver(sdk::Violations& v, const assist::v1::RecordConsentRequest& request) {
  if (!v.Require(assist::v1::ConsentGiver_IsValid(request.given_by()), "given_by",
                 "must be SELF, PARENT, LEGAL_GUARDIAN or REPRESENTATIVE",
                 "musi być SELF, PARENT, LEGAL_GUARDIAN albo REPRESENTATIVE")) {
    return;
  }
  if (GiverOf(request) == assist::v1::CONSENT_GIVER_SELF) {
    v.Require(request.given_by_name().empty(), "given_by_name",
              "must be empty when the person decides themselves (SELF)",
              "musi być puste, gdy osoba decyduje sama (SELF)");
  } else {
    v.RequireText(request.given_by_name(), "given_by_name", kMaxGiverNameBytes);
  }
}

ConsentChange DecideConsent(Transaction& tx, const assist::v1::Case& c,
                            const assist::v1::RecordConsentRequest& request,
                            const sdk::Date& decided_on, const sdk::Date& today) {
  const auto people = PeopleOfCase(tx, c);
  const auto decisions = ListConsentDecisions(tx, c.id());
  // Everyone with a decision or needed, as of the decision day (for the withdrawal's check).
  const CaseConsent before = ConsentOf(people, RequiredPeople(people, decided_on), decisions);
  ConsentChange change;
  change.given_by = GiverOf(request);
  const ConsentState decision = request.decision();
  if (request.person_id() != 0) {
    auto is_case_person = [&](const CasePerson& p) { return p.person_id == request.person_id(); };
    if (std::none_of(people.begin(), people.end(), is_case_person)) {
      const std::string id = std::to_string(request.person_id());
      if (!PersonExists(tx, c.centre_id(), request.person_id())) {
        ThrowNotFoundField(
            "person", id,
            {"person_id", "is not a person of this centre", "nie jest osobą tego ośrodka"});
      }
      ThrowInvalid("person_id", "is neither the case's person nor a current member of its family",
                   "nie jest osobą sprawy ani obecnym członkiem jej rodziny");
    }
    change.person_ids.push_back(request.person_id());
    if (decision == assist::v1::CONSENT_STATE_WITHDRAWN) {
      const PersonConsent* p = Find(before, request.person_id());
      if (p == nullptr || p->state() != assist::v1::CONSENT_STATE_GIVEN) {
        ThrowPreconditionInfo("CONSENT_NOT_GIVEN", CaseSubject(c),
                              "consent of person " + std::to_string(request.person_id()) +
                                  " can only be withdrawn once it was given",
                              {{"person_ids", std::to_string(request.person_id())}});
      }
    }
  } else if (!people.empty()) {
    change.person_ids = WholeCaseTargets(people, before, c, decision, decided_on);
    if (change.person_ids.empty()) {
      ThrowPrecondition("CONSENT_NOT_GIVEN", CaseSubject(c),
                        "consent can only be withdrawn once it was given");
    }
  } else if (decision == assist::v1::CONSENT_STATE_WITHDRAWN &&
             c.consent() != assist::v1::CONSENT_STATE_GIVEN) {
    ThrowPrecondition("CONSENT_NOT_GIVEN", CaseSubject(c),
                      "consent can only be withdrawn once it was given");
  }

  if (change.given_by == assist::v1::CONSENT_GIVER_SELF) {
    sdk::Violations v;
    for (const CasePerson& p : people) {
      if (std::find(change.person_ids.begin(), change.person_ids.end(), p.person_id) ==
              change.person_ids.end() ||
          !IsMinorOn(p.birth_date, decided_on)) {
        continue;
      }
      const std::string who =
          p.given_name + " " + p.family_name + " (person " + std::to_string(p.person_id) + ")";
      const std::string day = sdk::FormatDate(decided_on);
      v.Add("given_by",
            who + " is under 18 on " + day +
                ": a parent, legal guardian or representative decides for them (given_by, "
                "given_by_name)",
            who + " jest niepełnoletnia w dniu " + day +
                ": decyduje za nią rodzic, opiekun prawny albo kurator (given_by, given_by_name)");
    }
    if (!v.empty()) ThrowInvalid(v.list());
  }

  // The decisions as they will be, with this one recorded last.
  std::vector<StoredConsentDecision> after = decisions;
  StoredConsentDecision row;
  row.decision = decision;
  row.given_by = change.given_by;
  row.given_by_name = request.given_by_name();
  row.decided_on = sdk::FormatDate(decided_on);
  for (long long id : change.person_ids) {
    row.person_id = id;
    after.push_back(row);
  }
  if (change.person_ids.empty()) after.push_back(row);  // person_id 0: the whole case's
  const CaseConsent now = ConsentOf(people, RequiredPeople(people, today), after);
  change.summary = Summarise(now, change.summary_on);

  change.detail = "consent " + assist::v1::ConsentState_Name(decision);
  if (!change.person_ids.empty()) {
    change.detail += change.person_ids.size() == 1 ? " of person " : " of people ";
    for (std::size_t i = 0; i < change.person_ids.size(); ++i) {
      change.detail += (i == 0 ? "" : ", ") + std::to_string(change.person_ids[i]);
    }
  }
  change.detail += " by " + assist::v1::ConsentGiver_Name(change.given_by);
  return change;
}

void StoreConsentChange(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                        const ConsentChange& change,
                        const assist::v1::RecordConsentRequest& request,
                        const sdk::Date& decided_on) {
  const std::string on = sdk::FormatDate(decided_on);
  std::vector<long long> ids = change.person_ids;
  if (ids.empty()) ids.push_back(0);
  for (long long id : ids) {
    InsertConsentDecisionRow(tx, c.id(), id, request.decision(), change.given_by,
                             request.given_by_name(), on, request.note(), who.actor_id);
  }
}

}  // namespace assist::host

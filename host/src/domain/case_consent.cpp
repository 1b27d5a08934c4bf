#include "domain/case_consent.hpp"

#include <algorithm>
#include <chrono>

namespace assist::host {
namespace {

using assist::v1::ConsentState;
using assist::v1::PersonConsent;

constexpr int kAdultYears = 18;

bool IsObjection(ConsentState s) {
  return s == assist::v1::CONSENT_STATE_WITHDRAWN || s == assist::v1::CONSENT_STATE_REFUSED;
}

void Fill(PersonConsent& out, const StoredConsentDecision& d) {
  out.set_state(static_cast<ConsentState>(d.decision));
  out.set_given_by(static_cast<assist::v1::ConsentGiver>(d.given_by));
  out.set_given_by_name(d.given_by_name);
  out.set_decided_on(d.decided_on);
  out.set_recorded_by(d.recorded_by);
  out.set_recorded_at(d.recorded_at);
}

}  // namespace

bool IsMinorOn(const std::string& birth_date, const sdk::Date& on) {
  const auto birth = sdk::ParseDate(birth_date);
  if (!birth) return false;
  return sdk::AddMonths(*birth, 12 * kAdultYears) > on;
}

std::vector<long long> RequiredPeople(const std::vector<CasePerson>& people, const sdk::Date& on) {
  std::vector<long long> adults, everyone;
  for (const CasePerson& p : people) {
    everyone.push_back(p.person_id);
    if (!IsMinorOn(p.birth_date, on)) adults.push_back(p.person_id);
  }
  return adults.empty() ? everyone : adults;
}

CaseConsent ConsentOf(const std::vector<CasePerson>& people, const std::vector<long long>& required,
                      const std::vector<StoredConsentDecision>& decisions) {
  CaseConsent out;
  for (const auto& d : decisions) {
    if (d.person_id == 0) out.case_level = d;
  }
  auto latest = [&](long long person_id) -> const StoredConsentDecision* {
    const StoredConsentDecision* found = nullptr;
    for (const auto& d : decisions) {
      if (d.person_id == person_id) found = &d;
    }
    return found;
  };
  std::vector<PersonConsent> others;
  for (const CasePerson& p : people) {
    const bool needed = std::find(required.begin(), required.end(), p.person_id) != required.end();
    const StoredConsentDecision* own = latest(p.person_id);
    if (!needed && own == nullptr) continue;
    PersonConsent pc;
    pc.set_person_id(p.person_id);
    pc.set_given_name(p.given_name);
    pc.set_family_name(p.family_name);
    pc.set_required(needed);
    pc.set_state(assist::v1::CONSENT_STATE_PENDING);
    if (own != nullptr) {
      Fill(pc, *own);
    } else if (out.case_level) {
      Fill(pc, *out.case_level);
      pc.set_case_level(true);
    }
    (needed ? out.people : others).push_back(std::move(pc));
  }
  for (auto& pc : others) out.people.push_back(std::move(pc));
  return out;
}

ConsentState Summarise(const CaseConsent& consent, std::string& on) {
  on.clear();
  if (consent.people.empty()) {
    if (!consent.case_level) return assist::v1::CONSENT_STATE_PENDING;
    on = consent.case_level->decided_on;
    return static_cast<ConsentState>(consent.case_level->decision);
  }
  for (ConsentState objection :
       {assist::v1::CONSENT_STATE_WITHDRAWN, assist::v1::CONSENT_STATE_REFUSED}) {
    bool any = false;
    for (const auto& p : consent.people) {
      if (p.state() != objection) continue;
      any = true;
      on = std::max(on, p.decided_on());
    }
    if (any) return objection;
  }
  bool all_given = true;
  for (const auto& p : consent.people) {
    if (!p.required()) continue;
    all_given = all_given && p.state() == assist::v1::CONSENT_STATE_GIVEN;
    on = std::max(on, p.decided_on());
  }
  if (all_given) return assist::v1::CONSENT_STATE_GIVEN;
  on.clear();
  return assist::v1::CONSENT_STATE_PENDING;
}

std::vector<const PersonConsent*> Missing(const CaseConsent& consent) {
  std::vector<const PersonConsent*> out;
  for (const auto& p : consent.people) {
    if (IsObjection(p.state()) || (p.required() && p.state() != assist::v1::CONSENT_STATE_GIVEN)) {
      out.push_back(&p);
    }
  }
  return out;
}

std::string Describe(const PersonConsent& person) {
  return person.given_name() + " " + person.family_name() + " (person " +
         std::to_string(person.person_id()) + ")";
}

}  // namespace assist::host

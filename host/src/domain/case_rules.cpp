#include "domain/case_rules.hpp"

#include <string>
#include <vector>

#include "domain/errors.hpp"

namespace assist::host {
namespace {

std::string Subject(const assist::v1::Case& c) { return "cases/" + std::to_string(c.id()); }

std::string StateWords(const assist::v1::PersonConsent& p) {
  switch (p.state()) {
    case assist::v1::CONSENT_STATE_WITHDRAWN:
      return "withdrawn on " + p.decided_on();
    case assist::v1::CONSENT_STATE_REFUSED:
      return "refused on " + p.decided_on();
    default:
      return "not recorded";
  }
}

// Every required person withdrew or refused: the case's consent as a whole is gone.
bool EveryoneObjects(const CaseConsent& consent) {
  for (const auto& p : consent.people) {
    if (p.required() && p.state() != assist::v1::CONSENT_STATE_WITHDRAWN &&
        p.state() != assist::v1::CONSENT_STATE_REFUSED) {
      return false;
    }
  }
  return true;
}

}  // namespace

void RequireOpen(const assist::v1::Case& c) {
  if (c.status() != assist::v1::CASE_STATUS_OPEN) {
    ThrowPrecondition("CASE_NOT_OPEN", Subject(c),
                      "case " + std::to_string(c.id()) + " is " +
                          assist::v1::CaseStatus_Name(c.status()) +
                          "; no further work is accepted");
  }
}

void RequireNoObjection(const assist::v1::Case& c, bool ordered) {
  if (ordered) return;
  if (c.consent() == assist::v1::CONSENT_STATE_WITHDRAWN) {
    ThrowPrecondition("CONSENT_WITHDRAWN", Subject(c),
                      "consent was withdrawn on " + c.consent_on() +
                          ": no further processing; record consent again or close the case");
  }
  if (c.consent() == assist::v1::CONSENT_STATE_REFUSED) {
    ThrowPrecondition("CONSENT_REFUSED", Subject(c),
                      "consent was refused on " + c.consent_on() + ": no assistance without it");
  }
}

bool ConsentInPlace(const assist::v1::Case& c, const CaseConsent& consent) {
  return consent.people.empty() ? c.consent() == assist::v1::CONSENT_STATE_GIVEN
                                : Missing(consent).empty();
}

void RequireWorkAllowed(const assist::v1::Case& c, const CaseConsent& consent, bool ordered) {
  RequireOpen(c);
  if (c.assistant_id().empty()) {
    ThrowPrecondition("ASSISTANT_NOT_ASSIGNED", Subject(c),
                      "no assistant is assigned yet: the head of the centre assigns one first "
                      "(AssignAssistant)");
  }
  if (ordered) return;
  if (consent.people.empty()) {  // a family with no current member: the whole case's decision
    std::string on;
    assist::v1::Case summary = c;
    summary.set_consent(Summarise(consent, on));
    summary.set_consent_on(on);
    RequireNoObjection(summary);
    if (summary.consent() != assist::v1::CONSENT_STATE_GIVEN) {
      ThrowPrecondition("CONSENT_MISSING", Subject(c),
                        "consent has not been recorded yet: record it first (RecordConsent)");
    }
    return;
  }
  const auto missing = Missing(consent);
  if (missing.empty()) return;
  if (EveryoneObjects(consent)) {
    std::string on;
    assist::v1::Case summary = c;
    summary.set_consent(Summarise(consent, on));
    summary.set_consent_on(on);
    RequireNoObjection(summary);
  }
  std::string words, ids;
  for (const auto* p : missing) {
    words += (words.empty() ? "" : "; ") + Describe(*p) + ": " + StateWords(*p);
    ids += (ids.empty() ? "" : ",") + std::to_string(p->person_id());
  }
  ThrowPreconditionInfo("CONSENT_MISSING", Subject(c),
                        "consent is missing from " + words + ": record it first (RecordConsent)",
                        {{"person_ids", ids}});
}

void RequireIntake(const assist::v1::Case& c) {
  if (c.intake_version() == 0) {
    ThrowPrecondition("INTAKE_MISSING", Subject(c),
                      "no intake has been submitted yet: submit it first (SubmitIntake)");
  }
}

void RequirePlan(const assist::v1::Case& c) {
  if (c.plan_version() == 0) {
    ThrowPrecondition("PLAN_MISSING", Subject(c),
                      "no plan has been submitted yet: submit it first (SubmitPlan)");
  }
}

}  // namespace assist::host

#include "domain/case_rules.hpp"

#include <string>

#include "domain/errors.hpp"

namespace assist::host {
namespace {

std::string Subject(const assist::v1::Case& c) { return "cases/" + std::to_string(c.id()); }

}  // namespace

void RequireOpen(const assist::v1::Case& c) {
  if (c.status() != assist::v1::CASE_STATUS_OPEN) {
    ThrowPrecondition("CASE_NOT_OPEN", Subject(c),
                      "case " + std::to_string(c.id()) + " is " +
                          assist::v1::CaseStatus_Name(c.status()) +
                          "; no further work is accepted");
  }
}

void RequireNoObjection(const assist::v1::Case& c) {
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

void RequireWorkAllowed(const assist::v1::Case& c) {
  RequireOpen(c);
  if (c.assistant_id().empty()) {
    ThrowPrecondition("ASSISTANT_NOT_ASSIGNED", Subject(c),
                      "no assistant is assigned yet: the head of the centre assigns one first "
                      "(AssignAssistant)");
  }
  RequireNoObjection(c);
  if (c.consent() != assist::v1::CONSENT_STATE_GIVEN) {
    ThrowPrecondition("CONSENT_MISSING", Subject(c),
                      "consent has not been recorded yet: record it first (RecordConsent)");
  }
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

#pragma once
// The state rules of the shared lifecycle. Each throws FAILED_PRECONDITION whose violation type
// names what is missing (e.g. CONSENT_MISSING) so a client can tell the user the next step.
#include "assist/v1/cases.pb.h"

namespace assist::host {

void RequireOpen(const assist::v1::Case& c);
// Consent neither withdrawn nor refused: what processes the case's data (e.g. a document) needs.
void RequireNoObjection(const assist::v1::Case& c);
// Open, an assistant assigned and consent given: intake, plan, contacts and reviews need this.
void RequireWorkAllowed(const assist::v1::Case& c);
void RequireIntake(const assist::v1::Case& c);
void RequirePlan(const assist::v1::Case& c);

}  // namespace assist::host

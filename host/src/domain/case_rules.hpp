#pragma once
// The state rules of the shared lifecycle. Each throws FAILED_PRECONDITION whose violation type
// names what is missing (e.g. CONSENT_MISSING) so a client can tell the user the next step.
#include "assist/v1/cases.pb.h"
#include "domain/case_consent.hpp"

namespace assist::host {

void RequireOpen(const assist::v1::Case& c);
// Consent neither withdrawn nor refused (Case.consent, so by nobody of the case): what processes
// the case's data (e.g. a document) needs, unless the work is ordered (a court's opinion of a
// court-ordered family is due whatever the family says).
void RequireNoObjection(const assist::v1::Case& c, bool ordered = false);
// Open, an assistant assigned and the consent of each person the case needs given, nobody's
// withdrawn or refused (`consent`, domain/case_consent.hpp): intake, plan, contacts and reviews
// need this. When every required person withdrew (or refused), the violation is CONSENT_WITHDRAWN
// (CONSENT_REFUSED) as for the whole case; otherwise CONSENT_MISSING names the people missing
// (ErrorInfo metadata "person_ids", comma-separated). When the work is `ordered` (the case's
// intake records a court's order, domain/ordered_work.hpp) consent is not asked for.
void RequireWorkAllowed(const assist::v1::Case& c, const CaseConsent& consent, bool ordered);
// Whether the consent the case needs is in place: what RequireWorkAllowed asks of it.
bool ConsentInPlace(const assist::v1::Case& c, const CaseConsent& consent);
void RequireIntake(const assist::v1::Case& c);
void RequirePlan(const assist::v1::Case& c);

}  // namespace assist::host

#pragma once
// RecordConsent's decision per person (domain/case_consent.hpp has the rules): whose decision a
// request records, who made it, and what Case.consent becomes; and the consent of a case as
// GetCase and the work steps read it. Nothing here audits (the step does).
#include <assist/plugin/validation.hpp>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "domain/case_consent.hpp"

namespace assist::host {

// The case's person, or the current members of its family.
std::vector<CasePerson> PeopleOfCase(Transaction& tx, const assist::v1::Case& c);
// Each person's consent on the case, the required ones as of `on`.
CaseConsent LoadCaseConsent(Transaction& tx, const assist::v1::Case& c, const sdk::Date& on);

// Consent and an assistant together start the work: sets work_started_on, the later of the two
// days, when both are in place and the work has not started yet.
void StartWorkIfConsented(assist::v1::Case& c);

// given_by and given_by_name on their own: a known giver; a name unless SELF, none for SELF.
void CheckConsentGiver(sdk::Violations& v, const assist::v1::RecordConsentRequest& request);

struct ConsentChange {
  std::vector<long long> person_ids;  // whose decision is stored; empty: the whole case's
  assist::v1::ConsentGiver given_by = assist::v1::CONSENT_GIVER_SELF;
  assist::v1::ConsentState summary = assist::v1::CONSENT_STATE_PENDING;  // Case.consent after it
  std::string summary_on;                                                // Case.consent_on
  std::string detail;  // for the audit trail: the decision, the people (ids only) and the giver
};

// Whose decision `request` records on the open case `c` and what the case's consent becomes, the
// required people as of `today`. A person_id the centre does not have: NOT_FOUND; another of its
// people: INVALID_ARGUMENT on person_id; a minor on decided_on as SELF: INVALID_ARGUMENT on
// given_by; a withdrawal of consent not given: FAILED_PRECONDITION CONSENT_NOT_GIVEN.
ConsentChange DecideConsent(Transaction& tx, const assist::v1::Case& c,
                            const assist::v1::RecordConsentRequest& request,
                            const sdk::Date& decided_on, const sdk::Date& today);
// Stores the decision rows of `change`.
void StoreConsentChange(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                        const ConsentChange& change,
                        const assist::v1::RecordConsentRequest& request,
                        const sdk::Date& decided_on);

}  // namespace assist::host

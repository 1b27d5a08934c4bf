#pragma once
// Consent per person (no database here; domain/consent_steps.hpp reads and writes it). A person
// case needs its person's consent; a family case the consent of each current member who is an
// adult (18 or over) on the day; minors are covered by their parents'. A member whose birth date
// is not known counts as an adult. A family with no adult member at all (children registered
// without their parents) needs each member's, which someone gives for them (a minor never
// consents as SELF). A family with no current member needs the whole case's decision.
#include <assist/plugin/date.hpp>
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "store/consent_repository.hpp"

namespace assist::host {

// A person of the case: its person, or a current member of its family.
struct CasePerson {
  long long person_id = 0;
  std::string given_name;
  std::string family_name;
  std::string birth_date;  // "" or unreadable: not known
};

// Under 18 on `on`; false when the birth date is not known.
bool IsMinorOn(const std::string& birth_date, const sdk::Date& on);

// The ids of the people whose consent the case needs on `on`, in the order of `people`.
std::vector<long long> RequiredPeople(const std::vector<CasePerson>& people, const sdk::Date& on);

struct CaseConsent {
  // The required people first, then the other people of the case with a decision recorded.
  std::vector<assist::v1::PersonConsent> people;
  // The case's latest decision from before consent was per person, if any: it stands for each
  // required person who has no decision of their own.
  std::optional<StoredConsentDecision> case_level;
};

// Each person's latest decision among `decisions` (in the order recorded).
CaseConsent ConsentOf(const std::vector<CasePerson>& people, const std::vector<long long>& required,
                      const std::vector<StoredConsentDecision>& decisions);

// What Case.consent says of them: WITHDRAWN when anyone's is withdrawn, else REFUSED when
// anyone's is refused, else GIVEN when every required person's is given, else PENDING. `on` gets
// the day of that state (the latest objection, or the last consent needed; "" while PENDING).
assist::v1::ConsentState Summarise(const CaseConsent& consent, std::string& on);

// The people who stop the work: required without consent given, or anyone who withdrew or
// refused it.
std::vector<const assist::v1::PersonConsent*> Missing(const CaseConsent& consent);

// "Anna Nowak (person 12)".
std::string Describe(const assist::v1::PersonConsent& person);

}  // namespace assist::host

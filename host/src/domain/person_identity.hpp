#pragma once
// How complete a person's identity is (NameQuality, BirthDateQuality: the name and DOB data
// quality of HMIS, for people a streetworker meets who give a street name or no birth date): the
// names and birth date each quality requires, and the INCOMPLETE_IDENTITY warning. No database.
#include <assist/plugin/validation.hpp>
#include <optional>

#include "assist/v1/cases.pb.h"

namespace assist::host {

// UNSPECIFIED, what clients from before the fields send, is FULL; anything else is kept (an
// unknown value is refused by the checks below).
assist::v1::NameQuality EffectiveNameQuality(assist::v1::NameQuality quality);
assist::v1::BirthDateQuality EffectiveBirthDateQuality(assist::v1::BirthDateQuality quality);

// FULL: given_name and family_name; PARTIAL: at least one of them; NOT_GIVEN: given_name (a
// description or a pseudonym), family_name optional. Each at most 200 bytes.
void CheckNames(const assist::v1::Person& person, sdk::Violations& v);
// FULL and APPROXIMATE: a date neither in the future nor before 1900, for APPROXIMATE the first
// day of a month (the year or the month known); UNKNOWN: empty. Returns the date when there is
// one.
std::optional<sdk::Date> CheckBirthDate(const assist::v1::Person& person, sdk::Violations& v);

// Name and birth date both FULL: only such people are compared for POSSIBLE_DUPLICATE (a
// description or a street name says nothing of who else the person is).
bool FullyIdentified(const assist::v1::Person& person);

// INCOMPLETE_IDENTITY naming the name and/or the birth date that are not FULL; nothing for a
// fully identified person.
void WarnOfIncompleteIdentity(assist::v1::Person& person);

}  // namespace assist::host

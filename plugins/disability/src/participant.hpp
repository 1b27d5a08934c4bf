#pragma once
// Who the participant is, beyond the certificate's dates: the age on the intake day against the
// age group, the basis of the certificate (the board's, or one the rehabilitation act treats as
// equal to a degree), the indications 7 and 8 of a child's certificate, and whether the
// government programme serves the person.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <optional>

namespace assist::disability {

// The birth date (given, not after the intake) and the age group it gives on the intake day.
// Returns the age in whole years when the birth date is readable.
std::optional<int> CheckAge(const v1::Intake& intake, const sdk::CaseContext& context,
                            sdk::Violations& v);

// An equivalent certificate (ZUS, KRUS, a group of invalidity) only with a degree, a ZUS one with
// the degree art. 5 of the rehabilitation act sets; indications 7 and 8 only on a child's
// certificate.
void CheckBasisAndIndications(const v1::Certificate& certificate, sdk::Violations& v);

// Warnings when the funding source is the government programme and the programme does not serve
// the person: a mild degree; a child without both indications 7 and 8, or under 2 years of age.
void WarnAboutProgrammeEligibility(const v1::Intake& intake, std::optional<int> age,
                                   sdk::Status& status);

}  // namespace assist::disability

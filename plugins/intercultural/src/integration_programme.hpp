#pragma once
// The 60-day window to apply for an individual integration programme (indywidualny program
// integracji): a person granted refugee status or subsidiary protection in Poland may apply for
// one within 60 days of the grant (the Act of 12 March 2004 on social assistance, art. 92 and 93).
// Missing the window loses a year of integration support and benefits, so the centre is reminded
// while it is open and told when it has passed.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>

namespace assist::intercultural {

inline constexpr int kIntegrationProgrammeWindowDays = 60;

// Refugee status, subsidiary protection, or the two not told apart (earlier form).
bool GrantsIntegrationProgramme(int kind);

// members[i].integration_programme_applied_on: a valid date, only for a person whose status
// grants the programme, not before the grant and not after the step.
void CheckIntegrationProgrammeApplications(const v1::Intake& intake,
                                           const sdk::CaseContext& context, sdk::Violations& v);

// Per person (or for the family, earlier form) who has such a status and no application recorded:
// INTEGRATION_PROGRAMME_WINDOW_OPEN while step_date is within 60 days of the grant, with the last
// day and the days left; INTEGRATION_PROGRAMME_WINDOW_PASSED after it, when the window closed on
// or after the referral (while the centre knew the family: check whether the person applied).
void WarnAboutIntegrationProgramme(const v1::Intake& intake, const sdk::CaseContext& context,
                                   sdk::Status& result);

}  // namespace assist::intercultural

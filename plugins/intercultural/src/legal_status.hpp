#pragma once
// The family's legal status in Poland: its rules, and the warning that it runs out while the
// family is being helped (an expired stay can end the right to work and to benefits).
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <optional>

namespace assist::intercultural {

// Long enough to prepare and lodge an application for an extension or a new permit.
inline constexpr int kExpiryNoticeDays = 90;

// Violations under the field "legal_status".
void CheckLegalStatus(const v1::LegalStatus& status, const sdk::CaseContext& context,
                      sdk::Violations& v);

// Warns when the status has expired before `step_date`, or expires within kExpiryNoticeDays of
// it or on or before `plan_end`. A status without a valid expiry date never warns.
void WarnIfLegalStatusEnds(const v1::LegalStatus& status, const sdk::Date& step_date,
                           const std::optional<sdk::Date>& plan_end, sdk::Status& result);

// The last day of a plan's period, when the plan has a valid one.
std::optional<sdk::Date> PlanEnd(const v1::Plan* plan);

}  // namespace assist::intercultural

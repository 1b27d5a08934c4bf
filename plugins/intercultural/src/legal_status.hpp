#pragma once
// Legal status in Poland, per person: its rules, and the warnings that a person's status runs out
// while the family is being helped (an expired stay can end the right to work and to benefits).
// Intakes of the earlier form carry one status for the whole family (Intake.legal_status); it
// stands for every member without a status of their own.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <optional>
#include <string>
#include <vector>

namespace assist::intercultural {

// Long enough to prepare and lodge an application for an extension or a new permit.
inline constexpr int kExpiryNoticeDays = 90;

// Violations of one status under `path` ("legal_status", "members[1].legal_status").
void CheckLegalStatus(const v1::LegalStatus& status, const std::string& path,
                      const sdk::CaseContext& context, sdk::Violations& v);

// Every member's status (their own, or the family's of the earlier form) and the family's, when
// given; "members[i].legal_status" is required when neither is.
void CheckLegalStatuses(const v1::Intake& intake, const sdk::CaseContext& context,
                        sdk::Violations& v);

// Whose status a warning is about.
struct StatusHolder {
  std::string name;  // the member's name; empty for the whole family (earlier form)
  const v1::LegalStatus* status = nullptr;
  const v1::Member* member = nullptr;  // nullptr for the whole family
};

// Each member with the status that stands for them; a single holder, the family, when no member
// has a status of their own (an intake of the earlier form). Members with no status are left out.
std::vector<StatusHolder> StatusHolders(const v1::Intake& intake);

// Warns, per holder, when the status has expired before `step_date`, or expires within
// kExpiryNoticeDays of it or on or before `plan_end`. A status without a valid expiry date never
// warns.
void WarnIfLegalStatusesEnd(const v1::Intake& intake, const sdk::Date& step_date,
                            const std::optional<sdk::Date>& plan_end, sdk::Status& result);

// The plan's last day, when the plan is there and its period_to valid.
std::optional<sdk::Date> PlanEnd(const v1::Plan* plan);

}  // namespace assist::intercultural

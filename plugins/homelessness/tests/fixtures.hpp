#pragma once
// Valid payloads of a typical person (sleeping at the railway station for two years, alcohol,
// casual work) and helpers to read results.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/plugin.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace assist::homelessness::testing {

inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-15";
// ValidIntake's crisis began on 2024-10-01 and ValidPlan starts on 2026-10-01, two years later,
// so the programme should run until 2028-10-01 at least.
inline constexpr std::string_view kProposedEnd = "2028-10-01";

sdk::Date D(std::string_view text);  // a date that must parse

// An open case whose work started on 2026-08-31; the step is recorded on `step_date`.
sdk::CaseContext Context(std::string_view step_date);

v1::Intake ValidIntake();
v1::Plan ValidPlan();  // four stages, 2026-10-01 .. 2028-12-31
v1::Review ValidReview();
v1::Contact ValidContact();  // streetwork: no monitoring fields
v1::Outcome ValidOutcome();

// The violated field paths, sorted, so tests compare them as a set.
std::vector<std::string> Fields(const sdk::Status& status);
std::vector<std::string> WarningCodes(const sdk::Status& status);

}  // namespace assist::homelessness::testing

#pragma once
// Valid payloads of a typical person (sleeping at the railway station for two years, alcohol,
// casual work) and helpers to read results.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/testing/case_context.hpp>
#include <assist/plugin/testing/status_matchers.hpp>
#include <string_view>

namespace assist::homelessness::testing {

inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-15";
// ValidIntake's crisis began on 2024-10-01 and ValidPlan starts on 2026-10-01, two years later,
// so the programme should run until 2028-10-01 at least.
inline constexpr std::string_view kProposedEnd = "2028-10-01";

// D(text): a date that must parse. OpenCase(work_started_on): for NextReviewDue.
// Context(step_date): an open case whose work started on 2026-08-31, the step recorded on
// `step_date`.
using sdk::testing::Context;
using sdk::testing::D;
using sdk::testing::OpenCase;

v1::Intake ValidIntake();
v1::Plan ValidPlan();  // four stages, 2026-10-01 .. 2028-12-31
v1::Review ValidReview();
v1::Contact ValidContact();  // streetwork: no monitoring fields
v1::Outcome ValidOutcome();

// The violated field paths and the warning codes, sorted, so tests compare them as sets.
using sdk::testing::Fields;
using sdk::testing::WarningCodes;

}  // namespace assist::homelessness::testing

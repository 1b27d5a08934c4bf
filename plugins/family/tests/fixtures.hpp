#pragma once
// Valid payloads of a typical family (a single mother, two children) and helpers to read results.
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/testing/case_context.hpp>
#include <assist/plugin/testing/status_matchers.hpp>
#include <string_view>

namespace assist::family::testing {

inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-15";

// D(text): a date that must parse. Context(step_date): an open case whose work started on
// 2026-08-31, the step recorded on `step_date`. OpenCase(work_started_on): for NextReviewDue.
// A family case: family assistance takes no other.
inline sdk::CaseContext Context(std::string_view step_date) {
  return sdk::testing::Context(step_date, sdk::CaseSubject::kFamily);
}
using sdk::testing::D;
using sdk::testing::OpenCase;

v1::Intake ValidIntake();
v1::Plan ValidPlan();
v1::Review ValidReview();
v1::Contact ValidContact();
v1::Outcome ValidOutcome();

// The violated field paths and the warning codes, sorted, so tests compare them as sets.
using sdk::testing::Fields;
using sdk::testing::WarningCodes;

}  // namespace assist::family::testing

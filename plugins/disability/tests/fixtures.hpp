#pragma once
// Valid payloads of a typical case (an adult with a moderate degree of disability, certificate
// valid until the end of 2027) and helpers to read results.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/testing/case_context.hpp>
#include <assist/plugin/testing/status_matchers.hpp>
#include <string_view>

namespace assist::disability::testing {

inline constexpr std::string_view kWorkStarted = "2026-08-31";
inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-15";

// D(text): a date that must parse. Context(step_date): an open case whose work started on
// kWorkStarted, the step recorded on `step_date`. OpenCase(work_started_on): for NextReviewDue.
using sdk::testing::Context;
using sdk::testing::D;
using sdk::testing::OpenCase;

v1::Intake ValidIntake();  // born 1980-05-12, an adult
v1::Plan
ValidPlan();  // 2026-09-15 .. 2026-12-31, 300 hours, the assistant's statement of kPlanDate
// The age group and a birth date that fits it on kIntakeDate (a child: 10, a young person: 17).
void SetAgeGroup(v1::Intake& intake, v1::AgeGroup group);
v1::Contact ValidContact();
v1::Review ValidReview();
v1::Outcome ValidOutcome();
v1::CentreSettings Settings(int year, int max_hours_per_person);

// The violated field paths and the warning codes, sorted, so tests compare them as sets; the
// English and Polish text of the first violation of `field` (empty when there is none).
using sdk::testing::Fields;
using sdk::testing::TextOf;
using sdk::testing::WarningCodes;

}  // namespace assist::disability::testing

#pragma once
// Valid payloads of a typical family (a Ukrainian mother with two children) and helpers to read
// results.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/testing/case_context.hpp>
#include <assist/plugin/testing/status_matchers.hpp>
#include <string_view>

namespace assist::intercultural::testing {

inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-15";
inline constexpr std::string_view kReviewDate = "2026-11-30";

// D(text): a date that must parse. OpenCase(work_started_on): for NextReviewDue.
// Context(step_date): an open case referred on 2026-08-20 whose work started on 2026-08-31, the
// step recorded on `step_date`.
using sdk::testing::Context;
using sdk::testing::D;
using sdk::testing::OpenCase;

// Olena and Maksym under temporary protection until 2027-09-30, Sofiia with permanent residence;
// Maksym (born 2014) enrolled at school, Sofiia (born 2021) not of school age.
v1::Intake ValidIntake();
// The same family as an intake of the earlier form: one status for the whole family (temporary
// protection until 2027-09-30) and none per person.
v1::Intake LegacyIntake();
v1::Plan ValidPlan();  // 2026-09-15 .. 2027-08-31
v1::Review ValidReview();
v1::Contact ValidContact();
v1::Outcome ValidOutcome();

// The violated field paths and the warning codes, sorted, so tests compare them as sets.
using sdk::testing::Fields;
using sdk::testing::TextOf;  // "<English> | <Polish>" of the first violation of a field
using sdk::testing::WarningCodes;

}  // namespace assist::intercultural::testing

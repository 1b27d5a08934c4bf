#pragma once
// Valid payloads of a typical family (a Ukrainian mother under temporary protection with two
// children) and helpers to read results.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace assist::intercultural::testing {

inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-15";
inline constexpr std::string_view kReviewDate = "2026-11-30";

sdk::Date D(std::string_view text);  // a date that must parse

// An open case referred on 2026-08-20 whose work started on 2026-08-31; the step is recorded on
// `step_date`.
sdk::CaseContext Context(std::string_view step_date);

v1::Intake ValidIntake();  // temporary protection until 2027-09-30
v1::Plan ValidPlan();      // 2026-09-15 .. 2027-08-31
v1::Review ValidReview();
v1::Contact ValidContact();
v1::Outcome ValidOutcome();

// The violated field paths, sorted, so tests compare them as a set.
std::vector<std::string> Fields(const sdk::Status& status);
std::vector<std::string> WarningCodes(const sdk::Status& status);

}  // namespace assist::intercultural::testing

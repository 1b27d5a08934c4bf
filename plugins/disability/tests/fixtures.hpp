#pragma once
// Valid payloads of a typical case (an adult with a moderate degree of disability, certificate
// valid until the end of 2027) and helpers to read results.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/plugin.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace assist::disability::testing {

inline constexpr std::string_view kWorkStarted = "2026-08-31";
inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-15";

sdk::Date D(std::string_view text);  // a date that must parse

// An open case whose work started on kWorkStarted; the step is recorded on `step_date`.
sdk::CaseContext Context(std::string_view step_date);

v1::Intake ValidIntake();
v1::Plan ValidPlan();  // 2026-09-15 .. 2026-12-31, 300 hours in total
v1::Contact ValidContact();
v1::Review ValidReview();
v1::Outcome ValidOutcome();
v1::CentreSettings Settings(int year, int max_hours_per_person);

// The violated field paths, sorted, so tests compare them as a set.
std::vector<std::string> Fields(const sdk::Status& status);
std::vector<std::string> WarningCodes(const sdk::Status& status);
// The English and Polish text of the first violation of `field`; empty when there is none.
std::string TextOf(const sdk::Status& status, const std::string& field);

}  // namespace assist::disability::testing

#pragma once
// For a plugin's unit tests: dates and the case contexts the plugins' tests share.
#include <assist/plugin/date.hpp>
#include <assist/plugin/plugin.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace assist::sdk::testing {

// A date that must parse; throws std::invalid_argument otherwise.
inline Date D(std::string_view text) {
  auto date = ParseDate(text);
  if (!date) throw std::invalid_argument("bad test date " + std::string(text));
  return *date;
}

// Case 42 of "mops-sopot", open, referred on 2026-08-20, work started on 2026-08-31; the step is
// recorded on `step_date`; the case is for `subject`.
inline CaseContext Context(std::string_view step_date, CaseSubject subject = CaseSubject::kPerson) {
  CaseContext context;
  context.subject = subject;
  context.case_id = 42;
  context.centre_id = "mops-sopot";
  context.state = CaseState::kOpen;
  context.referred_on = D("2026-08-20");
  context.work_started_on = D("2026-08-31");
  context.step_date = D(step_date);
  return context;
}

// An open case referred on 2026-08-20, for NextReviewDue: only the state and dates are set.
inline CaseContext OpenCase(std::optional<Date> work_started_on) {
  CaseContext context;
  context.state = CaseState::kOpen;
  context.referred_on = D("2026-08-20");
  context.work_started_on = work_started_on;
  return context;
}

}  // namespace assist::sdk::testing

#pragma once
// One validator per step payload. Each returns every violation at once, or OK with warnings.
#include <assist/streetwork/v1/streetwork.pb.h>

#include <assist/plugin/plugin.hpp>

namespace assist::streetwork {

sdk::Status ValidateIntake(const v1::Intake& intake, const sdk::CaseContext& context);
sdk::Status ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context);
sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& context);
sdk::Status ValidateReview(const v1::Review& review, const sdk::CaseContext& context);
sdk::Status ValidateOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context);

}  // namespace assist::streetwork

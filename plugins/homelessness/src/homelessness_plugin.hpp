#pragma once
// Assisting a person in a homelessness crisis (asystowanie osobie w kryzysie bezdomności): one
// person led through the individual programme of leaving homelessness. Stateless, so safe to call
// from several threads at once.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/sdk.hpp>
#include <optional>
#include <vector>

namespace assist::homelessness {

class HomelessnessPlugin final : public sdk::TypedPlugin<HomelessnessPlugin, v1::Intake, v1::Plan,
                                                         v1::Review, v1::Outcome, v1::Contact> {
 public:
  // No statute sets a cadence for this work; quarterly follows the programme's stages and the
  // swings of a life on the street (a lost shelter place, a relapse, winter). See README.md.
  static constexpr int kReviewEveryMonths = 3;

  HomelessnessPlugin();

  // One validator per step payload. Each returns every violation at once, or OK with warnings.
  static sdk::Status ValidateIntake(const v1::Intake& intake, const sdk::CaseContext& context);
  static sdk::Status ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context);
  static sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& context);
  static sdk::Status ValidateReview(const v1::Review& review, const sdk::CaseContext& context);
  static sdk::Status ValidateOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context);

  // A monitoring contact's return-to-homelessness check, and the situation at exit.
  static sdk::Status AcceptContact(const v1::Contact& contact, const sdk::CaseContext& context,
                                   sdk::DataSession& data);
  static sdk::Status AcceptOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                                   sdk::DataSession& data);
  static std::vector<sdk::IndicatorSummary> Summarize(
      const std::vector<const v1::Outcome*>& outcomes);

  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
  sdk::Reporting ReportingRules() const override;
  // The outcome's monitoring_months (return-to-homelessness checks after the programme); none
  // when it is 0 or the message is not the homelessness outcome.
  std::optional<int> RecommendedMonitoringMonths(
      const google::protobuf::Message& outcome) const override;
};

}  // namespace assist::homelessness

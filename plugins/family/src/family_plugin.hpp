#pragma once
// Family assistance (asystent rodziny): the Act of 9 June 2011 on supporting the family and the
// foster-care system, art. 15(1). Stateless, so safe to call from several threads at once.
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/sdk.hpp>
#include <optional>
#include <string>
#include <vector>

namespace assist::family {

class FamilyPlugin final : public sdk::TypedPlugin<FamilyPlugin, v1::Intake, v1::Plan, v1::Review,
                                                   v1::Outcome, v1::Contact> {
 public:
  // Art. 15(1)(15): "dokonywanie okresowej oceny sytuacji rodziny, nie rzadziej niż co pół roku".
  static constexpr int kReviewEveryMonths = 6;

  FamilyPlugin();

  // One validator per step payload. Each returns every violation at once, or OK with warnings.
  static sdk::Status ValidateIntake(const v1::Intake& intake, const sdk::CaseContext& context);
  static sdk::Status ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context);
  static sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& context);
  static sdk::Status ValidateReview(const v1::Review& review, const sdk::CaseContext& context);
  static sdk::Status ValidateOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context);

  // The outcome's indicator ratings, kept in family_outcome_indicators.
  static sdk::Status AcceptOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                                   sdk::DataSession& data);
  static std::vector<sdk::IndicatorSummary> Summarize(
      const std::vector<const v1::Outcome*>& outcomes);

  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
  sdk::Reporting ReportingRules() const override;
  sdk::Status RenderDocument(const std::string& kind, const sdk::CaseRecord& record,
                             std::string& text) const override;
  // The outcome's monitoring_months (art. 15(1)(17): monitoring the family's functioning after
  // the work ended); none when it is 0 or the message is not the family outcome.
  std::optional<int> RecommendedMonitoringMonths(
      const google::protobuf::Message& outcome) const override;
};

}  // namespace assist::family

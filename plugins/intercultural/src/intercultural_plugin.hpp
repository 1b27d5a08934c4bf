#pragma once
// Intercultural (integration) assistance (asystent międzykulturowy): support for foreign families
// integrating in Poland. Stateless, so safe to call from several threads at once.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/sdk.hpp>
#include <optional>
#include <vector>

namespace assist::intercultural {

class InterculturalPlugin final : public sdk::TypedPlugin<InterculturalPlugin, v1::Intake, v1::Plan,
                                                          v1::Review, v1::Outcome, v1::Contact> {
 public:
  // No statute sets a cadence for this type; see README.md for why a quarter.
  static constexpr int kReviewEveryMonths = 3;

  InterculturalPlugin();

  // One validator per step payload. Each returns every violation at once, or OK with warnings.
  static sdk::Status ValidateIntake(const v1::Intake& intake, const sdk::CaseContext& context);
  static sdk::Status ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context);
  static sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& context);
  static sdk::Status ValidateReview(const v1::Review& review, const sdk::CaseContext& context);
  static sdk::Status ValidateOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context);

  // The outcome's indicator ratings, kept in intercultural_outcome_indicators.
  static sdk::Status AcceptOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                                   sdk::DataSession& data);
  static std::vector<sdk::IndicatorSummary> Summarize(
      const std::vector<const v1::Outcome*>& outcomes);

  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
  sdk::Reporting ReportingRules() const override;
};

}  // namespace assist::intercultural

#pragma once
// Assistant of a person with a disability (asystent osoby z niepełnosprawnością): support in daily
// functioning for children, young people and adults with a current disability certificate.
// Stateless, so safe to call from several threads at once.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/sdk.hpp>
#include <optional>
#include <vector>

namespace assist::disability {

class DisabilityPlugin final
    : public sdk::TypedPlugin<DisabilityPlugin, v1::Intake, v1::Plan, v1::Review, v1::Outcome,
                              v1::Contact, v1::CentreSettings> {
 public:
  DisabilityPlugin();

  // One validator per step payload. Each returns every violation at once, or OK with warnings.
  static sdk::Status ValidateIntake(const v1::Intake& intake, const sdk::CaseContext& context);
  static sdk::Status ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context);
  static sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& context);
  static sdk::Status ValidateReview(const v1::Review& review, const sdk::CaseContext& context);
  static sdk::Status ValidateOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context);
  static sdk::Status ValidateSettings(const v1::CentreSettings& settings,
                                      const sdk::CaseContext& context);

  // The hours delivered at a contact, kept against the plan's yearly budget.
  static sdk::Status AcceptContact(const v1::Contact& contact, const sdk::CaseContext& context,
                                   sdk::DataSession& data);
  static std::vector<sdk::IndicatorSummary> Summarize(
      const std::vector<const v1::Outcome*>& outcomes);

  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
  // The monthly service record (service_record) for RenderDocumentRequest.month.
  sdk::Status RenderDocument(const std::string& kind, const sdk::CaseRecord& record,
                             std::string& text) const override;
  sdk::Reporting ReportingRules() const override;
};

}  // namespace assist::disability

#pragma once
// Streetwork (praca uliczna): outreach to people sleeping rough, from the first contact on the
// street to a night shelter, treatment or a homelessness assistant. Stateless, so safe to call from
// several threads at once.
#include <assist/streetwork/v1/streetwork.pb.h>

#include <assist/plugin/sdk.hpp>
#include <optional>
#include <vector>

namespace assist::streetwork {

inline constexpr char kTypeId[] = "streetwork";

class StreetworkPlugin final : public sdk::TypedPlugin<StreetworkPlugin, v1::Intake, v1::Plan,
                                                       v1::Review, v1::Outcome, v1::Contact> {
 public:
  // Life on the street changes fast: the situation is assessed every three months, and every
  // month while the intake found the person's life or health at high risk.
  static constexpr int kReviewEveryMonths = 3;
  static constexpr int kHighRiskReviewEveryMonths = 1;

  StreetworkPlugin();

  // One validator per step payload. Each returns every violation at once, or OK with warnings.
  static sdk::Status ValidateIntake(const v1::Intake& intake, const sdk::CaseContext& context);
  static sdk::Status ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context);
  static sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& context);
  static sdk::Status ValidateReview(const v1::Review& review, const sdk::CaseContext& context);
  static sdk::Status ValidateOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context);

  // The details of an accepted contact: one street round, kept in streetwork_rounds.
  static sdk::Status AcceptContact(const v1::Contact& contact, const sdk::CaseContext& context,
                                   sdk::DataSession& data);

  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
};

}  // namespace assist::streetwork

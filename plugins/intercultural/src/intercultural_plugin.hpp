#pragma once
// Intercultural (integration) assistance (asystent międzykulturowy): support for foreign families
// integrating in Poland. Stateless, so safe to call from several threads at once.
#include <assist/plugin/plugin.hpp>

namespace assist::intercultural {

class InterculturalPlugin final : public sdk::Plugin {
 public:
  // No statute sets a cadence for this type; see README.md for why a quarter.
  static constexpr int kReviewEveryMonths = 3;

  InterculturalPlugin();

  const sdk::PluginInfo& Info() const override { return info_; }
  sdk::Status Validate(sdk::Step step, const google::protobuf::Message& payload,
                       const sdk::CaseContext& context) const override;
  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
  sdk::Status OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                         const sdk::CaseContext& context, sdk::DataSession& data) const override;
  std::vector<sdk::IndicatorSummary> SummarizeOutcomes(
      const std::vector<const google::protobuf::Message*>& outcomes) const override;

 private:
  sdk::PluginInfo info_;
};

}  // namespace assist::intercultural

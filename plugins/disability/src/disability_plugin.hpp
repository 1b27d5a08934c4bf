#pragma once
// Assistant of a person with a disability (asystent osoby z niepełnosprawnością): support in daily
// functioning for children, young people and adults with a current disability certificate.
// Stateless, so safe to call from several threads at once.
#include <assist/plugin/plugin.hpp>

namespace assist::disability {

class DisabilityPlugin final : public sdk::Plugin {
 public:
  DisabilityPlugin();

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

}  // namespace assist::disability

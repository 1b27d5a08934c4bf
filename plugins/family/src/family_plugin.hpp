#pragma once
// Family assistance (asystent rodziny): the Act of 9 June 2011 on supporting the family and the
// foster-care system, art. 15(1). Stateless, so safe to call from several threads at once.
#include <assist/plugin/plugin.hpp>

namespace assist::family {

class FamilyPlugin final : public sdk::Plugin {
 public:
  // Art. 15(1)(15): "dokonywanie okresowej oceny sytuacji rodziny, nie rzadziej niż co pół roku".
  static constexpr int kReviewEveryMonths = 6;

  FamilyPlugin();

  const sdk::PluginInfo& Info() const override { return info_; }
  sdk::Status Validate(sdk::Step step, const google::protobuf::Message& payload,
                       const sdk::CaseContext& context) const override;
  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
  sdk::Status OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                         const sdk::CaseContext& context, sdk::DataSession& data) const override;
  sdk::Status RenderDocument(const std::string& kind, const sdk::CaseRecord& record,
                             std::string& text) const override;
  std::vector<sdk::IndicatorSummary> SummarizeOutcomes(
      const std::vector<const google::protobuf::Message*>& outcomes) const override;

 private:
  sdk::PluginInfo info_;
};

}  // namespace assist::family

#pragma once
// Assisting a person in a homelessness crisis (asystowanie osobie w kryzysie bezdomności): one
// person led through the individual programme of leaving homelessness. Stateless, so safe to call
// from several threads at once.
#include <assist/plugin/plugin.hpp>

namespace assist::homelessness {

class HomelessnessPlugin final : public sdk::Plugin {
 public:
  // No statute sets a cadence for this work; quarterly follows the programme's stages and the
  // swings of a life on the street (a lost shelter place, a relapse, winter). See README.md.
  static constexpr int kReviewEveryMonths = 3;

  HomelessnessPlugin();

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

}  // namespace assist::homelessness

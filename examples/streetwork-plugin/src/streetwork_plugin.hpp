#pragma once
// Streetwork (praca uliczna): outreach to people sleeping rough, from the first contact on the
// street to a night shelter, treatment or a homelessness assistant. Stateless, so safe to call from
// several threads at once.
#include <assist/plugin/plugin.hpp>

namespace assist::streetwork {

inline constexpr char kTypeId[] = "streetwork";

class StreetworkPlugin final : public sdk::Plugin {
 public:
  // Life on the street changes fast: the situation is assessed every three months, and every
  // month while the intake found the person's life or health at high risk.
  static constexpr int kReviewEveryMonths = 3;
  static constexpr int kHighRiskReviewEveryMonths = 1;

  StreetworkPlugin();

  const sdk::PluginInfo& Info() const override { return info_; }
  sdk::Status Validate(sdk::Step step, const google::protobuf::Message& payload,
                       const sdk::CaseContext& context) const override;
  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& context) const override;
  std::vector<sdk::Migration> Migrations() const override;
  sdk::Status OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                         const sdk::CaseContext& context, sdk::DataSession& data) const override;

 private:
  sdk::PluginInfo info_;
};

}  // namespace assist::streetwork

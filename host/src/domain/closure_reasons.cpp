#include "domain/closure_reasons.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "domain/errors.hpp"

namespace assist::host {

void RequireMatchingClosureReason(const LoadedPlugin& plugin, assist::v1::ClosureReason reason,
                                  const google::protobuf::Message& outcome) {
  const ReportingRules& rules = plugin.reporting;
  int own = OwnClosureReason(rules, outcome);
  auto mapped = rules.platform_reasons.find(own);
  if (own == 0 || mapped == rules.platform_reasons.end()) return;
  const std::vector<int>& allowed = mapped->second;
  if (std::find(allowed.begin(), allowed.end(), static_cast<int>(reason)) != allowed.end()) return;
  const std::string own_name = rules.closure_field->enum_type()->FindValueByNumber(own)->name();
  const std::string platform_name = assist::v1::ClosureReason_Name(reason);
  std::string expected;
  for (int each : allowed) {
    if (!expected.empty()) expected += " or ";
    expected += assist::v1::ClosureReason_Name(static_cast<assist::v1::ClosureReason>(each));
  }
  const std::string own_field = "outcome." + rules.closure_field->name();
  ThrowInvalid({
      {"reason",
       platform_name + " does not match the outcome's " + own_name + " (" + plugin.info.id +
           "), which is closed as " + expected,
       platform_name + " nie odpowiada powodowi z efektów " + own_name + " (" + plugin.info.id +
           "), który zamyka się jako " + expected},
      {own_field, own_name + " is closed as " + expected + ", not " + platform_name,
       own_name + " zamyka się jako " + expected + ", nie " + platform_name},
  });
}

bool ClosesAsTransferred(const ReportingRules& rules) {
  if (rules.closure_field == nullptr || rules.platform_reasons.empty()) return true;
  for (const auto& [own, platform] : rules.platform_reasons) {
    if (std::find(platform.begin(), platform.end(),
                  static_cast<int>(assist::v1::CLOSURE_REASON_TRANSFERRED)) != platform.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace assist::host

#pragma once
// The outcomes MOPS Sopot names for intercultural assistance (seed 003), in one table shared by
// validation, the indicator store and the yearly summary.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace assist::intercultural {

struct Indicator {
  std::string_view code;  // the Outcome field name
  std::string_view label_pl;
  std::string_view label_en;
  // The rating, or nullptr when the indicator was not assessed for the family.
  const ::assist::v1::BeforeAfter* (*rating)(const v1::Outcome&);
};

std::span<const Indicator> Indicators();

// One summary per indicator, in table order; only outcomes that rated it count.
std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>& outcomes);

}  // namespace assist::intercultural

#pragma once
// The outcomes the Sopot centre names for the assistant of a person with a disability (seed 003:
// less isolation, more independence, social contacts, activity and work), in one table shared
// by validation and the yearly summary.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/plugin.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace assist::disability {

struct Indicator {
  std::string_view code;  // the Outcome field name
  std::string_view label_pl;
  std::string_view label_en;
  // The rating, or nullptr when the indicator was not assessed for the person.
  const ::assist::v1::BeforeAfter* (*rating)(const v1::Outcome&);
};

std::span<const Indicator> Indicators();

// One summary per indicator, in table order; only outcomes that rated it count.
std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>& outcomes);

}  // namespace assist::disability

#pragma once
// The outcome indicators of the yearly statistics: the share housed at exit, and the independence
// ratings (1..5 before and after) in one table shared by validation and the summary.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/indicators.hpp>
#include <assist/plugin/plugin.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace assist::homelessness {

using RatingIndicator = sdk::Indicator<v1::Outcome>;

std::span<const RatingIndicator> RatingIndicators();

// The code of the housed-at-exit indicator: before is 0 (everyone starts in the crisis), after is
// 1 when housed, so mean_after is the share housed and improved the number housed.
inline constexpr std::string_view kHousedAtExit = "housed_at_exit";

// "housed_at_exit" first, then one summary per rating in table order; only outcomes that record
// the housing status, or rate the indicator, count. Null entries are skipped.
std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>& outcomes);

}  // namespace assist::homelessness

#pragma once
// The outcome indicators Bytom's MOPR reports for family assistance (seed 000), in one table
// shared by validation, the indicator store and the yearly summary.
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/indicators.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace assist::family {

using Indicator = sdk::Indicator<v1::Outcome>;

std::span<const Indicator> Indicators();

// Codes of the two yearly figures beside the ratings: the share of families whose children are
// at home at closure (before: at the start), and the share that attained every goal of the plan.
inline constexpr std::string_view kChildrenInFamily = "children_in_family";
inline constexpr std::string_view kAllGoalsAttained = "all_plan_goals_attained";

// The ratings of Indicators(), then the two figures above.
std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>& outcomes);

}  // namespace assist::family

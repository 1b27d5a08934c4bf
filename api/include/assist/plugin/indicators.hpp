#pragma once
// Outcome indicators: the ratings (1..5 before and after the work, assist.v1.BeforeAfter) a
// plugin's Outcome carries, in one table per plugin shared by validation, the plugin's own
// tables and the yearly summary (Plugin::SummarizeOutcomes).
//   using O = v1::Outcome;
//   constexpr std::array<sdk::Indicator<O>, 2> kIndicators{{
//       {"work", "Praca", "Work", &sdk::RatingField<&O::has_work, &O::work>},
//       ...}};
#include <assist/v1/common.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace assist::sdk {

template <typename Outcome>
struct Indicator {
  std::string_view code;  // the Outcome field name
  std::string_view label_pl;
  std::string_view label_en;
  // The rating, or nullptr when the indicator was not assessed in this outcome.
  const ::assist::v1::BeforeAfter* (*rating)(const Outcome&);
};

namespace internal {

template <typename Getter>
struct GetterClass;
template <typename C, typename R>
struct GetterClass<R (C::*)() const> {
  using type = C;
};
template <typename C, typename R>
struct GetterClass<R (C::*)() const noexcept> {
  using type = C;
};

}  // namespace internal

// The rating in a message field of the generated Outcome, read through its has_/getter pair:
// &RatingField<&O::has_work, &O::work>; nullptr when the field is not set.
template <auto Has, auto Get>
const ::assist::v1::BeforeAfter* RatingField(
    const typename internal::GetterClass<decltype(Has)>::type& outcome) {
  return (outcome.*Has)() ? &(outcome.*Get)() : nullptr;
}

// Sums (before, after) pairs into a summary's counts and means: `improved` counts after > before.
class IndicatorTally {
 public:
  void Add(int before, int after) {
    ++cases_;
    sum_before_ += before;
    sum_after_ += after;
    if (after > before) ++improved_;
  }

  IndicatorSummary Finish(std::string_view code, std::string_view label_pl,
                          std::string_view label_en) const {
    IndicatorSummary summary;
    summary.code = code;
    summary.label_pl = label_pl;
    summary.label_en = label_en;
    summary.cases = cases_;
    summary.improved = improved_;
    if (cases_ > 0) {
      summary.mean_before = sum_before_ / cases_;
      summary.mean_after = sum_after_ / cases_;
    }
    return summary;
  }

 private:
  int cases_ = 0;
  int improved_ = 0;
  double sum_before_ = 0;
  double sum_after_ = 0;
};

// One summary per indicator, in table order; only outcomes that rated it count, nulls are skipped.
template <typename Outcome>
std::vector<IndicatorSummary> Summarize(
    std::type_identity_t<std::span<const Indicator<Outcome>>> indicators,
    const std::vector<const Outcome*>& outcomes) {
  std::vector<IndicatorSummary> summaries;
  summaries.reserve(indicators.size());
  for (const Indicator<Outcome>& indicator : indicators) {
    IndicatorTally tally;
    for (const Outcome* outcome : outcomes) {
      const ::assist::v1::BeforeAfter* rating =
          outcome == nullptr ? nullptr : indicator.rating(*outcome);
      if (rating != nullptr) tally.Add(rating->before(), rating->after());
    }
    summaries.push_back(tally.Finish(indicator.code, indicator.label_pl, indicator.label_en));
  }
  return summaries;
}

// Plugin::SummarizeOutcomes for a plugin whose indicators are all in `indicators`: Summarize over
// the messages that are an Outcome. Never throws (see SummarizeAs).
template <typename Outcome>
std::vector<IndicatorSummary> SummarizeMessages(
    std::span<const Indicator<Outcome>> indicators,
    const std::vector<const google::protobuf::Message*>& outcomes) {
  return SummarizeAs<Outcome>(outcomes, [indicators](const std::vector<const Outcome*>& typed) {
    return Summarize<Outcome>(indicators, typed);
  });
}

// Every rated indicator on the 1..5 scale, under "<code>.before" and "<code>.after".
template <typename Outcome>
void CheckRatings(Violations& v,
                  std::type_identity_t<std::span<const Indicator<Outcome>>> indicators,
                  const Outcome& outcome) {
  for (const Indicator<Outcome>& indicator : indicators) {
    const ::assist::v1::BeforeAfter* rating = indicator.rating(outcome);
    if (rating == nullptr) continue;
    const std::string path(indicator.code);
    v.RequireRating(rating->before(), path + ".before");
    v.RequireRating(rating->after(), path + ".after");
  }
}

}  // namespace assist::sdk

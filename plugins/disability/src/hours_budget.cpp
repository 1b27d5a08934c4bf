#include "hours_budget.hpp"

#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/message_cast.hpp>

namespace assist::disability {
namespace {

int TiersNumber(const v1::YearlyLimit& limit, Tier tier) {
  switch (tier) {
    case Tier::kSignificantMultiple:
      return limit.significant_multiple();
    case Tier::kSignificant:
      return limit.significant();
    case Tier::kModerateMultiple:
      return limit.moderate_multiple();
    case Tier::kModerate:
      return limit.moderate();
    case Tier::kChild:
      return limit.child();
    case Tier::kNone:
      break;
  }
  return 0;
}

}  // namespace

Tier TierOf(const google::protobuf::Message* intake) {
  v1::Intake copy;
  const v1::Intake* current = sdk::As(intake, copy);
  if (current == nullptr) return Tier::kNone;
  const v1::Certificate& certificate = current->certificate();
  switch (certificate.level()) {
    case v1::CERTIFICATE_LEVEL_SIGNIFICANT:
      return certificate.multiple_disability() ? Tier::kSignificantMultiple : Tier::kSignificant;
    case v1::CERTIFICATE_LEVEL_MODERATE:
      return certificate.multiple_disability() ? Tier::kModerateMultiple : Tier::kModerate;
    case v1::CERTIFICATE_LEVEL_CHILD:
      return Tier::kChild;
    default:
      return Tier::kNone;
  }
}

int DefaultHours(Tier tier) {
  switch (tier) {
    case Tier::kSignificantMultiple:
      return 840;
    case Tier::kSignificant:
      return 720;
    case Tier::kModerateMultiple:
      return 480;
    case Tier::kModerate:
    case Tier::kChild:
      return 360;
    case Tier::kNone:
      break;
  }
  return kDefaultMaxHoursPerPerson;
}

TierText DescribeTier(Tier tier) {
  switch (tier) {
    case Tier::kSignificantMultiple:
      return {"significant degree with multiple disability",
              "znaczny stopień z niepełnosprawnością sprzężoną"};
    case Tier::kSignificant:
      return {"significant degree", "znaczny stopień"};
    case Tier::kModerateMultiple:
      return {"moderate degree with multiple disability",
              "umiarkowany stopień z niepełnosprawnością sprzężoną"};
    case Tier::kModerate:
      return {"moderate degree", "umiarkowany stopień"};
    case Tier::kChild:
      return {"child with a certificate", "dziecko z orzeczeniem"};
    case Tier::kNone:
      break;
  }
  return {"no programme tier", "poza grupami programu"};
}

int MaxHoursPerPerson(const google::protobuf::Message* settings, int year, Tier tier) {
  v1::CentreSettings copy;
  const v1::CentreSettings* centre = sdk::As(settings, copy);
  if (centre != nullptr) {
    for (const v1::YearlyLimit& limit : centre->limits()) {
      if (limit.year() != year) continue;
      if (const int own = TiersNumber(limit, tier); own > 0) return own;
      if (limit.max_hours_per_person() > 0) return limit.max_hours_per_person();
    }
  }
  return DefaultHours(tier);
}

std::optional<long long> PlannedHours(const google::protobuf::Message* plan, int year) {
  v1::Plan copy;
  const v1::Plan* current = sdk::As(plan, copy);
  if (current == nullptr || current->year() != year) return std::nullopt;
  long long total = 0;
  for (const v1::Activity& activity : current->activities()) total += activity.planned_hours();
  return total;
}

}  // namespace assist::disability

#pragma once
// The yearly budget of support hours per participant. The programme "Asystencja osobista osoby z
// niepełnosprawnością" sets it by tier (the degree in the certificate, multiple disability, a
// child's certificate); each centre may set its own per year and tier in its CentreSettings
// (EnableAssistanceType). A year or tier the centre did not set uses the programme's default.
#include <google/protobuf/message.h>

#include <optional>
#include <string>

namespace assist::disability {

// The participant's tier, from the certificate in the intake.
enum class Tier {
  kNone,  // no intake yet, or a degree the programme does not serve (mild)
  kSignificantMultiple,
  kSignificant,
  kModerateMultiple,
  kModerate,
  kChild,  // a child under 16 with a certificate (the programme: indications 7 and 8)
};

// For kNone, and the default of the plugin before the tiers: the usual ceiling of the programme.
inline constexpr int kDefaultMaxHoursPerPerson = 720;
inline constexpr int kHoursInYear = 8760;
// Years a plan or a limit may name; anything else is a typing error.
inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2100;

// The tier of an Intake (nullptr or another message: kNone).
Tier TierOf(const google::protobuf::Message* intake);

// The programme's limit for the tier (README, "Hours budget"): 840, 720, 480, 360, 360; 720 for
// kNone.
int DefaultHours(Tier tier);

// The tier in words, for messages and documents.
struct TierText {
  std::string en;
  std::string pl;
};
TierText DescribeTier(Tier tier);

// The limit for `year` and `tier` from the centre's settings (a CentreSettings, or nullptr): the
// tier's own number, else the year's max_hours_per_person, else the programme's default.
int MaxHoursPerPerson(const google::protobuf::Message* settings, int year, Tier tier = Tier::kNone);

// The hours the plan (a Plan, or nullptr) plans for `year`; nullopt when it plans another year.
std::optional<long long> PlannedHours(const google::protobuf::Message* plan, int year);

}  // namespace assist::disability

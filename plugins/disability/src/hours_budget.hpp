#pragma once
// The yearly budget of support hours per person, set by each centre per year in its
// CentreSettings (EnableAssistanceType); a year the centre did not set uses the default.
#include <google/protobuf/message.h>

#include <optional>

namespace assist::disability {

// The usual yearly ceiling per participant of the government programme "Asystent osobisty osoby z
// niepełnosprawnością"; editions differ, so a centre sets its own limit per year.
inline constexpr int kDefaultMaxHoursPerPerson = 720;
inline constexpr int kHoursInYear = 8760;
// Years a plan or a limit may name; anything else is a typing error.
inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2100;

// The limit for `year` from the centre's settings (a CentreSettings, or nullptr), else the default.
int MaxHoursPerPerson(const google::protobuf::Message* settings, int year);

// The hours the plan (a Plan, or nullptr) plans for `year`; nullopt when it plans another year.
std::optional<long long> PlannedHours(const google::protobuf::Message* plan, int year);

}  // namespace assist::disability

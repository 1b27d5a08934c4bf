#pragma once
// Payloads of the disability, intercultural and homelessness plugins in protobuf JSON, as a client
// with no generated code sends them (the family plugin's are in family_payloads.hpp). Dates are
// counted from the day the tests run, so the plugins' date rules hold on any day.
#include <string>
#include <string_view>

namespace assist::it {

// One assistance type's payloads for a case whose work starts today.
struct TypePayloads {
  std::string_view type_id;
  bool family_subject;  // the case is opened for a family, not one person
  std::string intake;
  std::string plan;
  std::string contact;
  std::string review;  // consistent with `plan`
  std::string outcome;
  // Outcome indicator codes the plugin reports in GetStatistics, one improved by `outcome`.
  std::string_view improved_indicator;
};

namespace disability {
// Mrs Krystyna, an adult with a moderate-degree certificate valid for two more years.
TypePayloads Payloads();
// The intake of Payloads() with a certificate that expired yesterday.
std::string IntakeWithExpiredCertificate();
// A plan of the current year with `hours` planned hours in all.
std::string PlanWithHours(int hours);
// CentreSettings: the centre's limit of hours per person in the current year.
std::string SettingsWithLimit(int hours);
}  // namespace disability

namespace intercultural {
// The Kovalenko family from Ukraine under temporary protection.
TypePayloads Payloads();
// A plan running 13 months: past the 12-month limit.
std::string PlanLongerThanAYear();
}  // namespace intercultural

namespace homelessness {
// Mr Marek, sleeping at the railway station for two years, met by streetworkers.
TypePayloads Payloads();
// A programme of six months: shorter than the two-year crisis.
std::string PlanShorterThanTheCrisis();
}  // namespace homelessness

// The current year (UTC), e.g. "2026".
std::string CurrentYear();

}  // namespace assist::it

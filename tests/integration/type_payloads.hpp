#pragma once
// Payloads of the assistance types in protobuf JSON, as a client with no generated code sends them.
// Each plugin folder holds the payloads of one case from referral to monitoring
// (plugins/<type>/tests/lifecycle/, with tests/case_subject), read by LifecyclePayloads; the
// variants below test rules of one type. Dates are counted from the day the tests run ("{d+30}",
// "{d-400}", "{year}" in the files), so the plugins' date rules hold on any day.
#include <string>
#include <string_view>

namespace assist::it {

// One assistance type's payloads for a case whose work starts today.
struct TypePayloads {
  std::string type_id;
  bool family_subject;  // the case is opened for a family, not one person
  std::string intake;
  std::string plan;
  std::string contact;
  std::string review;  // consistent with `plan`
  std::string outcome;
  // Outcome indicator codes the plugin reports in GetStatistics, one improved by `outcome`.
  std::string improved_indicator;
};

// The case of plugins/<type>/tests/lifecycle/ (intake.json, plan.json, contact.json, review.json,
// outcome.json, improved_indicator) for the subject of plugins/<type>/tests/case_subject.
TypePayloads LifecyclePayloads(const std::string& type_id);

namespace disability {
// Mrs Krystyna, an adult with a moderate-degree certificate valid for two more years.
inline TypePayloads Payloads() { return LifecyclePayloads("disability"); }
// The intake of Payloads() with a certificate that expired yesterday.
std::string IntakeWithExpiredCertificate();
// A plan of the current year with `hours` planned hours in all, and the assistant's statement
// (not a family member of the participant) made today.
std::string PlanWithHours(int hours);
// A plan of 60 hours without the assistant's statement.
std::string PlanWithoutStatement();
// CentreSettings: the centre's limit of hours per person (every tier) in the current year.
std::string SettingsWithLimit(int hours);
}  // namespace disability

namespace intercultural {
// The Kovalenko family from Ukraine under temporary protection.
inline TypePayloads Payloads() { return LifecyclePayloads("intercultural"); }
// A plan running 13 months: past the 12-month limit.
std::string PlanLongerThanAYear();
}  // namespace intercultural

namespace homelessness {
// Mr Marek, sleeping at the railway station for two years, met by streetworkers.
inline TypePayloads Payloads() { return LifecyclePayloads("homelessness"); }
// A programme of six months: shorter than the two-year crisis.
std::string PlanShorterThanTheCrisis();
}  // namespace homelessness

// The current year (UTC), e.g. "2026".
std::string CurrentYear();

}  // namespace assist::it

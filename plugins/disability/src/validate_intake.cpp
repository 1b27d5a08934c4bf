#include <set>

#include "certificate.hpp"
#include "checks.hpp"
#include "disability_plugin.hpp"

namespace assist::disability {
namespace {

void CheckNeeds(const v1::Intake& intake, sdk::Violations& v) {
  v.Require(intake.needs_size() > 0, "needs", "at least one need is required",
            "wymagana jest co najmniej jedna potrzeba");
  std::set<int> seen;
  for (int i = 0; i < intake.needs_size(); ++i) {
    const v1::Need& need = intake.needs(i);
    const std::string path = sdk::At("needs", i);
    if (RequireEnum(v, need.area(), v1::NeedArea_IsValid, path + ".area")) {
      RequireListedOnce(v, seen, need.area(), path + ".area");
    }
    v.RequireText(need.description(), path + ".description");
  }
}

// The government programme is for children with a certificate and for people with a significant
// or moderate degree; a mild degree can still be served from the city's budget.
void WarnAboutProgrammeEligibility(const v1::Intake& intake, sdk::Status& status) {
  if (intake.funding_source() != v1::FUNDING_SOURCE_GOVERNMENT_PROGRAMME ||
      intake.certificate().level() != v1::CERTIFICATE_LEVEL_MILD) {
    return;
  }
  status.AddWarning(
      {"GOVERNMENT_PROGRAMME_NEEDS_HIGHER_DEGREE",
       "The government programme \"Asystent osobisty osoby z niepełnosprawnością\" serves people "
       "with a significant or moderate degree of disability; check the funding source.",
       "Program rządowy „Asystent osobisty osoby z niepełnosprawnością” obejmuje osoby ze "
       "znacznym lub umiarkowanym stopniem niepełnosprawności; sprawdź źródło finansowania."});
}

}  // namespace

sdk::Status DisabilityPlugin::ValidateIntake(const v1::Intake& intake,
                                             const sdk::CaseContext& context) {
  if (context.subject == sdk::CaseSubject::kFamily) {
    return sdk::Status::FailedPrecondition(
        "the assistant of a person with a disability works with one person, and this case was "
        "opened for a family: close it and open a case for the person (OpenCase with person_id)");
  }
  sdk::Violations v;
  RequireEnum(v, intake.age_group(), v1::AgeGroup_IsValid, "age_group");
  CheckCertificate(intake, context, v);
  CheckNeeds(intake, v);
  RequireEnum(v, intake.funding_source(), v1::FundingSource_IsValid, "funding_source");
  LimitText(v, intake.situation(), "situation", 20000);

  sdk::Status status = v.ToStatus();
  if (status.ok()) WarnAboutProgrammeEligibility(intake, status);
  return status;
}

}  // namespace assist::disability

#include <set>

#include "certificate.hpp"
#include "checks.hpp"
#include "disability_plugin.hpp"
#include "participant.hpp"

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
  const std::optional<int> age = CheckAge(intake, context, v);
  CheckCertificate(intake, context, v);
  if (intake.has_certificate()) CheckBasisAndIndications(intake.certificate(), v);
  CheckNeeds(intake, v);
  RequireEnum(v, intake.funding_source(), v1::FundingSource_IsValid, "funding_source");
  LimitText(v, intake.situation(), "situation", 20000);

  sdk::Status status = v.ToStatus();
  if (status.ok()) WarnAboutProgrammeEligibility(intake, age, status);
  return status;
}

}  // namespace assist::disability

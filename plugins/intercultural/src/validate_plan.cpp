#include <algorithm>
#include <set>
#include <string>

#include "checks.hpp"
#include "integration_programme.hpp"
#include "intercultural_plugin.hpp"
#include "labels.hpp"
#include "legal_status.hpp"
#include "plan_period.hpp"

namespace assist::intercultural {
namespace {

void CheckAction(const v1::Action& action, const std::string& path,
                 const std::optional<Period>& period, sdk::Violations& v) {
  v.RequireText(action.description(), path + ".description");
  if (RequireEnum(v, action.performer(), v1::Performer_IsValid, path + ".performer") &&
      action.performer() != v1::PERFORMER_ASSISTANT) {
    v.RequireText(action.performer_name(), path + ".performer_name", 200);
  }
  const std::optional<sdk::Date> deadline = v.RequireDate(action.deadline(), path + ".deadline");
  if (period) {
    WithinPeriod(v, deadline, period->from, period->to, path + ".deadline", "the plan period",
                 "okresie realizacji planu");
  }
}

void CheckAreas(const v1::Plan& plan, const std::optional<Period>& period, sdk::Violations& v) {
  v.Require(plan.areas_size() > 0, "areas", "at least one area is required",
            "wymagany jest co najmniej jeden obszar");
  std::set<int> seen;
  for (int i = 0; i < plan.areas_size(); ++i) {
    const v1::PlanArea& area = plan.areas(i);
    const std::string path = sdk::At("areas", i);
    if (RequireEnum(v, area.area(), v1::SupportArea_IsValid, path + ".area")) {
      RequireListedOnce(v, seen, area.area(), path + ".area");
    }
    v.RequireText(area.goal(), path + ".goal");
    v.Require(area.actions_size() > 0, path + ".actions", "at least one action is required",
              "wymagane jest co najmniej jedno działanie");
    for (int a = 0; a < area.actions_size(); ++a) {
      CheckAction(area.actions(a), sdk::At(path + ".actions", a), period, v);
    }
  }
}

// The plan may take up an area the intake did not name (the needs become clearer while working
// with the family), but the centre should know, and update the intake if the need is real.
void WarnAboutAreasNotInIntake(const v1::Plan& plan, const v1::Intake& intake,
                               sdk::Status& status) {
  std::string list_en;
  std::string list_pl;
  for (int i = 0; i < plan.areas_size(); ++i) {
    const int area = plan.areas(i).area();
    if (std::find(intake.support_areas().begin(), intake.support_areas().end(), area) !=
        intake.support_areas().end()) {
      continue;
    }
    const Label label = SupportAreaLabel(area);
    const std::string separator = list_en.empty() ? "" : ", ";
    list_en += separator + sdk::At("areas", i) + " (" + std::string(label.en) + ")";
    list_pl += separator + sdk::At("areas", i) + " (" + std::string(label.pl) + ")";
  }
  if (list_en.empty()) return;
  status.AddWarning(
      {"PLAN_AREA_NOT_IN_INTAKE",
       "The plan works on areas the intake does not name as needing support: " + list_en + ".",
       "Plan obejmuje obszary, których rozpoznanie nie wskazuje jako wymagających wsparcia: " +
           list_pl + "."});
}

}  // namespace

sdk::Status InterculturalPlugin::ValidatePlan(const v1::Plan& plan,
                                              const sdk::CaseContext& context) {
  sdk::Violations v;
  const std::optional<Period> period = CheckPeriod(plan, context, v);
  CheckAreas(plan, period, v);
  NotAfterStep(v, v.RequireDate(plan.agreed_with_family_on(), "agreed_with_family_on"), context,
               "agreed_with_family_on");

  sdk::Status status = v.ToStatus();
  if (!status.ok()) return status;
  v1::Intake intake_copy;
  if (const v1::Intake* intake = sdk::As(context.intake, intake_copy)) {
    WarnAboutAreasNotInIntake(plan, *intake, status);
    WarnIfLegalStatusesEnd(*intake, context.step_date, PlanEnd(&plan), status);
    WarnAboutIntegrationProgramme(*intake, context, status);
  }
  return status;
}

}  // namespace assist::intercultural

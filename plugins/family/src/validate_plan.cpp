#include "checks.hpp"
#include "family_plugin.hpp"

namespace assist::family {
namespace {

void CheckAction(const v1::Action& action, const std::string& path, const sdk::CaseContext& context,
                 sdk::Violations& v) {
  v.RequireText(action.description(), path + ".description");
  if (RequireEnum(v, action.performer(), v1::Performer_IsValid, path + ".performer") &&
      action.performer() != v1::PERFORMER_ASSISTANT) {
    v.RequireText(action.performer_name(), path + ".performer_name", 200);
  }
  LimitText(v, action.expected_effect(), path + ".expected_effect", 2000);
  const auto deadline = v.RequireDate(action.deadline(), path + ".deadline");
  if (deadline && context.step_date.ok() && *deadline < context.step_date) {
    const std::string plan_date = sdk::FormatDate(context.step_date);
    v.Add(path + ".deadline", "must be on or after the plan date (" + plan_date + ")",
          "nie może być wcześniejszy niż data planu (" + plan_date + ")");
  }
}

// Returns whether any goal works towards the return of a child from foster care.
bool CheckGoals(const v1::Plan& plan, const v1::Intake* intake, const sdk::CaseContext& context,
                sdk::Violations& v) {
  const bool child_in_foster_care = intake != nullptr && HasChildInFosterCare(*intake);
  bool foster_care_goal = false;
  for (int g = 0; g < plan.goals_size(); ++g) {
    const v1::Goal& goal = plan.goals(g);
    const std::string path = sdk::At("goals", g);
    if (RequireEnum(v, goal.area(), v1::GoalArea_IsValid, path + ".area") &&
        goal.area() == v1::GOAL_AREA_CHILD_IN_FOSTER_CARE) {
      foster_care_goal = true;
      v.Require(child_in_foster_care, path + ".area",
                "needs a child in foster care in the current intake",
                "wymaga dziecka w pieczy zastępczej w aktualnej diagnozie rodziny");
    }
    v.RequireText(goal.description(), path + ".description");
    v.Require(goal.actions_size() > 0, path + ".actions", "at least one action is required",
              "wymagane jest co najmniej jedno działanie");
    for (int a = 0; a < goal.actions_size(); ++a) {
      CheckAction(goal.actions(a), sdk::At(path + ".actions", a), context, v);
    }
  }
  return foster_care_goal;
}

}  // namespace

sdk::Status FamilyPlugin::ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context) {
  v1::Intake intake_copy;
  const v1::Intake* intake = sdk::As(context.intake, intake_copy);

  sdk::Violations v;
  v.Require(plan.goals_size() > 0, "goals", "at least one goal is required",
            "wymagany jest co najmniej jeden cel");
  const bool foster_care_goal = CheckGoals(plan, intake, context, v);
  NotAfterStep(v, v.RequireDate(plan.agreed_with_family_on(), "agreed_with_family_on"), context,
               "agreed_with_family_on");
  NotAfterStep(
      v, v.OptionalDate(plan.consulted_with_social_worker_on(), "consulted_with_social_worker_on"),
      context, "consulted_with_social_worker_on");
  if (foster_care_goal) {
    // Art. 15: the plan is coordinated with the foster-care coordinator and the child's plan.
    v.RequireText(plan.foster_care_coordinator().name(), "foster_care_coordinator.name", 200);
  }
  LimitText(v, plan.foster_care_coordinator().contact(), "foster_care_coordinator.contact", 200);

  sdk::Status status = v.ToStatus();
  if (!status.ok()) return status;
  if (plan.consulted_with_social_worker_on().empty()) {
    status.AddWarning(
        {"PLAN_NOT_CONSULTED",
         "The plan has not been consulted with the social worker yet (art. 15).",
         "Plan nie został jeszcze skonsultowany z pracownikiem socjalnym (art. 15)."});
  }
  if (intake != nullptr && HasChildInFosterCare(*intake) && !foster_care_goal) {
    status.AddWarning(
        {"FOSTER_CARE_GOAL_MISSING",
         "A child of the family is in foster care, but no goal works towards the child's return.",
         "Dziecko z rodziny przebywa w pieczy zastępczej, a plan nie zawiera celu dotyczącego "
         "jego powrotu do rodziny."});
  }
  return status;
}

}  // namespace assist::family

#include <set>

#include "streetwork_plugin.hpp"

namespace assist::streetwork {
namespace {

constexpr int kHorizonMonths = 6;

void CheckAction(sdk::Violations& v, const v1::Action& action, const std::string& path,
                 const sdk::CaseContext& context) {
  sdk::RequireEnum(v, action.need(), v1::Need_IsValid, path + ".need");
  v.RequireText(action.description(), path + ".description");
  sdk::LimitText(v, action.partner(), path + ".partner", 200);
  const auto deadline = v.RequireDate(action.deadline(), path + ".deadline");
  const sdk::Date last = sdk::AddMonths(context.step_date, kHorizonMonths);
  if (deadline && (*deadline < context.step_date || *deadline > last)) {
    const std::string from = sdk::FormatDate(context.step_date), to = sdk::FormatDate(last);
    v.Add(path + ".deadline", "must be between the plan's date " + from + " and " + to,
          "musi przypadać między datą planu " + from + " a " + to);
  }
}

// What the intake says about the plan: not errors, but the centre should know.
void WarnAgainstIntake(sdk::Status& status, const std::set<int>& needs, const v1::Intake& intake) {
  if (needs.count(v1::NEED_NIGHT_SHELTER) > 0 && !intake.accepts_night_shelter()) {
    status.AddWarning({"NIGHT_SHELTER_NOT_ACCEPTED",
                       "The person has not agreed to a night shelter referral yet.",
                       "Osoba nie zgodziła się jeszcze na skierowanie do noclegowni."});
  }
  if (needs.count(v1::NEED_ID_DOCUMENT) > 0 && intake.has_id_document()) {
    status.AddWarning({"ID_DOCUMENT_ALREADY_HELD",
                       "The intake says the person already has an identity document.",
                       "Według rozeznania osoba ma już dowód osobisty."});
  }
}

}  // namespace

sdk::Status StreetworkPlugin::ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context) {
  sdk::Violations v;
  v.Require(plan.actions_size() > 0, "actions", "at least one action is required",
            "wymagane jest co najmniej jedno działanie");
  std::set<int> needs;
  for (int i = 0; i < plan.actions_size(); ++i) {
    CheckAction(v, plan.actions(i), sdk::At("actions", i), context);
    needs.insert(plan.actions(i).need());
  }
  v1::Intake copy;
  const v1::Intake* intake = sdk::As(context.intake, copy);
  if (intake != nullptr && intake->risk() == v1::RISK_HIGH && plan.actions_size() > 0 &&
      needs.count(v1::NEED_NIGHT_SHELTER) == 0 && needs.count(v1::NEED_MEDICAL_AID) == 0) {
    v.Add("actions", "a person at high risk needs an action for a night shelter or medical aid",
          "osoba w wysokim zagrożeniu wymaga działania w sprawie noclegu lub pomocy medycznej");
  }
  sdk::Status status = v.ToStatus();
  if (status.ok() && intake != nullptr) WarnAgainstIntake(status, needs, *intake);
  return status;
}

}  // namespace assist::streetwork

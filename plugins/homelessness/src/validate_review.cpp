#include <algorithm>

#include "checks.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

bool PlanHasStage(const v1::Plan& plan, int kind) {
  return std::any_of(plan.stages().begin(), plan.stages().end(),
                     [kind](const v1::Stage& stage) { return stage.kind() == kind; });
}

void CheckProgress(const v1::Review& review, const v1::Plan* plan, sdk::Violations& v) {
  std::set<int> seen;
  for (int i = 0; i < review.progress_size(); ++i) {
    const v1::StageProgress& item = review.progress(i);
    const std::string path = sdk::At("progress", i);
    if (RequireEnum(v, item.stage(), v1::StageKind_IsValid, path + ".stage") &&
        RequireListedOnce(v, seen, item.stage(), path + ".stage") && plan != nullptr) {
      v.Require(PlanHasStage(*plan, item.stage()), path + ".stage",
                "is not a stage of the current plan", "nie jest etapem aktualnego programu");
    }
    RequireEnum(v, item.progress(), v1::Progress_IsValid, path + ".progress");
    LimitText(v, item.note(), path + ".note", 2000);
  }
}

}  // namespace

sdk::Status HomelessnessPlugin::ValidateReview(const v1::Review& review,
                                               const sdk::CaseContext& context) {
  v1::Plan plan_copy;
  const v1::Plan* plan = sdk::As(context.plan, plan_copy);

  sdk::Violations v;
  v.RequireText(review.assessment(), "assessment", 20000);
  CheckProgress(review, plan, v);
  const std::set<int> relapses =
      RequireUniqueCodes(v, review.relapses(), v1::Relapse_IsValid, "relapses");
  RequireOptionalEnum(v, review.sleeping_place(), v1::SleepingPlace_IsValid, "sleeping_place");
  RequireEnum(v, review.recommendation(), v1::Recommendation_IsValid, "recommendation");

  sdk::Status status = v.ToStatus();
  if (status.ok() && relapses.count(v1::RELAPSE_RETURNED_TO_STREET) > 0) {
    status.AddWarning(
        {"RETURNED_TO_STREET",
         "The person has returned to the street: secure basic needs (a night place) first and "
         "consider modifying the programme.",
         "Osoba powróciła na ulicę: w pierwszej kolejności należy zabezpieczyć potrzeby "
         "podstawowe (miejsce noclegowe) i rozważyć modyfikację programu."});
  }
  return status;
}

}  // namespace assist::homelessness

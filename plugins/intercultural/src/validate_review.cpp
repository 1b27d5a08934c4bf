#include <algorithm>
#include <set>
#include <string>

#include "checks.hpp"
#include "integration_programme.hpp"
#include "intercultural_plugin.hpp"
#include "legal_status.hpp"
#include "school_enrolment.hpp"

namespace assist::intercultural {
namespace {

bool PlanHasArea(const v1::Plan& plan, int area) {
  return std::any_of(plan.areas().begin(), plan.areas().end(),
                     [area](const v1::PlanArea& item) { return item.area() == area; });
}

void CheckProgress(const v1::Review& review, const v1::Plan* plan, sdk::Violations& v) {
  std::set<int> seen;
  for (int i = 0; i < review.progress_size(); ++i) {
    const v1::AreaProgress& item = review.progress(i);
    const std::string path = sdk::At("progress", i);
    if (RequireEnum(v, item.area(), v1::SupportArea_IsValid, path + ".area") &&
        RequireListedOnce(v, seen, item.area(), path + ".area") && plan != nullptr) {
      v.Require(PlanHasArea(*plan, item.area()), path + ".area",
                "is not an area of the current plan",
                "nie jest obszarem aktualnego planu pracy z rodziną");
    }
    RequireEnum(v, item.progress(), v1::Progress_IsValid, path + ".progress");
    LimitText(v, item.note(), path + ".note", 2000);
  }
}

}  // namespace

sdk::Status InterculturalPlugin::ValidateReview(const v1::Review& review,
                                                const sdk::CaseContext& context) {
  v1::Plan plan_copy;
  const v1::Plan* plan = sdk::As(context.plan, plan_copy);

  sdk::Violations v;
  v.RequireText(review.assessment(), "assessment", 20000);
  CheckProgress(review, plan, v);
  RequireEnum(v, review.recommendation(), v1::Recommendation_IsValid, "recommendation");

  sdk::Status status = v.ToStatus();
  if (!status.ok()) return status;
  v1::Intake intake_copy;
  if (const v1::Intake* intake = sdk::As(context.intake, intake_copy)) {
    WarnIfLegalStatusesEnd(*intake, context.step_date, PlanEnd(plan), status);
    WarnAboutIntegrationProgramme(*intake, context, status);
    WarnAboutChildrenNotEnrolled(*intake, context.step_date, status);
  }
  return status;
}

}  // namespace assist::intercultural

#include <algorithm>
#include <set>

#include "checks.hpp"
#include "family_plugin.hpp"

namespace assist::family {
namespace {

bool PlanHasArea(const v1::Plan& plan, int area) {
  return std::any_of(plan.goals().begin(), plan.goals().end(),
                     [area](const v1::Goal& goal) { return goal.area() == area; });
}

}  // namespace

sdk::Status FamilyPlugin::ValidateReview(const v1::Review& review,
                                         const sdk::CaseContext& context) {
  v1::Plan plan_copy;
  const v1::Plan* plan = sdk::As(context.plan, plan_copy);

  sdk::Violations v;
  v.RequireText(review.assessment(), "assessment", 20000);
  RequireEnum(v, review.recommendation(), v1::Recommendation_IsValid, "recommendation");
  std::set<int> seen;
  for (int i = 0; i < review.progress_size(); ++i) {
    const v1::AreaProgress& item = review.progress(i);
    const std::string path = sdk::At("progress", i);
    if (RequireEnum(v, item.area(), v1::GoalArea_IsValid, path + ".area")) {
      if (RequireListedOnce(v, seen, item.area(), path + ".area") && plan != nullptr) {
        v.Require(PlanHasArea(*plan, item.area()), path + ".area",
                  "is not an area of the current plan",
                  "nie jest obszarem aktualnego planu pracy z rodziną");
      }
    }
    RequireEnum(v, item.progress(), v1::Progress_IsValid, path + ".progress");
    LimitText(v, item.note(), path + ".note", 2000);
  }

  sdk::Status status = v.ToStatus();
  if (status.ok() && review.risk_to_child_safety()) {
    status.AddWarning(
        {"CHILD_SAFETY_RISK",
         "The review finds a child's safety at risk: intervene and inform the social worker.",
         "Ocena wskazuje na zagrożenie bezpieczeństwa dziecka: należy podjąć działania "
         "interwencyjne i poinformować pracownika socjalnego."});
  }
  return status;
}

sdk::Status FamilyPlugin::ValidateContact(const v1::Contact& contact,
                                          const sdk::CaseContext& context) {
  v1::Intake intake_copy;
  const v1::Intake* intake = sdk::As(context.intake, intake_copy);

  sdk::Violations v;
  for (int i = 0; i < contact.present_members_size(); ++i) {
    const std::string& name = contact.present_members(i);
    const std::string path = sdk::At("present_members", i);
    if (!v.Require(!name.empty(), path, "is required", "jest wymagane") || intake == nullptr) {
      continue;
    }
    const bool known = std::any_of(intake->members().begin(), intake->members().end(),
                                   [&name](const v1::Member& m) { return m.name() == name; });
    v.Require(known, path, "is not a member named in the current intake",
              "nie jest członkiem rodziny wymienionym w aktualnej diagnozie");
  }
  for (int i = 0; i < contact.topics_size(); ++i) {
    RequireEnum(v, contact.topics(i), v1::GoalArea_IsValid, sdk::At("topics", i));
  }
  RequireOptionalEnum(v, contact.cooperation(), v1::Cooperation_IsValid, "cooperation");

  sdk::Status status = v.ToStatus();
  // A family obliged by a court cannot end the work by refusing it, as a consenting family can
  // (k.r.o. art. 109 § 2 pkt 1): its refusal goes to the court, which ordered the work.
  if (status.ok() && intake != nullptr && intake->legal_basis() == v1::LEGAL_BASIS_COURT_ORDER &&
      IsNonCooperation(contact.cooperation())) {
    const v1::CourtOrder& order = intake->court_order();
    const std::string which = order.court() + ", " + order.reference() + ", " + order.issued_on();
    status.AddWarning(
        {"COURT_ORDERED_FAMILY_NOT_COOPERATING",
         "The family, obliged by the court (" + which +
             ") to work with a family assistant, did not cooperate: inform the court (document "
             "non_cooperation_notice).",
         "Rodzina zobowiązana przez sąd (" + which +
             ") do pracy z asystentem rodziny nie współpracuje: należy zawiadomić sąd (dokument "
             "non_cooperation_notice)."});
  }
  return status;
}

}  // namespace assist::family

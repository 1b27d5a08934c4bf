#include <algorithm>

#include "checks.hpp"
#include "homelessness_plugin.hpp"
#include "plan_horizon.hpp"

namespace assist::homelessness {
namespace {

constexpr std::size_t kMaxInstitutionBytes = 300;

struct Period {
  std::optional<sdk::Date> from;
  std::optional<sdk::Date> to;
};

Period CheckPeriod(const v1::Plan& plan, const sdk::CaseContext& context, sdk::Violations& v) {
  Period period{v.RequireDate(plan.period_from(), "period_from"),
                v.RequireDate(plan.period_to(), "period_to")};
  if (period.from && period.to && *period.to <= *period.from) {
    v.Add("period_to", "must be after period_from", "musi być późniejsza niż period_from");
    period.to.reset();  // no meaningful period to check deadlines against
  } else if (period.to && context.step_date.ok() && *period.to < context.step_date) {
    const std::string plan_date = sdk::FormatDate(context.step_date);
    v.Add("period_to", "must not be before the plan date (" + plan_date + ")",
          "nie może być wcześniejsza niż data programu (" + plan_date + ")");
  }
  return period;
}

// Returns whether the stage has an action of the person.
bool CheckStage(const v1::Stage& stage, const std::string& path, const Period& period,
                sdk::Violations& v) {
  RequireEnum(v, stage.kind(), v1::StageKind_IsValid, path + ".kind");
  v.RequireText(stage.goal(), path + ".goal");
  WithinPlanPeriod(v, v.OptionalDate(stage.target_date(), path + ".target_date"), period.from,
                   period.to, path + ".target_date");
  v.Require(stage.actions_size() > 0, path + ".actions", "at least one action is required",
            "wymagane jest co najmniej jedno działanie");
  bool person_acts = false;
  for (int a = 0; a < stage.actions_size(); ++a) {
    const v1::Action& action = stage.actions(a);
    const std::string action_path = sdk::At(path + ".actions", a);
    v.RequireText(action.description(), action_path + ".description");
    RequireEnum(v, action.performer(), v1::Performer_IsValid, action_path + ".performer");
    if (action.performer() == v1::PERFORMER_INSTITUTION) {
      v.RequireText(action.institution(), action_path + ".institution", kMaxInstitutionBytes);
    } else {
      v.Require(action.institution().empty(), action_path + ".institution",
                "only for an action performed by an institution",
                "tylko przy działaniu realizowanym przez instytucję");
    }
    WithinPlanPeriod(v, v.RequireDate(action.deadline(), action_path + ".deadline"), period.from,
                     period.to, action_path + ".deadline");
    person_acts = person_acts || action.performer() == v1::PERFORMER_PERSON;
  }
  return person_acts;
}

// The seed's order of work: basic needs first, then therapy, work and housing as the person needs.
void CheckStageOrder(const v1::Plan& plan, sdk::Violations& v) {
  std::set<int> seen;
  for (int s = 0; s < plan.stages_size(); ++s) {
    const int kind = plan.stages(s).kind();
    if (kind == v1::STAGE_KIND_UNSPECIFIED) continue;
    if (!RequireListedOnce(v, seen, kind, sdk::At("stages", s) + ".kind")) {
      continue;
    }
    if (kind == v1::STAGE_KIND_BASIC_NEEDS && s > 0) {
      v.Add(sdk::At("stages", s) + ".kind", "the basic-needs stage must be the first stage",
            "etap zaspokojenia potrzeb podstawowych musi być pierwszym etapem");
    }
  }
  if (plan.stages_size() > 0 && seen.count(v1::STAGE_KIND_BASIC_NEEDS) == 0) {
    v.Add("stages", "the programme must begin with the basic-needs stage",
          "program musi rozpoczynać się od etapu zaspokojenia potrzeb podstawowych");
  }
}

bool HasStage(const v1::Plan& plan, v1::StageKind kind) {
  return std::any_of(plan.stages().begin(), plan.stages().end(),
                     [kind](const v1::Stage& stage) { return stage.kind() == kind; });
}

void AddWarnings(const v1::Plan& plan, const v1::Intake* intake, const Period& period,
                 sdk::Status& status) {
  // The head's approval is the platform's step (PluginInfo::plan_requires_approval), not a date
  // in the programme: nothing to warn about here.
  if (intake == nullptr) return;
  const auto insured_until = sdk::ParseDate(intake->health().health_insurance_until());
  if (!insured_until || *insured_until < *period.from) {
    status.AddWarning(
        {"HEALTH_INSURANCE_MISSING",
         "The intake shows no health insurance valid at the start of the programme: a person "
         "covered by the programme and not insured otherwise is insured by the centre, which "
         "pays the contribution (art. 66(1) of the Act on health care services financed from "
         "public funds).",
         "Diagnoza nie wykazuje ubezpieczenia zdrowotnego ważnego na początek programu: osobę "
         "objętą programem, nieubezpieczoną z innego tytułu, ubezpiecza ośrodek, który opłaca "
         "składkę (art. 66 ust. 1 ustawy o świadczeniach opieki zdrowotnej finansowanych ze "
         "środków publicznych)."});
  }
  if (intake->addiction().addictions_size() > 0 &&
      !HasStage(plan, v1::STAGE_KIND_ADDICTION_THERAPY)) {
    status.AddWarning(
        {"ADDICTION_STAGE_MISSING",
         "The intake records an addiction, but no stage works on addiction therapy.",
         "Diagnoza wskazuje na uzależnienie, a program nie zawiera etapu terapii uzależnień."});
  }
  const auto minimum_end = ProposedPlanEnd(*intake, *period.from);
  if (minimum_end && *period.to < *minimum_end) {
    const std::string end = sdk::FormatDate(*minimum_end);
    status.AddWarning(
        {"PLAN_SHORTER_THAN_CRISIS",
         "The programme is shorter than the homelessness crisis has lasted; leaving homelessness "
         "is expected to take as long. Proposed end of the programme: no earlier than " +
             end + ".",
         "Program jest krótszy niż dotychczasowy kryzys bezdomności, a wyjście z bezdomności "
         "zajmuje zwykle tyle samo czasu. Proponowany koniec programu: nie wcześniej niż " +
             end + "."});
  }
}

}  // namespace

sdk::Status HomelessnessPlugin::ValidatePlan(const v1::Plan& plan,
                                             const sdk::CaseContext& context) {
  v1::Intake intake_copy;
  const v1::Intake* intake = sdk::As(context.intake, intake_copy);

  sdk::Violations v;
  const Period period = CheckPeriod(plan, context, v);
  v.Require(plan.stages_size() > 0, "stages", "at least one stage is required",
            "wymagany jest co najmniej jeden etap");
  bool person_acts = false;
  for (int s = 0; s < plan.stages_size(); ++s) {
    person_acts = CheckStage(plan.stages(s), sdk::At("stages", s), period, v) || person_acts;
  }
  CheckStageOrder(plan, v);
  if (plan.stages_size() > 0) {
    // Art. 49: the programme is worked out with the person, who carries it out.
    v.Require(person_acts, "stages", "at least one action of the person is required",
              "wymagane jest co najmniej jedno działanie osoby w kryzysie bezdomności");
  }
  const auto agreed = v.RequireDate(plan.agreed_with_person_on(), "agreed_with_person_on");
  NotAfterStep(v, agreed, context, "agreed_with_person_on");
  const auto approved = v.OptionalDate(plan.approved_by_head_on(), "approved_by_head_on");
  NotAfterStep(v, approved, context, "approved_by_head_on");
  if (agreed && approved && *approved < *agreed) {
    // Art. 49(2): the head approves the programme the person and the centre worked out.
    v.Add("approved_by_head_on", "must not be before agreed_with_person_on",
          "nie może być wcześniejsza niż agreed_with_person_on");
  }

  sdk::Status status = v.ToStatus();
  if (status.ok()) AddWarnings(plan, intake, period, status);
  return status;
}

}  // namespace assist::homelessness

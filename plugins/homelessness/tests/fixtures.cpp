#include "fixtures.hpp"

#include <assist/plugin/testing/messages.hpp>
#include <string>

namespace assist::homelessness::testing {

using sdk::testing::Rate;

namespace {

void AddAction(v1::Stage& stage, const std::string& description, v1::Performer performer,
               const std::string& deadline) {
  v1::Action* action = stage.add_actions();
  action->set_description(description);
  action->set_performer(performer);
  action->set_deadline(deadline);
}

v1::Stage* AddStage(v1::Plan& plan, v1::StageKind kind, const std::string& goal) {
  v1::Stage* stage = plan.add_stages();
  stage->set_kind(kind);
  stage->set_goal(goal);
  return stage;
}

}  // namespace

v1::Intake ValidIntake() {
  v1::Intake intake;
  intake.set_sleeping_place(v1::SLEEPING_PLACE_RAILWAY_STATION);
  intake.set_crisis_since("2024-10-01");
  intake.set_first_contact(v1::FIRST_CONTACT_STREETWORK);
  intake.add_unmet_basic_needs(v1::BASIC_NEED_NIGHT_PLACE);
  intake.add_unmet_basic_needs(v1::BASIC_NEED_HYGIENE);
  intake.mutable_addiction()->add_addictions(v1::ADDICTION_ALCOHOL);
  intake.mutable_health()->set_description("Nadciśnienie, nieleczone od dwóch lat");
  intake.mutable_health()->set_chronic_illness(true);
  intake.mutable_health()->set_health_insurance_until("2027-09-30");
  v1::Income* benefit = intake.add_incomes();
  benefit->set_source(v1::INCOME_SOURCE_SOCIAL_ASSISTANCE);
  benefit->set_monthly_amount_pln(719);
  v1::Income* casual = intake.add_incomes();
  casual->set_source(v1::INCOME_SOURCE_CASUAL_WORK);
  casual->set_monthly_amount_pln(300);
  intake.set_work_status(v1::WORK_STATUS_CASUAL_WORK);
  intake.add_documents_held(v1::DOCUMENT_ID_CARD);
  v1::Relative* sister = intake.add_relatives();
  sister->set_relation("siostra");
  sister->set_contact(v1::FAMILY_CONTACT_STATE_OCCASIONAL);
  intake.set_last_registered_residence("Sopot");
  return intake;
}

v1::Plan ValidPlan() {
  v1::Plan plan;
  v1::Stage* needs = AddStage(plan, v1::STAGE_KIND_BASIC_NEEDS, "Stałe miejsce noclegowe");
  AddAction(*needs, "Zgłoszenie się do schroniska", v1::PERFORMER_PERSON, "2026-10-15");
  AddAction(*needs, "Skierowanie do schroniska", v1::PERFORMER_ASSISTANT, "2026-10-05");
  needs->set_target_date("2026-12-31");
  v1::Stage* therapy =
      AddStage(plan, v1::STAGE_KIND_ADDICTION_THERAPY, "Podjęcie terapii uzależnienia");
  AddAction(*therapy, "Umówienie wizyty w poradni", v1::PERFORMER_ASSISTANT, "2026-11-30");
  AddAction(*therapy, "Udział w terapii grupowej", v1::PERFORMER_PERSON, "2027-06-30");
  v1::Stage* work = AddStage(plan, v1::STAGE_KIND_WORK, "Stałe zatrudnienie");
  AddAction(*work, "Rejestracja w PUP", v1::PERFORMER_PERSON, "2027-03-31");
  v1::Stage* housing = AddStage(plan, v1::STAGE_KIND_HOUSING, "Lokal socjalny");
  AddAction(*housing, "Wniosek o lokal socjalny", v1::PERFORMER_ASSISTANT, "2027-09-30");
  AddAction(*housing, "Utrzymanie mieszkania treningowego", v1::PERFORMER_PERSON, "2028-12-31");
  plan.set_period_from("2026-10-01");
  plan.set_period_to("2028-12-31");
  plan.set_agreed_with_person_on("2026-09-14");
  plan.set_approved_by_head_on("2026-09-15");
  return plan;
}

v1::Review ValidReview() {
  v1::Review review;
  review.set_assessment("Pan Marek nocuje w schronisku, zgłosił się do poradni.");
  v1::StageProgress* needs = review.add_progress();
  needs->set_stage(v1::STAGE_KIND_BASIC_NEEDS);
  needs->set_progress(v1::PROGRESS_COMPLETED);
  v1::StageProgress* therapy = review.add_progress();
  therapy->set_stage(v1::STAGE_KIND_ADDICTION_THERAPY);
  therapy->set_progress(v1::PROGRESS_IN_PROGRESS);
  review.set_sleeping_place(v1::SLEEPING_PLACE_SHELTER);
  review.set_recommendation(v1::RECOMMENDATION_CONTINUE);
  return review;
}

v1::Contact ValidContact() {
  v1::Contact contact;
  contact.set_place_type(v1::CONTACT_PLACE_RAILWAY_STATION);
  contact.add_basic_needs_provided(v1::BASIC_NEED_FOOD);
  contact.add_basic_needs_provided(v1::BASIC_NEED_CLOTHING);
  return contact;
}

v1::Outcome ValidOutcome() {
  v1::Outcome outcome;
  outcome.set_housing_status(v1::HOUSING_STATUS_SOCIAL_HOUSING);
  outcome.set_work_status(v1::WORK_STATUS_SUPPORTED_EMPLOYMENT);
  outcome.set_therapy(v1::THERAPY_ONGOING);
  outcome.set_main_income_source(v1::INCOME_SOURCE_WORK);
  outcome.set_closure_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
  Rate(outcome.mutable_self_reliance(), 1, 4);
  Rate(outcome.mutable_work_activity(), 2, 4);
  Rate(outcome.mutable_abstinence(), 1, 3);
  outcome.set_monitoring_months(12);
  return outcome;
}

}  // namespace assist::homelessness::testing

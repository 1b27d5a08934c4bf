#include "fixtures.hpp"

#include <assist/plugin/testing/messages.hpp>
#include <string>

namespace assist::disability::testing {

using sdk::testing::Rate;

// The shared Context starts the work on this day.
static_assert(kWorkStarted == "2026-08-31");

namespace {

void AddNeed(v1::Intake& intake, v1::NeedArea area, const std::string& description) {
  v1::Need* need = intake.add_needs();
  need->set_area(area);
  need->set_description(description);
}

void AddActivity(v1::Plan& plan, v1::Category category, const std::string& description, int hours) {
  v1::Activity* activity = plan.add_activities();
  activity->set_category(category);
  activity->set_description(description);
  activity->set_planned_hours(hours);
}

}  // namespace

v1::Intake ValidIntake() {
  v1::Intake intake;
  intake.set_age_group(v1::AGE_GROUP_ADULT);
  v1::Certificate* certificate = intake.mutable_certificate();
  certificate->set_level(v1::CERTIFICATE_LEVEL_MODERATE);
  certificate->set_issued_on("2024-01-10");
  certificate->set_valid_until("2027-12-31");
  certificate->set_reference("PZON.4012.112.2024");
  AddNeed(intake, v1::NEED_AREA_MOBILITY, "Nie porusza się samodzielnie komunikacją miejską");
  AddNeed(intake, v1::NEED_AREA_SOCIAL_CONTACTS, "Od dwóch lat nie wychodzi z domu poza lekarzem");
  intake.set_funding_source(v1::FUNDING_SOURCE_GOVERNMENT_PROGRAMME);
  intake.set_situation("Mieszka sama, wspiera ją siostra raz w tygodniu.");
  intake.set_birth_date("1980-05-12");
  return intake;
}

void SetAgeGroup(v1::Intake& intake, v1::AgeGroup group) {
  intake.set_age_group(group);
  if (group == v1::AGE_GROUP_CHILD) intake.set_birth_date("2016-03-10");
  if (group == v1::AGE_GROUP_YOUNG_PERSON) intake.set_birth_date("2009-05-20");
  if (group == v1::AGE_GROUP_ADULT) intake.set_birth_date("1980-05-12");
}

v1::Plan ValidPlan() {
  v1::Plan plan;
  plan.set_year(2026);
  plan.set_period_from(std::string(kPlanDate));
  plan.set_period_to("2026-12-31");
  AddActivity(plan, v1::CATEGORY_GETTING_TO_DOCTOR, "Wizyty w poradni rehabilitacyjnej", 60);
  AddActivity(plan, v1::CATEGORY_SHOPPING, "Cotygodniowe zakupy", 90);
  AddActivity(plan, v1::CATEGORY_CULTURAL_EVENTS, "Wyjścia do kina i na koncerty", 150);
  v1::AssistantStatement* statement = plan.mutable_assistant_statement();
  statement->set_assistant_name("Jan Kowalski");
  statement->set_signed_on(std::string(kPlanDate));
  statement->set_not_family_member(true);
  return plan;
}

v1::Contact ValidContact() {
  v1::Contact contact;
  contact.set_hours_delivered(2.5);
  contact.add_categories(v1::CATEGORY_SHOPPING);
  contact.add_categories(v1::CATEGORY_GETTING_TO_DOCTOR);
  return contact;
}

v1::Review ValidReview() {
  v1::Review review;
  review.set_assessment("Samodzielnie robi drobne zakupy, chętnie wychodzi na wydarzenia.");
  review.set_progress(v1::PROGRESS_SOME);
  review.set_hours_used_so_far(118.5);
  review.set_recommendation(v1::RECOMMENDATION_CONTINUE);
  return review;
}

v1::Outcome ValidOutcome() {
  v1::Outcome outcome;
  Rate(outcome.mutable_isolation(), 1, 4);
  Rate(outcome.mutable_independence(), 2, 3);
  Rate(outcome.mutable_social_contacts(), 2, 2);
  outcome.set_hours_planned(300);
  outcome.set_hours_delivered(287.5);
  outcome.set_closure_reason(v1::CLOSURE_REASON_GOALS_MET);
  return outcome;
}

v1::CentreSettings Settings(int year, int max_hours_per_person) {
  v1::CentreSettings settings;
  v1::YearlyLimit* limit = settings.add_limits();
  limit->set_year(year);
  limit->set_max_hours_per_person(max_hours_per_person);
  return settings;
}

}  // namespace assist::disability::testing

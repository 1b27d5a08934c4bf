#include "fixtures.hpp"

#include <assist/plugin/testing/messages.hpp>
#include <string>

namespace assist::intercultural::testing {

using sdk::testing::Rate;

namespace {

void AddMember(v1::Intake& intake, const std::string& name, const std::string& birth_date,
               v1::MemberRole role, v1::Relation relation) {
  v1::Member* member = intake.add_members();
  member->set_name(name);
  member->set_birth_date(birth_date);
  member->set_role(role);
  member->set_relation(relation);
}

void AddAction(v1::PlanArea& area, const std::string& description, v1::Performer performer,
               const std::string& performer_name, const std::string& deadline) {
  v1::Action* action = area.add_actions();
  action->set_description(description);
  action->set_performer(performer);
  action->set_performer_name(performer_name);
  action->set_deadline(deadline);
}

v1::PlanArea* AddArea(v1::Plan& plan, v1::SupportArea area, const std::string& goal) {
  v1::PlanArea* item = plan.add_areas();
  item->set_area(area);
  item->set_goal(goal);
  return item;
}

void SetStatus(v1::LegalStatus& status, v1::LegalStatusKind kind, const std::string& granted_on,
               const std::string& expires_on) {
  status.set_kind(kind);
  status.set_granted_on(granted_on);
  status.set_expires_on(expires_on);
}

// The family without any legal status: ValidIntake() and LegacyIntake() add them.
v1::Intake FamilyWithoutStatus() {
  v1::Intake intake;
  AddMember(intake, "Olena Kovalenko", "1986-04-10", v1::MEMBER_ROLE_ADULT, v1::RELATION_PARENT);
  AddMember(intake, "Maksym Kovalenko", "2014-02-03", v1::MEMBER_ROLE_CHILD, v1::RELATION_CHILD);
  AddMember(intake, "Sofiia Kovalenko", "2021-11-20", v1::MEMBER_ROLE_CHILD, v1::RELATION_CHILD);
  v1::SchoolEnrolment* school = intake.mutable_members(1)->mutable_school();
  school->set_enrolled(true);
  school->set_school("Szkoła Podstawowa nr 8 w Sopocie");
  school->set_grade("6");
  school->set_enrolled_from("2022-04-04");
  intake.set_country_of_origin("UA");
  intake.add_languages_spoken("uk");
  intake.add_languages_spoken("ru");
  intake.set_interpreter_needed(true);
  intake.set_interpreter_language("uk");
  intake.add_support_areas(v1::SUPPORT_AREA_OFFICIAL_MATTERS);
  intake.add_support_areas(v1::SUPPORT_AREA_SCHOOL);
  intake.add_support_areas(v1::SUPPORT_AREA_KINDERGARTEN);
  intake.add_support_areas(v1::SUPPORT_AREA_POLISH_LANGUAGE);
  intake.add_support_areas(v1::SUPPORT_AREA_WORK);
  intake.set_arrived_in_poland_on("2022-03-10");
  return intake;
}

}  // namespace

v1::Intake ValidIntake() {
  v1::Intake intake = FamilyWithoutStatus();
  for (int i = 0; i < 2; ++i) {
    SetStatus(*intake.mutable_members(i)->mutable_legal_status(),
              v1::LEGAL_STATUS_KIND_TEMPORARY_PROTECTION, "2022-03-15", "2027-09-30");
  }
  SetStatus(*intake.mutable_members(2)->mutable_legal_status(),
            v1::LEGAL_STATUS_KIND_PERMANENT_RESIDENCE, "2023-05-10", "");
  return intake;
}

v1::Intake LegacyIntake() {
  v1::Intake intake = FamilyWithoutStatus();
  SetStatus(*intake.mutable_legal_status(), v1::LEGAL_STATUS_KIND_TEMPORARY_PROTECTION,
            "2022-03-15", "2027-09-30");
  return intake;
}

v1::Plan ValidPlan() {
  v1::Plan plan;
  v1::PlanArea* school = AddArea(plan, v1::SUPPORT_AREA_SCHOOL, "Maksym nadrabia zaległości");
  AddAction(*school, "Spotkanie z pedagogiem szkolnym", v1::PERFORMER_ASSISTANT, "", "2026-10-15");
  AddAction(*school, "Zajęcia wyrównawcze z języka polskiego", v1::PERFORMER_INSTITUTION,
            "Szkoła Podstawowa nr 8 w Sopocie", "2027-06-26");
  v1::PlanArea* polish =
      AddArea(plan, v1::SUPPORT_AREA_POLISH_LANGUAGE, "Olena załatwia codzienne sprawy po polsku");
  AddAction(*polish, "Kurs języka polskiego na poziomie A2", v1::PERFORMER_FAMILY_MEMBER,
            "Olena Kovalenko", "2027-06-30");
  v1::PlanArea* work = AddArea(plan, v1::SUPPORT_AREA_WORK, "Praca zgodna z kwalifikacjami");
  AddAction(*work, "Rejestracja w Powiatowym Urzędzie Pracy", v1::PERFORMER_FAMILY_MEMBER,
            "Olena Kovalenko", "2026-11-30");
  plan.set_period_from("2026-09-15");
  plan.set_period_to("2027-08-31");
  plan.set_agreed_with_family_on("2026-09-15");
  return plan;
}

v1::Review ValidReview() {
  v1::Review review;
  review.set_assessment("Maksym chodzi na zajęcia wyrównawcze, Olena zaczęła kurs języka.");
  v1::AreaProgress* progress = review.add_progress();
  progress->set_area(v1::SUPPORT_AREA_SCHOOL);
  progress->set_progress(v1::PROGRESS_SOME);
  review.set_recommendation(v1::RECOMMENDATION_CONTINUE);
  return review;
}

v1::Contact ValidContact() {
  v1::Contact contact;
  contact.add_languages_used("uk");
  contact.add_languages_used("pl");
  contact.set_interpretation(v1::INTERPRETATION_ASSISTANT);
  contact.add_topics(v1::SUPPORT_AREA_SCHOOL);
  return contact;
}

v1::Outcome ValidOutcome() {
  v1::Outcome outcome;
  Rate(outcome.mutable_sense_of_safety(), 2, 4);
  Rate(outcome.mutable_polish_language(), 1, 3);
  Rate(outcome.mutable_work(), 1, 4);
  outcome.set_closure_reason(v1::CLOSURE_REASON_GOALS_MET);
  return outcome;
}

}  // namespace assist::intercultural::testing

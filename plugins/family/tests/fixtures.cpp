#include "fixtures.hpp"

#include <assist/plugin/testing/messages.hpp>
#include <string>

namespace assist::family::testing {

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

void AddAction(v1::Goal& goal, const std::string& description, v1::Performer performer,
               const std::string& performer_name, const std::string& deadline) {
  v1::Action* action = goal.add_actions();
  action->set_description(description);
  action->set_performer(performer);
  action->set_performer_name(performer_name);
  action->set_deadline(deadline);
}

}  // namespace

v1::Intake ValidIntake() {
  v1::Intake intake;
  AddMember(intake, "Anna Nowak", "1988-03-12", v1::MEMBER_ROLE_ADULT, v1::RELATION_PARENT);
  AddMember(intake, "Jan Nowak", "2015-06-01", v1::MEMBER_ROLE_CHILD, v1::RELATION_CHILD);
  AddMember(intake, "Ola Nowak", "2012-01-20", v1::MEMBER_ROLE_CHILD, v1::RELATION_CHILD);
  intake.set_family_form(v1::FAMILY_FORM_SINGLE_CARER);
  intake.set_legal_basis(v1::LEGAL_BASIS_FAMILY_CONSENT);
  intake.mutable_social_worker_request()->set_worker_id("ps.kowalska");
  intake.mutable_social_worker_request()->set_requested_on("2026-08-20");
  intake.mutable_community_interview()->set_reference("WS/123/2026");
  intake.mutable_community_interview()->set_conducted_on("2026-08-10");
  intake.add_problem_areas(v1::PROBLEM_AREA_POVERTY);
  intake.add_problem_areas(v1::PROBLEM_AREA_PARENTING);
  intake.add_problem_areas(v1::PROBLEM_AREA_VIOLENCE);
  intake.set_blue_card_procedure_open(true);
  intake.add_strengths("Matka troszczy się o dzieci i chce współpracować");
  intake.add_strengths("Wsparcie babci mieszkającej w pobliżu");
  return intake;
}

v1::Plan ValidPlan() {
  v1::Plan plan;
  v1::Goal* care = plan.add_goals();
  care->set_area(v1::GOAL_AREA_UPBRINGING_AND_CARE);
  care->set_description("Stały rytm dnia dzieci");
  AddAction(*care, "Ustalenie planu dnia", v1::PERFORMER_FAMILY_MEMBER, "Anna Nowak", "2026-10-31");
  AddAction(*care, "Konsultacje wychowawcze", v1::PERFORMER_ASSISTANT, "", "2027-03-31");
  v1::Goal* budget = plan.add_goals();
  budget->set_area(v1::GOAL_AREA_HOUSEHOLD_BUDGET);
  budget->set_description("Spłata zaległości czynszowych");
  AddAction(*budget, "Ugoda z zarządcą budynku", v1::PERFORMER_INSTITUTION, "ZGM Sopot",
            "2026-12-15");
  plan.set_agreed_with_family_on("2026-09-15");
  plan.set_consulted_with_social_worker_on("2026-09-12");
  return plan;
}

v1::Review ValidReview() {
  v1::Review review;
  review.set_assessment("Rodzina współpracuje, dzieci regularnie chodzą do szkoły.");
  v1::AreaProgress* progress = review.add_progress();
  progress->set_area(v1::GOAL_AREA_UPBRINGING_AND_CARE);
  progress->set_progress(v1::PROGRESS_SOME);
  review.set_recommendation(v1::RECOMMENDATION_CONTINUE);
  return review;
}

v1::Contact ValidContact() {
  v1::Contact contact;
  contact.add_present_members("Anna Nowak");
  contact.add_present_members("Jan Nowak");
  contact.add_topics(v1::GOAL_AREA_HOUSEHOLD_BUDGET);
  return contact;
}

v1::Outcome ValidOutcome() {
  v1::Outcome outcome;
  Rate(outcome.mutable_parent_child_relations(), 2, 4);
  Rate(outcome.mutable_communication(), 2, 3);
  Rate(outcome.mutable_school_attendance(), 3, 5);
  outcome.set_goals_attained(2);
  outcome.set_goals_total(3);
  outcome.set_child_stayed_or_returned(v1::CHILD_PLACEMENT_STAYED_IN_FAMILY);
  outcome.set_closure_reason(v1::CLOSURE_REASON_GOALS_MET);
  outcome.set_monitoring_months(6);
  return outcome;
}

}  // namespace assist::family::testing

#pragma once
// Valid payloads of a typical case: a man met at the railway station in January, at high risk
// from the frost, who has lost his ID and does not want a night shelter yet.
#include <assist/streetwork/v1/streetwork.pb.h>

#include <assist/plugin/testing/case_context.hpp>
#include <assist/plugin/testing/status_matchers.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace assist::streetwork::testing {

using sdk::testing::Context;
using sdk::testing::D;
using sdk::testing::Fields;
using sdk::testing::WarningCodes;
using Paths = std::vector<std::string>;

inline constexpr std::string_view kIntakeDate = "2026-09-01";
inline constexpr std::string_view kPlanDate = "2026-09-10";

inline v1::Intake ValidIntake() {
  v1::Intake intake;
  intake.set_first_met_on("2026-08-25");
  intake.mutable_met_at()->set_kind(v1::PLACE_KIND_RAILWAY_STATION);
  intake.mutable_met_at()->set_note("dworzec PKP, poczekalnia");
  intake.set_months_without_home(14);
  intake.add_needs(v1::NEED_FOOD);
  intake.add_needs(v1::NEED_ID_DOCUMENT);
  intake.add_needs(v1::NEED_MEDICAL_AID);
  intake.set_risk(v1::RISK_HIGH);
  intake.set_has_id_document(false);
  intake.set_accepts_night_shelter(false);
  return intake;
}

inline v1::Action* AddAction(v1::Plan& plan, v1::Need need, const std::string& deadline) {
  v1::Action* action = plan.add_actions();
  action->set_need(need);
  action->set_description("Umówienie wizyty i towarzyszenie");
  action->set_deadline(deadline);
  return action;
}

inline v1::Plan ValidPlan() {
  v1::Plan plan;
  AddAction(plan, v1::NEED_MEDICAL_AID, "2026-09-20")->set_partner("Przychodnia Caritas");
  AddAction(plan, v1::NEED_ID_DOCUMENT, "2026-11-30");
  return plan;
}

inline v1::Contact ValidContact() {
  v1::Contact contact;
  contact.mutable_place()->set_kind(v1::PLACE_KIND_ALLOTMENT_GARDENS);
  contact.set_person_met(true);
  contact.add_needs_met(v1::NEED_FOOD);
  contact.add_needs_met(v1::NEED_CLOTHING);
  return contact;
}

// A context in which the case's current intake is `intake` (it must outlive the context).
inline sdk::CaseContext WithIntake(std::string_view step_date, const v1::Intake& intake) {
  sdk::CaseContext context = Context(step_date);
  context.intake = &intake;
  return context;
}

}  // namespace assist::streetwork::testing

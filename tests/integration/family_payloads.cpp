#include "family_payloads.hpp"

namespace assist::it::family {

std::string IntakeJson() {
  return R"({
    "members": [
      {"name": "Anna Nowak", "birthDate": "1988-04-12", "role": "MEMBER_ROLE_ADULT",
       "relation": "RELATION_PARENT"},
      {"name": "Jan Nowak", "birthDate": "2015-09-01", "role": "MEMBER_ROLE_CHILD",
       "relation": "RELATION_CHILD"}
    ],
    "familyForm": "FAMILY_FORM_SINGLE_CARER",
    "legalBasis": "LEGAL_BASIS_FAMILY_CONSENT",
    "socialWorkerRequest": {"workerId": "sopot.worker", "requestedOn": "2024-01-15"},
    "communityInterview": {"reference": "WS/12/2024", "conductedOn": "2024-01-10"},
    "problemAreas": ["PROBLEM_AREA_POVERTY", "PROBLEM_AREA_PARENTING"],
    "strengths": ["strong bond between mother and son", "grandmother helps"],
    "deficits": "irregular meals, rent arrears"
  })";
}

std::string CourtOrderedIntakeJson() {
  std::string json = IntakeJson();
  const std::string consent = R"("legalBasis": "LEGAL_BASIS_FAMILY_CONSENT")";
  json.replace(json.find(consent), consent.size(),
               R"("legalBasis": "LEGAL_BASIS_COURT_ORDER", "courtOrder": {"reference":
               "III Nsm 120/26", "issuedOn": "2026-01-20", "court": "Sąd Rejonowy w Sopocie"})");
  return json;
}

std::string InvalidIntakeJson() {
  return R"({
    "members": [
      {"name": "Jan Nowak", "birthDate": "2015-02-30", "role": "MEMBER_ROLE_CHILD",
       "relation": "RELATION_CHILD"}
    ]
  })";
}

std::string PlanJson(std::string_view goal) {
  return R"({
    "goals": [
      {"area": "GOAL_AREA_UPBRINGING_AND_CARE", "description": ")" +
         std::string(goal) + R"(",
       "actions": [
         {"description": "weekly parenting workshop", "performer": "PERFORMER_INSTITUTION",
          "performerName": "Poradnia Psychologiczno-Pedagogiczna", "deadline": "2099-06-30"},
         {"description": "help plan the household budget", "performer": "PERFORMER_ASSISTANT",
          "deadline": "2099-06-30"}
       ]}
    ],
    "agreedWithFamilyOn": "2024-02-01",
    "consultedWithSocialWorkerOn": "2024-02-01"
  })";
}

std::string ContactJson() {
  return R"({"presentMembers": ["Anna Nowak"], "topics": ["GOAL_AREA_UPBRINGING_AND_CARE"]})";
}

std::string ReviewJson() {
  return R"({
    "assessment": "regular meals, school attendance improving",
    "progress": [{"area": "GOAL_AREA_UPBRINGING_AND_CARE", "progress": "PROGRESS_SOME"}],
    "recommendation": "RECOMMENDATION_CONTINUE"
  })";
}

std::string OutcomeJson() {
  return R"({
    "parentChildRelations": {"before": 2, "after": 4},
    "schoolAttendance": {"before": 2, "after": 5},
    "goalsAttained": 1,
    "goalsTotal": 1,
    "childStayedOrReturned": "CHILD_PLACEMENT_STAYED_IN_FAMILY",
    "closureReason": "CLOSURE_REASON_GOALS_MET",
    "monitoringMonths": 6
  })";
}

}  // namespace assist::it::family

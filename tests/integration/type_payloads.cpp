#include "type_payloads.hpp"

#include <cstdlib>
#include <regex>

#include "case_steps.hpp"

namespace assist::it {
namespace {

// "{d+30}" and "{d-400}" become the date that many days from today, "{year}" the current year.
std::string WithDates(std::string text) {
  static const std::regex day_token(R"(\{d([+-]\d+)\})");
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), day_token), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    out += DateFromToday(std::atoi((*it)[1].str().c_str()));
    last = (*it)[0].second;
  }
  out.append(last, text.cend());
  return std::regex_replace(out, std::regex(R"(\{year\})"), CurrentYear());
}

}  // namespace

std::string CurrentYear() { return DateFromToday(0).substr(0, 4); }

namespace disability {
namespace {

std::string IntakeWith(std::string_view valid_until) {
  return WithDates(R"({
    "age_group": "AGE_GROUP_ADULT",
    "certificate": {"level": "CERTIFICATE_LEVEL_MODERATE", "issued_on": "{d-400}",
                    "valid_until": ")" +
                   std::string(valid_until) + R"(",
                    "reference": "PZON.4012.112.2024"},
    "needs": [{"area": "NEED_AREA_MOBILITY",
               "description": "Nie porusza się samodzielnie komunikacją miejską"},
              {"area": "NEED_AREA_SOCIAL_CONTACTS",
               "description": "Od dwóch lat nie wychodzi z domu poza lekarzem"}],
    "funding_source": "FUNDING_SOURCE_GOVERNMENT_PROGRAMME",
    "situation": "Mieszka sama, wspiera ją siostra raz w tygodniu."})");
}

}  // namespace

std::string IntakeWithExpiredCertificate() { return IntakeWith("{d-1}"); }

std::string PlanWithHours(int hours) {
  const int shopping = hours / 2;
  return WithDates(R"({
    "year": {year}, "period_from": "{d+0}", "period_to": "{year}-12-31",
    "activities": [
      {"category": "CATEGORY_GETTING_TO_DOCTOR", "description": "Wizyty w poradni rehabilitacyjnej",
       "planned_hours": )" +
                   std::to_string(hours - shopping) + R"(},
      {"category": "CATEGORY_SHOPPING", "description": "Cotygodniowe zakupy",
       "planned_hours": )" +
                   std::to_string(shopping) + "}]}");
}

std::string SettingsWithLimit(int hours) {
  return WithDates(R"({"limits": [{"year": {year}, "max_hours_per_person": )" +
                   std::to_string(hours) + "}]}");
}

TypePayloads Payloads() {
  return {
      .type_id = "disability",
      .family_subject = false,
      .intake = IntakeWith("{d+700}"),
      .plan = PlanWithHours(120),
      .contact = R"({"hours_delivered": 2.5, "categories": ["CATEGORY_SHOPPING"]})",
      .review = R"({"assessment": "Samodzielnie robi drobne zakupy.", "progress": "PROGRESS_SOME",
                    "hours_used_so_far": 2.5, "recommendation": "RECOMMENDATION_CONTINUE"})",
      .outcome =
          R"({"isolation": {"before": 1, "after": 4}, "independence": {"before": 2, "after": 3},
                     "hours_planned": 120, "hours_delivered": 2.5,
                     "closure_reason": "CLOSURE_REASON_GOALS_MET"})",
      .improved_indicator = "isolation",
  };
}

}  // namespace disability

namespace intercultural {
namespace {

std::string PlanUntil(std::string_view period_to) {
  return WithDates(R"({
    "areas": [
      {"area": "SUPPORT_AREA_SCHOOL", "goal": "Maksym nadrabia zaległości",
       "actions": [{"description": "Spotkanie z pedagogiem szkolnym",
                    "performer": "PERFORMER_ASSISTANT", "deadline": "{d+20}"}]},
      {"area": "SUPPORT_AREA_POLISH_LANGUAGE", "goal": "Olena załatwia codzienne sprawy po polsku",
       "actions": [{"description": "Kurs języka polskiego na poziomie A2",
                    "performer": "PERFORMER_FAMILY_MEMBER", "performer_name": "Olena Kovalenko",
                    "deadline": "{d+200}"}]}],
    "period_from": "{d+0}", "period_to": ")" +
                   std::string(period_to) + R"(",
    "agreed_with_family_on": "{d+0}"})");
}

}  // namespace

std::string PlanLongerThanAYear() { return PlanUntil("{d+400}"); }

TypePayloads Payloads() {
  return {
      .type_id = "intercultural",
      .family_subject = true,
      .intake = WithDates(R"({
        "members": [{"name": "Olena Kovalenko", "birth_date": "1986-04-10",
                     "role": "MEMBER_ROLE_ADULT", "relation": "RELATION_PARENT"},
                    {"name": "Maksym Kovalenko", "birth_date": "2014-02-03",
                     "role": "MEMBER_ROLE_CHILD", "relation": "RELATION_CHILD"}],
        "country_of_origin": "UA", "languages_spoken": ["uk", "ru"],
        "interpreter_needed": true, "interpreter_language": "uk",
        "legal_status": {"kind": "LEGAL_STATUS_KIND_TEMPORARY_PROTECTION",
                         "granted_on": "2022-03-15", "expires_on": "{d+800}"},
        "support_areas": ["SUPPORT_AREA_SCHOOL", "SUPPORT_AREA_POLISH_LANGUAGE"],
        "arrived_in_poland_on": "2022-03-10"})"),
      .plan = PlanUntil("{d+300}"),
      .contact = R"({"languages_used": ["uk", "pl"], "interpretation": "INTERPRETATION_ASSISTANT",
                     "topics": ["SUPPORT_AREA_SCHOOL"]})",
      .review = R"({"assessment": "Maksym chodzi na zajęcia wyrównawcze.",
                    "progress": [{"area": "SUPPORT_AREA_SCHOOL", "progress": "PROGRESS_SOME"}],
                    "recommendation": "RECOMMENDATION_CONTINUE"})",
      .outcome = R"({"sense_of_safety": {"before": 2, "after": 4},
                     "polish_language": {"before": 1, "after": 3},
                     "closure_reason": "CLOSURE_REASON_GOALS_MET"})",
      .improved_indicator = "sense_of_safety",
  };
}

}  // namespace intercultural

namespace homelessness {
namespace {

std::string PlanUntil(std::string_view period_to) {
  return WithDates(R"({
    "stages": [
      {"kind": "STAGE_KIND_BASIC_NEEDS", "goal": "Stałe miejsce noclegowe",
       "actions": [{"description": "Zgłoszenie się do schroniska", "performer": "PERFORMER_PERSON",
                    "deadline": "{d+14}"}]},
      {"kind": "STAGE_KIND_ADDICTION_THERAPY", "goal": "Podjęcie terapii uzależnienia",
       "actions": [{"description": "Udział w terapii grupowej", "performer": "PERFORMER_PERSON",
                    "deadline": "{d+150}"}]}],
    "period_from": "{d+0}", "period_to": ")" +
                   std::string(period_to) + R"(",
    "agreed_with_person_on": "{d+0}", "approved_by_head_on": "{d+0}"})");
}

}  // namespace

std::string PlanShorterThanTheCrisis() { return PlanUntil("{d+180}"); }

TypePayloads Payloads() {
  return {
      .type_id = "homelessness",
      .family_subject = false,
      .intake = WithDates(R"({
        "sleeping_place": "SLEEPING_PLACE_RAILWAY_STATION", "crisis_since": "{d-730}",
        "first_contact": "FIRST_CONTACT_STREETWORK",
        "unmet_basic_needs": ["BASIC_NEED_NIGHT_PLACE", "BASIC_NEED_HYGIENE"],
        "addiction": {"addictions": ["ADDICTION_ALCOHOL"]},
        "health": {"description": "Nadciśnienie, nieleczone od dwóch lat", "chronic_illness": true},
        "incomes": [{"source": "INCOME_SOURCE_SOCIAL_ASSISTANCE", "monthly_amount_pln": 719}],
        "work_status": "WORK_STATUS_CASUAL_WORK", "documents_held": ["DOCUMENT_ID_CARD"],
        "relatives": [{"relation": "siostra", "contact": "FAMILY_CONTACT_STATE_OCCASIONAL"}],
        "last_registered_residence": "Sopot"})"),
      .plan = PlanUntil("{d+800}"),
      .contact = R"({"place_type": "CONTACT_PLACE_RAILWAY_STATION",
                     "basic_needs_provided": ["BASIC_NEED_FOOD"]})",
      .review = R"({"assessment": "Pan Marek nocuje w schronisku, zgłosił się do poradni.",
                    "progress": [{"stage": "STAGE_KIND_BASIC_NEEDS", "progress": "PROGRESS_COMPLETED"}],
                    "sleeping_place": "SLEEPING_PLACE_SHELTER",
                    "recommendation": "RECOMMENDATION_CONTINUE"})",
      .outcome = R"({"housing_status": "HOUSING_STATUS_SOCIAL_HOUSING",
                     "work_status": "WORK_STATUS_SUPPORTED_EMPLOYMENT", "therapy": "THERAPY_ONGOING",
                     "main_income_source": "INCOME_SOURCE_WORK",
                     "closure_reason": "CLOSURE_REASON_GOALS_ACHIEVED",
                     "self_reliance": {"before": 1, "after": 4}, "monitoring_months": 12})",
      .improved_indicator = "self_reliance",
  };
}

}  // namespace homelessness
}  // namespace assist::it

#include "type_payloads.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

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

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string FirstWord(const std::filesystem::path& path) {
  std::istringstream text(ReadFile(path));
  std::string word;
  text >> word;
  return word;
}

}  // namespace

TypePayloads LifecyclePayloads(const std::string& type_id) {
  const std::filesystem::path tests = std::filesystem::path(ASSIST_PLUGINS_SOURCE_DIR) / type_id /
                                      "tests",
                              lifecycle = tests / "lifecycle";
  TypePayloads payloads;
  payloads.type_id = type_id;
  payloads.family_subject = FirstWord(tests / "case_subject") == "family";
  payloads.intake = WithDates(ReadFile(lifecycle / "intake.json"));
  payloads.plan = WithDates(ReadFile(lifecycle / "plan.json"));
  payloads.contact = WithDates(ReadFile(lifecycle / "contact.json"));
  payloads.review = WithDates(ReadFile(lifecycle / "review.json"));
  payloads.outcome = WithDates(ReadFile(lifecycle / "outcome.json"));
  payloads.improved_indicator = FirstWord(lifecycle / "improved_indicator");
  return payloads;
}

namespace disability {
namespace {

std::string IntakeWith(std::string_view valid_until) {
  return WithDates(R"({
    "age_group": "AGE_GROUP_ADULT",
    "birth_date": "1971-05-30",
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
    "assistant_statement": {"assistant_name": "Jan Kowalski", "signed_on": "{d+0}",
                            "not_family_member": true},
    "activities": [
      {"category": "CATEGORY_GETTING_TO_DOCTOR", "description": "Wizyty w poradni rehabilitacyjnej",
       "planned_hours": )" +
                   std::to_string(hours - shopping) + R"(},
      {"category": "CATEGORY_SHOPPING", "description": "Cotygodniowe zakupy",
       "planned_hours": )" +
                   std::to_string(shopping) + "}]}");
}

std::string PlanWithoutStatement() {
  return WithDates(R"({
    "year": {year}, "period_from": "{d+0}", "period_to": "{year}-12-31",
    "activities": [{"category": "CATEGORY_SHOPPING", "description": "Cotygodniowe zakupy",
                    "planned_hours": 60}]})");
}

std::string SettingsWithLimit(int hours) {
  return WithDates(R"({"limits": [{"year": {year}, "max_hours_per_person": )" +
                   std::to_string(hours) + "}]}");
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

}  // namespace homelessness
}  // namespace assist::it

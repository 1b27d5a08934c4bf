#include <set>
#include <string>

#include "checks.hpp"
#include "integration_programme.hpp"
#include "intercultural_plugin.hpp"
#include "legal_status.hpp"
#include "school_enrolment.hpp"

namespace assist::intercultural {
namespace {

constexpr std::size_t kMaxNameBytes = 200;

void CheckMembers(const v1::Intake& intake, const sdk::CaseContext& context, sdk::Violations& v) {
  bool has_adult = false;
  for (int i = 0; i < intake.members_size(); ++i) {
    const v1::Member& member = intake.members(i);
    const std::string path = sdk::At("members", i);
    v.RequireText(member.name(), path + ".name", kMaxNameBytes);
    NotAfterStep(v, v.RequireDate(member.birth_date(), path + ".birth_date"), context,
                 path + ".birth_date");
    RequireEnum(v, member.role(), v1::MemberRole_IsValid, path + ".role");
    RequireEnum(v, member.relation(), v1::Relation_IsValid, path + ".relation");
    has_adult = has_adult || member.role() == v1::MEMBER_ROLE_ADULT;
  }
  v.Require(has_adult, "members", "at least one adult member is required",
            "wymagany jest co najmniej jeden dorosły członek rodziny");
}

void CheckLanguagesAndInterpreter(const v1::Intake& intake, sdk::Violations& v) {
  std::set<std::string> spoken;
  v.Require(intake.languages_spoken_size() > 0, "languages_spoken",
            "at least one language is required", "wymagany jest co najmniej jeden język");
  CheckLanguageCodes(intake.languages_spoken(), "languages_spoken", v, spoken);

  const std::string& language = intake.interpreter_language();
  if (!intake.interpreter_needed()) {
    v.Require(language.empty(), "interpreter_language",
              "is only recorded when an interpreter is needed",
              "wpisuje się tylko, gdy potrzebny jest tłumacz");
    return;
  }
  if (language.empty()) {
    v.Add("interpreter_language", "is required when an interpreter is needed",
          "jest wymagany, gdy potrzebny jest tłumacz");
  } else if (!IsLanguageCode(language)) {
    v.Add("interpreter_language",
          "must be an ISO 639-1 language code: two lower-case letters, e.g. \"uk\"",
          "musi być kodem języka ISO 639-1: dwie małe litery, np. \"uk\"");
  } else if (language == "pl") {
    v.Add("interpreter_language", "must be a language of the family, not Polish",
          "musi być językiem rodziny, a nie językiem polskim");
  } else {
    v.Require(spoken.count(language) > 0, "interpreter_language",
              "must be one of the languages the family speaks",
              "musi być jednym z języków, którymi posługuje się rodzina");
  }
}

void CheckSupportAreas(const v1::Intake& intake, sdk::Violations& v) {
  v.Require(intake.support_areas_size() > 0, "support_areas",
            "at least one area needing support is required",
            "wymagany jest co najmniej jeden obszar wymagający wsparcia");
  RequireUniqueCodes(v, intake.support_areas(), v1::SupportArea_IsValid, "support_areas");
}

}  // namespace

sdk::Status InterculturalPlugin::ValidateIntake(const v1::Intake& intake,
                                                const sdk::CaseContext& context) {
  sdk::Violations v;
  CheckMembers(intake, context, v);
  if (intake.country_of_origin().empty()) {
    v.Add("country_of_origin", "is required", "jest wymagany");
  } else {
    v.Require(IsCountryCode(intake.country_of_origin()), "country_of_origin",
              "must be an ISO 3166-1 alpha-2 code: two upper-case letters, e.g. \"UA\"",
              "musi być kodem kraju ISO 3166-1 alpha-2: dwie wielkie litery, np. \"UA\"");
  }
  CheckLanguagesAndInterpreter(intake, v);
  CheckLegalStatuses(intake, context, v);
  CheckIntegrationProgrammeApplications(intake, context, v);
  CheckSchoolEnrolments(intake, context, v);
  CheckSupportAreas(intake, v);
  NotAfterStep(v, v.OptionalDate(intake.arrived_in_poland_on(), "arrived_in_poland_on"), context,
               "arrived_in_poland_on");
  LimitText(v, intake.notes(), "notes", 20000);

  sdk::Status status = v.ToStatus();
  if (!status.ok()) return status;
  v1::Plan plan_copy;
  WarnIfLegalStatusesEnd(intake, context.step_date, PlanEnd(sdk::As(context.plan, plan_copy)),
                         status);
  WarnAboutIntegrationProgramme(intake, context, status);
  WarnAboutChildrenNotEnrolled(intake, context.step_date, status);
  return status;
}

}  // namespace assist::intercultural

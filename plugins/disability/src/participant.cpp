#include "participant.hpp"

#include <assist/plugin/checks.hpp>
#include <string>

namespace assist::disability {
namespace {

// The programme serves children from their second birthday.
constexpr int kProgrammeMinimumAge = 2;

int AgeOn(const sdk::Date& birth, const sdk::Date& day) {
  int age = static_cast<int>(day.year()) - static_cast<int>(birth.year());
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) {
    --age;
  }
  return age;
}

v1::AgeGroup GroupOf(int age) {
  if (age < 16) return v1::AGE_GROUP_CHILD;
  if (age < 18) return v1::AGE_GROUP_YOUNG_PERSON;
  return v1::AGE_GROUP_ADULT;
}

// The degree art. 5 of the act of 27 August 1997 on vocational and social rehabilitation makes a
// ZUS certificate equal to; 0 for other bases.
int DegreeOfZusCertificate(int basis) {
  switch (basis) {
    case v1::CERTIFICATE_BASIS_ZUS_INCAPACITY_AND_DEPENDENCE:
      return v1::CERTIFICATE_LEVEL_SIGNIFICANT;
    case v1::CERTIFICATE_BASIS_ZUS_TOTAL_INCAPACITY:
      return v1::CERTIFICATE_LEVEL_MODERATE;
    case v1::CERTIFICATE_BASIS_ZUS_PARTIAL_INCAPACITY:
      return v1::CERTIFICATE_LEVEL_MILD;
    default:
      return 0;
  }
}

std::string DegreeName(int level, bool polish) {
  switch (level) {
    case v1::CERTIFICATE_LEVEL_SIGNIFICANT:
      return polish ? "znacznemu" : "significant";
    case v1::CERTIFICATE_LEVEL_MODERATE:
      return polish ? "umiarkowanemu" : "moderate";
    default:
      return polish ? "lekkiemu" : "mild";
  }
}

void AddWarning(sdk::Status& status, const char* code, const std::string& en,
                const std::string& pl) {
  status.AddWarning({code, en, pl});
}

}  // namespace

std::optional<int> CheckAge(const v1::Intake& intake, const sdk::CaseContext& context,
                            sdk::Violations& v) {
  const auto birth = v.RequireDate(intake.birth_date(), "birth_date");
  NotAfterStep(v, birth, context, "birth_date");
  if (!birth || !context.step_date.ok() || *birth > context.step_date) return std::nullopt;
  const int age = AgeOn(*birth, context.step_date);
  if (v1::AgeGroup_IsValid(intake.age_group()) && intake.age_group() != 0 &&
      intake.age_group() != GroupOf(age)) {
    const std::string years = std::to_string(age);
    v.Add("age_group",
          "does not fit the age of " + years +
              " on the intake day (under 16: child; 16-17: young person; from 18: adult)",
          "nie odpowiada wiekowi " + years +
              " lat w dniu rozpoznania (do 16 lat: dziecko; 16-17: młodzież; od 18: dorosły)");
  }
  return age;
}

void CheckBasisAndIndications(const v1::Certificate& certificate, sdk::Violations& v) {
  const int basis = certificate.basis();
  const int level = certificate.level();
  if (RequireOptionalEnum(v, basis, v1::CertificateBasis_IsValid, "certificate.basis") &&
      basis > v1::CERTIFICATE_BASIS_DISABILITY_BOARD) {
    if (level == v1::CERTIFICATE_LEVEL_CHILD) {
      v.Add("certificate.basis",
            "an equivalent certificate (ZUS, KRUS, a group of invalidity) equals a degree of "
            "disability: give the degree as the kind, not a child's certificate",
            "orzeczenie równoważne (ZUS, KRUS, grupa inwalidzka) odpowiada stopniowi "
            "niepełnosprawności: jako rodzaj podaj stopień, nie orzeczenie dziecka");
    } else if (const int degree = DegreeOfZusCertificate(basis);
               degree != 0 && level != 0 && level != degree) {
      v.Add("certificate.level",
            "this ZUS certificate equals a " + DegreeName(degree, false) +
                " degree of disability (art. 5 of the act on vocational and social "
                "rehabilitation)",
            "to orzeczenie ZUS jest równoważne " + DegreeName(degree, true) +
                " stopniowi niepełnosprawności (art. 5 ustawy o rehabilitacji zawodowej i "
                "społecznej)");
    }
  }
  if (level == v1::CERTIFICATE_LEVEL_CHILD) return;
  for (const auto& [set, field] :
       {std::pair{certificate.indication_7(), "certificate.indication_7"},
        std::pair{certificate.indication_8(), "certificate.indication_8"}}) {
    v.Require(!set, field,
              "indications 7 and 8 are only given in a child's certificate (orzeczenie o "
              "niepełnosprawności)",
              "wskazania w pkt 7 i 8 zawiera tylko orzeczenie o niepełnosprawności dziecka");
  }
}

void WarnAboutProgrammeEligibility(const v1::Intake& intake, std::optional<int> age,
                                   sdk::Status& status) {
  if (intake.funding_source() != v1::FUNDING_SOURCE_GOVERNMENT_PROGRAMME) return;
  const v1::Certificate& certificate = intake.certificate();
  if (certificate.level() == v1::CERTIFICATE_LEVEL_MILD) {
    AddWarning(
        status, "GOVERNMENT_PROGRAMME_NEEDS_HIGHER_DEGREE",
        "The government programme \"Asystent osobisty osoby z niepełnosprawnością\" serves people "
        "with a significant or moderate degree of disability; check the funding source.",
        "Program rządowy „Asystent osobisty osoby z niepełnosprawnością” obejmuje osoby ze "
        "znacznym lub umiarkowanym stopniem niepełnosprawności; sprawdź źródło finansowania.");
  }
  if (certificate.level() != v1::CERTIFICATE_LEVEL_CHILD) return;
  if (!certificate.indication_7() || !certificate.indication_8()) {
    AddWarning(status, "GOVERNMENT_PROGRAMME_CHILD_NEEDS_INDICATIONS_7_AND_8",
               "The government programme serves a child whose certificate has both indications "
               "7 and 8; check the funding source.",
               "Program rządowy obejmuje dziecko, którego orzeczenie zawiera oba wskazania w pkt "
               "7 i 8; sprawdź źródło finansowania.");
  }
  if (age && *age < kProgrammeMinimumAge) {
    AddWarning(status, "GOVERNMENT_PROGRAMME_CHILD_UNDER_2",
               "The government programme serves children from the age of 2; check the funding "
               "source.",
               "Program rządowy obejmuje dzieci od ukończenia 2. roku życia; sprawdź źródło "
               "finansowania.");
  }
}

}  // namespace assist::disability

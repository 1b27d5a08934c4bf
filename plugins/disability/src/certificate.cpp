#include "certificate.hpp"

#include <assist/plugin/message_cast.hpp>
#include <string>

#include "checks.hpp"

namespace assist::disability {
namespace {

// The day on which the certificate must be valid, named for the violation texts.
struct EligibilityDay {
  sdk::Date date;
  std::string name_en;
  std::string name_pl;
};

// A case cannot start without a current certificate, so the first intake is checked on the start
// of work. A later intake (context.intake is still the previous one while it is validated)
// usually records a renewed certificate, issued after the start: it must be valid on its own day.
EligibilityDay DayToCheck(const sdk::CaseContext& context) {
  if (context.intake == nullptr && context.work_started_on) {
    return {*context.work_started_on, "the start of work", "dzień rozpoczęcia pracy z osobą"};
  }
  return {context.step_date, "the day of this intake", "dzień tego rozpoznania"};
}

bool IsDegree(int level) {
  return level == v1::CERTIFICATE_LEVEL_SIGNIFICANT || level == v1::CERTIFICATE_LEVEL_MODERATE ||
         level == v1::CERTIFICATE_LEVEL_MILD;
}

void CheckLevelFitsAge(const v1::Intake& intake, sdk::Violations& v) {
  const int level = intake.certificate().level();
  if (level == v1::CERTIFICATE_LEVEL_CHILD) {
    v.Require(
        intake.age_group() == v1::AGE_GROUP_CHILD, "certificate.level",
        "a child's certificate (orzeczenie o niepełnosprawności) is only for a child under 16",
        "orzeczenie o niepełnosprawności dotyczy tylko dziecka przed ukończeniem 16 lat");
  } else if (IsDegree(level)) {
    v.Require(intake.age_group() != v1::AGE_GROUP_CHILD, "certificate.level",
              "a degree of disability is certified only from the age of 16",
              "stopień niepełnosprawności orzeka się dopiero od ukończenia 16 lat");
  }
}

// Returns the expiry date when the certificate has one and it is a real date.
std::optional<sdk::Date> CheckValidity(const v1::Certificate& certificate,
                                       const std::optional<sdk::Date>& issued_on,
                                       sdk::Violations& v) {
  if (certificate.indefinite()) {
    v.Require(certificate.valid_until().empty(), "certificate.valid_until",
              "must be empty for a certificate valid indefinitely",
              "musi być puste dla orzeczenia wydanego na stałe");
    v.Require(certificate.level() != v1::CERTIFICATE_LEVEL_CHILD, "certificate.indefinite",
              "a child's certificate is always issued for a definite period",
              "orzeczenie o niepełnosprawności dziecka wydaje się zawsze na czas określony");
    return std::nullopt;
  }
  if (certificate.valid_until().empty()) {
    v.Add("certificate.valid_until", "is required unless the certificate is indefinite",
          "jest wymagane, chyba że orzeczenie wydano na stałe");
    return std::nullopt;
  }
  const auto valid_until = v.OptionalDate(certificate.valid_until(), "certificate.valid_until");
  if (valid_until && issued_on && *valid_until < *issued_on) {
    v.Add("certificate.valid_until", "must not be before the issue date",
          "nie może być wcześniejsze niż data wydania");
    return std::nullopt;
  }
  return valid_until;
}

}  // namespace

std::optional<sdk::Date> CertificateExpiry(const v1::Certificate& certificate) {
  if (certificate.indefinite()) return std::nullopt;
  return sdk::ParseDate(certificate.valid_until());
}

std::optional<sdk::Date> CurrentCertificateExpiry(const sdk::CaseContext& context) {
  v1::Intake copy;
  const v1::Intake* intake = sdk::As(context.intake, copy);
  if (intake == nullptr || !intake->has_certificate()) return std::nullopt;
  return CertificateExpiry(intake->certificate());
}

void CheckCertificate(const v1::Intake& intake, const sdk::CaseContext& context,
                      sdk::Violations& v) {
  if (!v.Require(intake.has_certificate(), "certificate",
                 "is required: the service is for people with a current disability certificate",
                 "jest wymagane: wsparcie przysługuje osobom z aktualnym orzeczeniem")) {
    return;
  }
  const v1::Certificate& certificate = intake.certificate();
  if (RequireEnum(v, certificate.level(), v1::CertificateLevel_IsValid, "certificate.level") &&
      v1::AgeGroup_IsValid(intake.age_group())) {
    CheckLevelFitsAge(intake, v);
  }
  LimitText(v, certificate.reference(), "certificate.reference", 200);

  const auto issued_on = v.RequireDate(certificate.issued_on(), "certificate.issued_on");
  const bool issued_by_step =
      !issued_on || !context.step_date.ok() || *issued_on <= context.step_date;
  NotAfterStep(v, issued_on, context, "certificate.issued_on");
  const auto valid_until = CheckValidity(certificate, issued_on, v);

  const EligibilityDay day = DayToCheck(context);
  if (!day.date.ok()) return;
  const std::string date = sdk::FormatDate(day.date);
  if (issued_on && issued_by_step && *issued_on > day.date) {
    v.Add(
        "certificate.issued_on",
        "is after " + date + " (" + day.name_en + "): the certificate was not yet valid then",
        "jest późniejsza niż " + date + " (" + day.name_pl + "): orzeczenie nie było wtedy ważne");
  }
  if (valid_until && *valid_until < day.date) {
    v.Add("certificate.valid_until",
          "the certificate is not valid on " + date + " (" + day.name_en +
              "): the service needs a current certificate",
          "orzeczenie nie jest ważne w dniu " + date + " (" + day.name_pl +
              "): wsparcie wymaga aktualnego orzeczenia");
  }
}

}  // namespace assist::disability

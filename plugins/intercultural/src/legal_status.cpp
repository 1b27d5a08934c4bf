#include "legal_status.hpp"

#include <string>

#include "checks.hpp"
#include "labels.hpp"

namespace assist::intercultural {
namespace {

bool ExpiryRequired(int kind) {
  return kind == v1::LEGAL_STATUS_KIND_TEMPORARY_PROTECTION ||
         kind == v1::LEGAL_STATUS_KIND_TEMPORARY_RESIDENCE || kind == v1::LEGAL_STATUS_KIND_VISA;
}

}  // namespace

void CheckLegalStatus(const v1::LegalStatus& status, const sdk::CaseContext& context,
                      sdk::Violations& v) {
  const int kind = status.kind();
  RequireEnum(v, kind, v1::LegalStatusKind_IsValid, "legal_status.kind");
  // An EU citizen's right of residence needs no decision; registering it is optional.
  const std::optional<sdk::Date> granted =
      kind == v1::LEGAL_STATUS_KIND_EU_CITIZEN
          ? v.OptionalDate(status.granted_on(), "legal_status.granted_on")
          : v.RequireDate(status.granted_on(), "legal_status.granted_on");
  NotAfterStep(v, granted, context, "legal_status.granted_on");
  const std::optional<sdk::Date> expires =
      ExpiryRequired(kind) ? v.RequireDate(status.expires_on(), "legal_status.expires_on")
                           : v.OptionalDate(status.expires_on(), "legal_status.expires_on");
  NotBefore(v, expires, granted, false, "legal_status.expires_on", "the date it was granted",
            "data uzyskania statusu");
  if (kind == v1::LEGAL_STATUS_KIND_OTHER) {
    v.RequireText(status.description(), "legal_status.description", 500);
  } else {
    LimitText(v, status.description(), "legal_status.description", 500);
  }
}

void WarnIfLegalStatusEnds(const v1::LegalStatus& status, const sdk::Date& step_date,
                           const std::optional<sdk::Date>& plan_end, sdk::Status& result) {
  const std::optional<sdk::Date> expires = sdk::ParseDate(status.expires_on());
  if (!expires || !step_date.ok()) return;
  const Label kind = LegalStatusLabel(status.kind());
  const std::string en_kind(kind.en);
  const std::string pl_kind(kind.pl);
  const std::string when = sdk::FormatDate(*expires);
  if (*expires < step_date) {
    result.AddWarning({"LEGAL_STATUS_EXPIRED",
                       "The family's legal status in Poland (" + en_kind + ") expired on " + when +
                           ": check the family's right to stay, work and benefits with the "
                           "social worker.",
                       "Status pobytowy rodziny w Polsce (" + pl_kind + ") wygasł " + when +
                           ": należy z pracownikiem socjalnym sprawdzić prawo rodziny do pobytu, "
                           "pracy i świadczeń."});
    return;
  }
  std::string why_en;
  std::string why_pl;
  if (*expires <= sdk::AddDays(step_date, kExpiryNoticeDays)) {
    why_en = "within " + std::to_string(kExpiryNoticeDays) + " days";
    why_pl = "w ciągu " + std::to_string(kExpiryNoticeDays) + " dni";
  } else if (plan_end && *expires <= *plan_end) {
    const std::string end = sdk::FormatDate(*plan_end);
    why_en = "before the plan period ends (" + end + ")";
    why_pl = "przed końcem okresu realizacji planu (" + end + ")";
  } else {
    return;
  }
  result.AddWarning(
      {"LEGAL_STATUS_EXPIRING",
       "The family's legal status in Poland (" + en_kind + ") expires on " + when + ", " + why_en +
           ": help the family apply in time for an extension or another residence title.",
       "Status pobytowy rodziny w Polsce (" + pl_kind + ") wygasa " + when + ", " + why_pl +
           ": należy pomóc rodzinie w porę wystąpić o przedłużenie lub o inną podstawę pobytu."});
}

std::optional<sdk::Date> PlanEnd(const v1::Plan* plan) {
  if (plan == nullptr) return std::nullopt;
  return sdk::ParseDate(plan->period_to());
}

}  // namespace assist::intercultural

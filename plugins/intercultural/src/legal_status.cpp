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

// "Olena Kovalenko's legal status in Poland" / "Status pobytowy osoby Olena Kovalenko w Polsce",
// or the family's for an intake of the earlier form.
std::string Whose(const StatusHolder& holder, bool polish) {
  if (holder.name.empty()) {
    return polish ? "Status pobytowy rodziny w Polsce" : "The family's legal status in Poland";
  }
  return polish ? "Status pobytowy osoby " + holder.name + " w Polsce"
                : holder.name + "'s legal status in Poland";
}

void WarnIfEnds(const StatusHolder& holder, const sdk::Date& step_date,
                const std::optional<sdk::Date>& plan_end, sdk::Status& result) {
  const std::optional<sdk::Date> expires = sdk::ParseDate(holder.status->expires_on());
  if (!expires || !step_date.ok()) return;
  const Label kind = LegalStatusLabel(holder.status->kind());
  const std::string en = Whose(holder, false) + " (" + std::string(kind.en) + ")";
  const std::string pl = Whose(holder, true) + " (" + std::string(kind.pl) + ")";
  const std::string when = sdk::FormatDate(*expires);
  if (*expires < step_date) {
    result.AddWarning({"LEGAL_STATUS_EXPIRED",
                       en + " expired on " + when +
                           ": check the right to stay, work and benefits with the social worker.",
                       pl + " wygasł " + when +
                           ": należy z pracownikiem socjalnym sprawdzić prawo do pobytu, pracy i "
                           "świadczeń."});
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
  result.AddWarning({"LEGAL_STATUS_EXPIRING",
                     en + " expires on " + when + ", " + why_en +
                         ": help apply in time for an extension or another residence title.",
                     pl + " wygasa " + when + ", " + why_pl +
                         ": należy pomóc w porę wystąpić o przedłużenie lub o inną podstawę "
                         "pobytu."});
}

}  // namespace

void CheckLegalStatus(const v1::LegalStatus& status, const std::string& path,
                      const sdk::CaseContext& context, sdk::Violations& v) {
  const int kind = status.kind();
  RequireEnum(v, kind, v1::LegalStatusKind_IsValid, path + ".kind");
  // An EU citizen's right of residence needs no decision; registering it is optional.
  const std::optional<sdk::Date> granted =
      kind == v1::LEGAL_STATUS_KIND_EU_CITIZEN
          ? v.OptionalDate(status.granted_on(), path + ".granted_on")
          : v.RequireDate(status.granted_on(), path + ".granted_on");
  NotAfterStep(v, granted, context, path + ".granted_on");
  const std::optional<sdk::Date> expires =
      ExpiryRequired(kind) ? v.RequireDate(status.expires_on(), path + ".expires_on")
                           : v.OptionalDate(status.expires_on(), path + ".expires_on");
  NotBefore(v, expires, granted, false, path + ".expires_on", "the date it was granted",
            "data uzyskania statusu");
  if (kind == v1::LEGAL_STATUS_KIND_OTHER) {
    v.RequireText(status.description(), path + ".description", 500);
  } else {
    LimitText(v, status.description(), path + ".description", 500);
  }
}

void CheckLegalStatuses(const v1::Intake& intake, const sdk::CaseContext& context,
                        sdk::Violations& v) {
  if (intake.has_legal_status())
    CheckLegalStatus(intake.legal_status(), "legal_status", context, v);
  for (int i = 0; i < intake.members_size(); ++i) {
    const v1::Member& member = intake.members(i);
    const std::string path = sdk::At("members", i) + ".legal_status";
    if (member.has_legal_status()) {
      CheckLegalStatus(member.legal_status(), path, context, v);
    } else if (!intake.has_legal_status()) {
      v.Add(path, "is required: each person's legal status in Poland",
            "jest wymagany: status pobytowy każdej osoby w Polsce");
    }
  }
}

std::vector<StatusHolder> StatusHolders(const v1::Intake& intake) {
  const v1::LegalStatus* family = intake.has_legal_status() ? &intake.legal_status() : nullptr;
  bool any_own = false;
  for (const v1::Member& member : intake.members()) any_own = any_own || member.has_legal_status();
  if (!any_own) {
    if (family == nullptr) return {};
    return {StatusHolder{"", family, nullptr}};
  }
  std::vector<StatusHolder> holders;
  for (const v1::Member& member : intake.members()) {
    const v1::LegalStatus* status = member.has_legal_status() ? &member.legal_status() : family;
    if (status != nullptr) holders.push_back({member.name(), status, &member});
  }
  return holders;
}

void WarnIfLegalStatusesEnd(const v1::Intake& intake, const sdk::Date& step_date,
                            const std::optional<sdk::Date>& plan_end, sdk::Status& result) {
  for (const StatusHolder& holder : StatusHolders(intake)) {
    WarnIfEnds(holder, step_date, plan_end, result);
  }
}

std::optional<sdk::Date> PlanEnd(const v1::Plan* plan) {
  if (plan == nullptr) return std::nullopt;
  return sdk::ParseDate(plan->period_to());
}

}  // namespace assist::intercultural

#include <set>

#include "checks.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

// Sixty years: a longer crisis is a typing error.
constexpr int kMaxCrisisMonths = 720;
// Per month, in złoty; a larger amount is a typing error.
constexpr int kMaxMonthlyIncomePln = 50000;
constexpr std::size_t kMaxNoteBytes = 2000;

void CheckSleepingPlace(const v1::Intake& intake, sdk::Violations& v) {
  RequireEnum(v, intake.sleeping_place(), v1::SleepingPlace_IsValid, "sleeping_place");
  if (intake.sleeping_place() == v1::SLEEPING_PLACE_OTHER) {
    v.RequireText(intake.sleeping_place_note(), "sleeping_place_note", kMaxNoteBytes);
  } else {
    LimitText(v, intake.sleeping_place_note(), "sleeping_place_note", kMaxNoteBytes);
  }
}

void CheckCrisisDuration(const v1::Intake& intake, const sdk::CaseContext& context,
                         sdk::Violations& v) {
  switch (intake.crisis_duration_case()) {
    case v1::Intake::kCrisisSince:
      NotAfterStep(v, v.RequireDate(intake.crisis_since(), "crisis_since"), context,
                   "crisis_since");
      break;
    case v1::Intake::kCrisisMonths:
      v.Require(intake.crisis_months() >= 0 && intake.crisis_months() <= kMaxCrisisMonths,
                "crisis_months", "must be between 0 and " + std::to_string(kMaxCrisisMonths),
                "musi mieścić się w przedziale od 0 do " + std::to_string(kMaxCrisisMonths));
      break;
    case v1::Intake::CRISIS_DURATION_NOT_SET:
      v.Add("crisis_since", "is required (or crisis_months, an estimate in months)",
            "jest wymagana (albo crisis_months, szacunkowa liczba miesięcy)");
      break;
  }
}

void CheckAddiction(const v1::Addictions& addiction, sdk::Violations& v) {
  const std::set<int> kinds =
      RequireUniqueCodes(v, addiction.addictions(), v1::Addiction_IsValid, "addiction.addictions");
  if (addiction.in_therapy()) {
    v.Require(!kinds.empty(), "addiction.in_therapy", "needs an addiction to be named",
              "wymaga wskazania uzależnienia");
  }
  LimitText(v, addiction.note(), "addiction.note", kMaxNoteBytes);
}

void CheckIncomes(const v1::Intake& intake, sdk::Violations& v) {
  v.Require(intake.incomes_size() > 0, "incomes",
            "at least one entry is required (\"none\" when there is no income)",
            "wymagana jest co najmniej jedna pozycja (\"brak dochodu\", gdy go nie ma)");
  std::set<int> seen;
  for (int i = 0; i < intake.incomes_size(); ++i) {
    const v1::Income& income = intake.incomes(i);
    const std::string path = sdk::At("incomes", i);
    if (RequireEnum(v, income.source(), v1::IncomeSource_IsValid, path + ".source")) {
      RequireListedOnce(v, seen, income.source(), path + ".source");
    }
    v.Require(
        income.monthly_amount_pln() >= 0 && income.monthly_amount_pln() <= kMaxMonthlyIncomePln,
        path + ".monthly_amount_pln",
        "must be between 0 and " + std::to_string(kMaxMonthlyIncomePln),
        "musi mieścić się w przedziale od 0 do " + std::to_string(kMaxMonthlyIncomePln));
    if (income.source() == v1::INCOME_SOURCE_NONE) {
      v.Require(income.monthly_amount_pln() == 0, path + ".monthly_amount_pln",
                "must be 0 when there is no income", "musi wynosić 0, gdy brak dochodu");
      v.Require(intake.incomes_size() == 1, path + ".source",
                "\"none\" cannot be listed with other income sources",
                "\"brak dochodu\" nie może występować razem z innymi źródłami dochodu");
    }
  }
}

void CheckRelatives(const v1::Intake& intake, sdk::Violations& v) {
  for (int i = 0; i < intake.relatives_size(); ++i) {
    const v1::Relative& relative = intake.relatives(i);
    const std::string path = sdk::At("relatives", i);
    v.RequireText(relative.relation(), path + ".relation", 200);
    RequireEnum(v, relative.contact(), v1::FamilyContactState_IsValid, path + ".contact");
    LimitText(v, relative.note(), path + ".note", kMaxNoteBytes);
  }
}

bool HoldsIdentityDocument(const std::set<int>& documents) {
  return documents.count(v1::DOCUMENT_ID_CARD) > 0 || documents.count(v1::DOCUMENT_PASSPORT) > 0;
}

}  // namespace

sdk::Status HomelessnessPlugin::ValidateIntake(const v1::Intake& intake,
                                               const sdk::CaseContext& context) {
  if (context.subject == sdk::CaseSubject::kFamily) {
    return sdk::Status::FailedPrecondition(
        "assistance in a homelessness crisis is for one person, and this case was opened for "
        "a family: close it and open a case for the person (OpenCase with person_id)");
  }
  sdk::Violations v;
  CheckSleepingPlace(intake, v);
  CheckCrisisDuration(intake, context, v);
  RequireEnum(v, intake.first_contact(), v1::FirstContact_IsValid, "first_contact");
  RequireUniqueCodes(v, intake.unmet_basic_needs(), v1::BasicNeed_IsValid, "unmet_basic_needs");
  CheckAddiction(intake.addiction(), v);
  LimitText(v, intake.health().description(), "health.description", 20000);
  v.OptionalDate(intake.health().health_insurance_until(), "health.health_insurance_until");
  CheckIncomes(intake, v);
  RequireEnum(v, intake.work_status(), v1::WorkStatus_IsValid, "work_status");
  const std::set<int> documents =
      RequireUniqueCodes(v, intake.documents_held(), v1::Document_IsValid, "documents_held");
  CheckRelatives(intake, v);
  LimitText(v, intake.last_registered_residence(), "last_registered_residence", 200);

  sdk::Status status = v.ToStatus();
  if (status.ok() && !HoldsIdentityDocument(documents)) {
    status.AddWarning(
        {"ID_DOCUMENT_MISSING",
         "The person holds no identity document (ID card or passport): obtaining one comes first, "
         "as benefits, work and housing need it.",
         "Osoba nie ma dokumentu tożsamości (dowodu osobistego ani paszportu): jego wyrobienie "
         "jest pilne, bo wymagają go świadczenia, zatrudnienie i przydział mieszkania."});
  }
  return status;
}

}  // namespace assist::homelessness

#include "court_opinion.hpp"

#include <assist/family/v1/family.pb.h>

#include <assist/plugin/message_cast.hpp>
#include <sstream>

#include "indicators.hpp"

namespace assist::family {
namespace {

const char* FormPl(v1::FamilyForm form) {
  switch (form) {
    case v1::FAMILY_FORM_MARRIAGE:
      return "małżeństwo";
    case v1::FAMILY_FORM_SINGLE_CARER:
      return "samotny opiekun";
    case v1::FAMILY_FORM_COHABITING:
      return "związek nieformalny";
    default:
      return "inna";
  }
}

const char* ProblemPl(int area) {
  static const char* const kNames[] = {"",
                                       "ubóstwo",
                                       "zadłużenie",
                                       "nakaz eksmisji",
                                       "uzależnienie od alkoholu",
                                       "narkotyki",
                                       "przemoc w rodzinie",
                                       "trudności opiekuńczo-wychowawcze",
                                       "prowadzenie gospodarstwa domowego",
                                       "zdrowie",
                                       "bezrobocie",
                                       "realizacja obowiązku szkolnego"};
  return area > 0 && area < static_cast<int>(std::size(kNames)) ? kNames[area] : "inny";
}

const char* GoalAreaPl(int area) {
  static const char* const kNames[] = {"",
                                       "wychowanie i opieka nad dziećmi",
                                       "zdrowie",
                                       "budżet domowy",
                                       "prace na rzecz domu",
                                       "wykształcenie i kwalifikacje",
                                       "praca zarobkowa",
                                       "aktywność społeczna",
                                       "sprawy urzędowe",
                                       "powrót dziecka z pieczy zastępczej"};
  return area > 0 && area < static_cast<int>(std::size(kNames)) ? kNames[area] : "inny";
}

const char* RecommendationPl(v1::Recommendation r) {
  switch (r) {
    case v1::RECOMMENDATION_CONTINUE:
      return "kontynuacja pracy";
    case v1::RECOMMENDATION_MODIFY_PLAN:
      return "modyfikacja planu";
    case v1::RECOMMENDATION_CLOSE:
      return "zakończenie pracy";
    default:
      return "brak";
  }
}

const char* PlacementPl(v1::ChildPlacement p) {
  switch (p) {
    case v1::CHILD_PLACEMENT_STAYED_IN_FAMILY:
      return "dziecko pozostało w rodzinie";
    case v1::CHILD_PLACEMENT_RETURNED_FROM_FOSTER_CARE:
      return "dziecko powróciło z pieczy zastępczej";
    case v1::CHILD_PLACEMENT_PLACED_IN_FOSTER_CARE:
      return "dziecko umieszczono w pieczy zastępczej";
    default:
      return "nie dotyczy";
  }
}

std::string BasisPl(const v1::Intake& intake) {
  switch (intake.legal_basis()) {
    case v1::LEGAL_BASIS_COURT_ORDER: {
      const v1::CourtOrder& order = intake.court_order();
      return "zobowiązanie sądu (" + order.court() + "), sygn. " + order.reference() + " z dnia " +
             order.issued_on();
    }
    case v1::LEGAL_BASIS_ZA_ZYCIEM:
      return intake.za_zyciem().ground() == v1::ZA_ZYCIEM_GROUND_PREGNANCY
                 ? "ustawa „Za życiem” (art. 8), ciąża: " + intake.za_zyciem().pregnant_member()
                 : "ustawa „Za życiem” (art. 8), dziecko z ciężkim i nieodwracalnym upośledzeniem "
                   "albo nieuleczalną chorobą zagrażającą życiu: " +
                       intake.za_zyciem().child();
    default:
      return "zgoda rodziny";
  }
}

void WriteMembers(std::ostream& out, const v1::Intake& intake) {
  out << "\n1. Skład rodziny\n";
  for (const auto& m : intake.members()) {
    out << "   - " << m.name() << ", ur. " << m.birth_date()
        << (m.role() == v1::MEMBER_ROLE_CHILD ? ", dziecko" : ", osoba dorosła")
        << (m.in_foster_care() ? " (w pieczy zastępczej)" : "") << "\n";
  }
}

void WriteDiagnosis(std::ostream& out, const v1::Intake& intake) {
  out << "\n2. Sytuacja rodziny na początku pracy (diagnoza)\n"
      << "   Forma rodziny: " << FormPl(intake.family_form()) << "\n"
      << "   Podstawa pracy z rodziną: " << BasisPl(intake) << "\n   Zidentyfikowane problemy:";
  if (intake.problem_areas().empty()) out << " brak";
  for (int area : intake.problem_areas()) out << " " << ProblemPl(area) << ";";
  out << "\n";
  if (intake.blue_card_procedure_open()) out << "   Procedura \"Niebieska Karta\": w toku\n";
  if (!intake.strengths().empty()) {
    out << "   Mocne strony i zasoby rodziny:";
    for (const auto& s : intake.strengths()) out << " " << s << ";";
    out << "\n";
  }
}

void WritePlan(std::ostream& out, const v1::Plan& plan, int version) {
  out << "\n3. Plan pracy z rodziną (wersja " << version << ", uzgodniony z rodziną "
      << plan.agreed_with_family_on() << ")\n";
  for (const auto& goal : plan.goals()) {
    out << "   - " << GoalAreaPl(goal.area()) << ": " << goal.description() << "\n";
  }
}

void WriteCooperation(std::ostream& out, const sdk::CaseRecord& record) {
  int minutes = 0, home_visits = 0;
  for (const auto& c : record.contacts) {
    minutes += c.duration_minutes;
    if (c.kind == "CONTACT_KIND_HOME_VISIT") ++home_visits;
  }
  out << "\n4. Przebieg współpracy\n   Liczba kontaktów: " << record.contacts.size()
      << " (w tym wizyt w domu rodziny: " << home_visits << "), łączny czas: " << minutes / 60
      << " h " << minutes % 60 << " min";
  if (!record.contacts.empty())
    out << ", ostatni kontakt: " << sdk::FormatDate(record.contacts.back().on);
  out << "\n";
}

void WriteReviews(std::ostream& out, const sdk::CaseRecord& record) {
  out << "\n5. Okresowe oceny sytuacji rodziny\n";
  if (record.reviews.empty()) out << "   Nie dokonano jeszcze oceny okresowej.\n";
  for (const auto& entry : record.reviews) {
    v1::Review copy;
    const v1::Review* review = sdk::As(entry.review, copy);
    if (review == nullptr) continue;
    out << "   - " << sdk::FormatDate(entry.on) << ": " << review->assessment()
        << " (rekomendacja: " << RecommendationPl(review->recommendation()) << ")"
        << (review->risk_to_child_safety() ? " - zagrożenie bezpieczeństwa dziecka" : "") << "\n";
  }
}

void WriteOutcome(std::ostream& out, const v1::Outcome& outcome) {
  out << "\n6. Efekty pracy z rodziną (skala 1-5: przed -> po)\n";
  for (const Indicator& indicator : Indicators()) {
    if (const auto* rating = indicator.rating(outcome)) {
      out << "   - " << indicator.label_pl << ": " << rating->before() << " -> " << rating->after()
          << "\n";
    }
  }
  out << "   Osiągnięte cele planu: " << outcome.goals_attained() << " z " << outcome.goals_total()
      << "\n   Sytuacja dziecka: " << PlacementPl(outcome.child_stayed_or_returned()) << "\n";
}

}  // namespace

sdk::Status RenderCourtOpinion(const sdk::CaseRecord& record, std::string& text) {
  const sdk::CaseContext& context = *record.context;
  v1::Intake intake_copy;
  const v1::Intake* intake = sdk::As(context.intake, intake_copy);
  if (intake == nullptr) {
    return sdk::Status::FailedPrecondition(
        "an opinion about the family needs the intake (diagnosis) first");
  }
  std::ostringstream out;
  out << "OPINIA ASYSTENTA RODZINY O RODZINIE I JEJ CZŁONKACH\n"
      << "(art. 15 ust. 1 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy "
         "zastępczej)\n\n"
      << "Rodzina: " << record.subject << "\n"
      << "Asystent rodziny: "
      << (record.assistant_name.empty() ? record.assistant_id : record.assistant_name) << "\n"
      << "Skierowanie z dnia " << sdk::FormatDate(context.referred_on) << ": "
      << record.referral_reason << "\n"
      << "Praca z rodziną od: "
      << (context.work_started_on ? sdk::FormatDate(*context.work_started_on) : "nie rozpoczęto")
      << "\n";
  WriteMembers(out, *intake);
  WriteDiagnosis(out, *intake);
  v1::Plan plan_copy;
  if (const v1::Plan* plan = sdk::As(context.plan, plan_copy))
    WritePlan(out, *plan, context.plan_version);
  WriteCooperation(out, record);
  WriteReviews(out, record);
  v1::Outcome outcome_copy;
  if (const v1::Outcome* outcome = sdk::As(record.outcome, outcome_copy))
    WriteOutcome(out, *outcome);
  out << "\nSporządzono dnia " << sdk::FormatDate(context.step_date) << ".\n";
  text = out.str();
  return sdk::Status::Ok();
}

}  // namespace assist::family

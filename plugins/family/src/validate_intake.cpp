#include <set>

#include "checks.hpp"
#include "family_plugin.hpp"
#include "za_zyciem.hpp"

namespace assist::family {
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
    if (member.in_foster_care()) {
      v.Require(member.role() == v1::MEMBER_ROLE_CHILD, path + ".in_foster_care",
                "only a child can be in foster care",
                "tylko dziecko może przebywać w pieczy zastępczej");
    }
    has_adult = has_adult || member.role() == v1::MEMBER_ROLE_ADULT;
  }
  v.Require(has_adult, "members", "at least one adult member is required",
            "wymagany jest co najmniej jeden dorosły członek rodziny");
}

void CheckLegalBasis(const v1::Intake& intake, const sdk::CaseContext& context,
                     sdk::Violations& v) {
  RequireEnum(v, intake.legal_basis(), v1::LegalBasis_IsValid, "legal_basis");
  if (intake.legal_basis() == v1::LEGAL_BASIS_COURT_ORDER) {
    // The notice of non-cooperation is addressed to this court, under this reference.
    v.RequireText(intake.court_order().court(), "court_order.court", kMaxNameBytes);
    v.RequireText(intake.court_order().reference(), "court_order.reference", kMaxNameBytes);
    NotAfterStep(v, v.RequireDate(intake.court_order().issued_on(), "court_order.issued_on"),
                 context, "court_order.issued_on");
  } else if (intake.has_court_order()) {
    v.Add("court_order", "is only recorded when the legal basis is a court order",
          "wpisuje się tylko, gdy podstawą pracy jest postanowienie sądu");
  }
}

void CheckReferralDocuments(const v1::Intake& intake, const sdk::CaseContext& context,
                            sdk::Violations& v) {
  NotAfterStep(v,
               v.OptionalDate(intake.social_worker_request().requested_on(),
                              "social_worker_request.requested_on"),
               context, "social_worker_request.requested_on");
  NotAfterStep(v,
               v.OptionalDate(intake.community_interview().conducted_on(),
                              "community_interview.conducted_on"),
               context, "community_interview.conducted_on");
}

void CheckProblems(const v1::Intake& intake, sdk::Violations& v) {
  const std::set<int> seen =
      RequireUniqueCodes(v, intake.problem_areas(), v1::ProblemArea_IsValid, "problem_areas");
  if (intake.blue_card_procedure_open()) {
    v.Require(seen.count(v1::PROBLEM_AREA_VIOLENCE) > 0, "blue_card_procedure_open",
              "needs violence among the problem areas",
              "wymaga wskazania przemocy w rodzinie wśród problemów");
  }
}

}  // namespace

sdk::Status FamilyPlugin::ValidateIntake(const v1::Intake& intake,
                                         const sdk::CaseContext& context) {
  if (context.subject == sdk::CaseSubject::kPerson) {
    return sdk::Status::FailedPrecondition(
        "family assistance works with a family, and this case was opened for one person: close "
        "it and open a case for the family (CreateFamily, then OpenCase with family_id)");
  }
  sdk::Violations v;
  CheckMembers(intake, context, v);
  RequireEnum(v, intake.family_form(), v1::FamilyForm_IsValid, "family_form");
  CheckLegalBasis(intake, context, v);
  CheckZaZyciem(intake, context, v);
  CheckReferralDocuments(intake, context, v);
  CheckProblems(intake, v);
  for (int i = 0; i < intake.strengths_size(); ++i) {
    v.RequireText(intake.strengths(i), sdk::At("strengths", i));
  }
  LimitText(v, intake.deficits(), "deficits", 20000);
  return v.ToStatus();
}

}  // namespace assist::family

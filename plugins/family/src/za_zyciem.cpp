#include "za_zyciem.hpp"

#include <algorithm>
#include <string>

#include "checks.hpp"

namespace assist::family {
namespace {

constexpr std::size_t kMaxNameBytes = 200;
// A pregnancy lasts about 280 days; a later expected birth is a typing error.
constexpr int kMaxDaysToBirth = 300;

bool NamesMember(const v1::Intake& intake, const std::string& name, bool child_only) {
  return std::any_of(intake.members().begin(), intake.members().end(), [&](const v1::Member& m) {
    return m.name() == name && (!child_only || m.role() == v1::MEMBER_ROLE_CHILD);
  });
}

void OnlyWith(sdk::Violations& v, const std::string& value, const std::string& field,
              const char* en, const char* pl) {
  v.Require(value.empty(), "za_zyciem." + field, std::string("is only given ") + en,
            std::string("podaje się tylko ") + pl);
}

void CheckPregnancy(const v1::Intake& intake, const sdk::CaseContext& context, sdk::Violations& v) {
  const v1::ZaZyciem& facts = intake.za_zyciem();
  v.RequireText(facts.pregnant_member(), "za_zyciem.pregnant_member", kMaxNameBytes);
  if (!facts.pregnant_member().empty()) {
    v.Require(NamesMember(intake, facts.pregnant_member(), false), "za_zyciem.pregnant_member",
              "is not a member named in this intake",
              "nie jest członkiem rodziny wymienionym w tej diagnozie");
  }
  const auto birth = v.RequireDate(facts.expected_birth_on(), "za_zyciem.expected_birth_on");
  if (birth && context.step_date.ok()) {
    v.Require(*birth <= sdk::AddDays(context.step_date, kMaxDaysToBirth),
              "za_zyciem.expected_birth_on",
              "is more than " + std::to_string(kMaxDaysToBirth) + " days after the intake",
              "przypada później niż " + std::to_string(kMaxDaysToBirth) + " dni po diagnozie");
  }
  OnlyWith(v, facts.child(), "child", "with a child's condition", "przy chorobie dziecka");
  OnlyWith(v, facts.certificate_issued_on(), "certificate_issued_on", "with a child's condition",
           "przy chorobie dziecka");
}

void CheckChildCondition(const v1::Intake& intake, const sdk::CaseContext& context,
                         sdk::Violations& v) {
  const v1::ZaZyciem& facts = intake.za_zyciem();
  v.RequireText(facts.child(), "za_zyciem.child", kMaxNameBytes);
  if (!facts.child().empty()) {
    v.Require(NamesMember(intake, facts.child(), true), "za_zyciem.child",
              "is not a child named in this intake",
              "nie jest dzieckiem wymienionym w tej diagnozie");
  }
  NotAfterStep(v, v.RequireDate(facts.certificate_issued_on(), "za_zyciem.certificate_issued_on"),
               context, "za_zyciem.certificate_issued_on");
  OnlyWith(v, facts.pregnant_member(), "pregnant_member", "with a pregnancy", "przy ciąży");
  OnlyWith(v, facts.expected_birth_on(), "expected_birth_on", "with a pregnancy", "przy ciąży");
}

}  // namespace

void CheckZaZyciem(const v1::Intake& intake, const sdk::CaseContext& context, sdk::Violations& v) {
  if (intake.legal_basis() != v1::LEGAL_BASIS_ZA_ZYCIEM) {
    v.Require(!intake.has_za_zyciem(), "za_zyciem",
              "is only recorded when the legal basis is the \"Za życiem\" act",
              "wpisuje się tylko, gdy podstawą pracy jest ustawa „Za życiem”");
    return;
  }
  if (!intake.has_za_zyciem()) {
    v.Add("za_zyciem", "is required with the \"Za życiem\" basis",
          "jest wymagane przy podstawie „Za życiem”");
    return;
  }
  if (!RequireEnum(v, intake.za_zyciem().ground(), v1::ZaZyciemGround_IsValid,
                   "za_zyciem.ground")) {
    return;
  }
  if (intake.za_zyciem().ground() == v1::ZA_ZYCIEM_GROUND_PREGNANCY) {
    CheckPregnancy(intake, context, v);
  } else {
    CheckChildCondition(intake, context, v);
  }
}

}  // namespace assist::family

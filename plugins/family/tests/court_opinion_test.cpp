#include "court_opinion.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::D;

TEST(FamilyCourtOpinionTest, NeedsTheDiagnosisFirst) {
  sdk::CaseContext context = Context("2026-12-01");
  sdk::CaseRecord record;
  record.context = &context;
  std::string text;
  EXPECT_EQ(RenderCourtOpinion(record, text).code(), sdk::Code::kFailedPrecondition);
  EXPECT_TRUE(text.empty());
}

TEST(FamilyCourtOpinionTest, SumsUpTheWholeRecordInPolish) {
  v1::Intake intake = testing::ValidIntake();
  v1::Plan plan = testing::ValidPlan();
  v1::Review review = testing::ValidReview();
  v1::Outcome outcome = testing::ValidOutcome();
  sdk::CaseContext context = Context("2026-12-01");
  context.intake = &intake;
  context.plan = &plan;
  context.plan_version = 2;
  sdk::CaseRecord record;
  record.context = &context;
  record.subject = "Rodzina Kowalskich";
  record.assistant_id = "asia";
  record.referral_reason = "zaległości czynszowe";
  record.contacts = {{D("2026-09-10"), "CONTACT_KIND_HOME_VISIT", 90, "", nullptr},
                     {D("2026-09-20"), "CONTACT_KIND_PHONE", 15, "", nullptr}};
  record.reviews = {{D("2026-11-30"), &review}};
  record.outcome = &outcome;
  std::string text;
  ASSERT_TRUE(RenderCourtOpinion(record, text).ok());
  for (const std::string expected :
       {"OPINIA ASYSTENTA RODZINY", "Rodzina: Rodzina Kowalskich", "Asystent rodziny: asia",
        "1. Skład rodziny", "wersja 2", "Liczba kontaktów: 2 (w tym wizyt w domu rodziny: 1)",
        "łączny czas: 1 h 45 min", "ostatni kontakt: 2026-09-20", "2026-11-30: ", "6. Efekty pracy",
        "Sporządzono dnia 2026-12-01."}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
  for (const auto& member : intake.members())
    EXPECT_NE(text.find(member.name()), std::string::npos);
}

}  // namespace
}  // namespace assist::family

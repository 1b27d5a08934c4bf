// Street rounds, reviews and the outcome.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "streetwork_plugin.hpp"

namespace assist::streetwork::testing {
namespace {

sdk::Status Check(sdk::Step step, const google::protobuf::Message& payload) {
  return StreetworkPlugin().Validate(step, payload, Context("2026-10-05"));
}

TEST(StreetworkContact, ValidRoundPasses) {
  EXPECT_TRUE(Check(sdk::Step::kContact, ValidContact()).ok());
}

TEST(StreetworkContact, NeedsMetOnlyWhenThePersonWasMet) {
  v1::Contact contact = ValidContact();
  contact.set_person_met(false);
  EXPECT_EQ(Fields(Check(sdk::Step::kContact, contact)), Paths{"needs_met"});
  contact.clear_needs_met();
  EXPECT_TRUE(Check(sdk::Step::kContact, contact).ok());
}

TEST(StreetworkContact, ChecksThePlaceAndEachNeed) {
  v1::Contact contact = ValidContact();
  contact.clear_place();
  contact.add_needs_met(v1::NEED_CLOTHING);
  EXPECT_EQ(Fields(Check(sdk::Step::kContact, contact)), (Paths{"needs_met[2]", "place.kind"}));
}

TEST(StreetworkReview, NeedsRiskAndAssessment) {
  v1::Review review;
  EXPECT_EQ(Fields(Check(sdk::Step::kReview, review)), (Paths{"assessment", "risk"}));
  review.set_risk(v1::RISK_MODERATE);
  review.set_assessment("Nocuje w altanie, przyjmuje posiłki, rozważa noclegownię.");
  EXPECT_TRUE(Check(sdk::Step::kReview, review).ok());
}

TEST(StreetworkOutcome, NeedsResultAndSummary) {
  v1::Outcome outcome;
  EXPECT_EQ(Fields(Check(sdk::Step::kOutcome, outcome)), (Paths{"result", "summary"}));
  outcome.set_result(v1::RESULT_HOMELESSNESS_ASSISTANT);
  outcome.set_summary("Przekazany asystentowi osoby w kryzysie bezdomności.");
  EXPECT_TRUE(Check(sdk::Step::kOutcome, outcome).ok());
}

TEST(StreetworkSettings, TakesNone) {
  EXPECT_EQ(Check(sdk::Step::kSettings, v1::Review()).code(), sdk::Code::kFailedPrecondition);
}

}  // namespace
}  // namespace assist::streetwork::testing

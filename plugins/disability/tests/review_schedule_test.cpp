#include <gtest/gtest.h>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::D;
using testing::OpenCase;
using testing::ValidIntake;

v1::Intake CertificateUntil(std::string_view date) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_valid_until(std::string(date));
  return intake;
}

TEST(DisabilityReviewSchedule, SixMonthsFromTheStartOfWork) {
  // 2027-02-31 does not exist: the last day of February.
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(OpenCase(D("2026-08-31"))), D("2027-02-28"));
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(OpenCase(D("2026-09-15"))), D("2027-03-15"));
}

TEST(DisabilityReviewSchedule, SixMonthsFromTheLastReview) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2027-02-20");
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2027-08-20"));
}

TEST(DisabilityReviewSchedule, AReviewDatedBeforeTheStartDoesNotMoveTheDeadlineBack) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2026-08-01");
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2027-02-28"));
}

TEST(DisabilityReviewSchedule, DueWhenTheCertificateExpiresIfThatIsEarlier) {
  const v1::Intake intake = CertificateUntil("2026-12-15");
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.intake = &intake;
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2026-12-15"));

  // Expiring on the regular due day, or later, changes nothing.
  const v1::Intake same_day = CertificateUntil("2027-02-28");
  context.intake = &same_day;
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2027-02-28"));
  const v1::Intake later = CertificateUntil("2027-12-31");
  context.intake = &later;
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2027-02-28"));
}

TEST(DisabilityReviewSchedule, AnExpiredCertificateKeepsTheReviewDueUntilItIsRenewed) {
  const v1::Intake intake = CertificateUntil("2027-01-31");
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.intake = &intake;
  context.last_review_on = D("2027-02-05");  // reviewed after expiry, no new certificate yet
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2027-01-31"));

  const v1::Intake renewed = CertificateUntil("2029-01-31");
  context.intake = &renewed;
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2027-08-05"));
}

TEST(DisabilityReviewSchedule, AnIndefiniteCertificateDoesNotCap) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->clear_valid_until();
  intake.mutable_certificate()->set_indefinite(true);
  sdk::CaseContext context = OpenCase(D("2026-09-15"));
  context.intake = &intake;
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), D("2027-03-15"));
}

TEST(DisabilityReviewSchedule, NoneBeforeTheWorkStarts) {
  const v1::Intake intake = CertificateUntil("2026-12-15");
  sdk::CaseContext context = OpenCase(std::nullopt);
  context.intake = &intake;
  EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), std::nullopt);
}

TEST(DisabilityReviewSchedule, NoneOnceTheCaseIsClosed) {
  const v1::Intake intake = CertificateUntil("2027-04-30");
  for (sdk::CaseState state :
       {sdk::CaseState::kClosed, sdk::CaseState::kMonitoring, sdk::CaseState::kMonitoringEnded}) {
    sdk::CaseContext context = OpenCase(D("2026-08-31"));
    context.intake = &intake;
    context.last_review_on = D("2027-02-20");
    context.closed_on = D("2027-03-01");
    context.state = state;
    EXPECT_EQ(DisabilityPlugin().NextReviewDue(context), std::nullopt);
  }
}

}  // namespace
}  // namespace assist::disability

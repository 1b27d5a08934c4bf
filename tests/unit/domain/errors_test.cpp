#include "domain/errors.hpp"

#include <gtest/gtest.h>

#include "assist/v1/common.pb.h"
#include "db/database_fault.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace assist::host {
namespace {

// Proto3 parsers refuse strings that are not UTF-8, so a client could not read such a status.
google::rpc::BadRequest ParsedBadRequest(const grpc::Status& status) {
  google::rpc::Status parsed;
  EXPECT_TRUE(parsed.ParseFromString(status.error_details()));
  google::rpc::BadRequest bad;
  EXPECT_TRUE(parsed.details_size() > 0 && parsed.details(0).UnpackTo(&bad));
  return bad;
}

TEST(ErrorsTest, InvalidArgumentCarriesEveryViolationInBothLanguages) {
  auto status = InvalidArgument({{"intake.members", "is required", "jest wymagane"},
                                 {"intake.family_form", "is unknown", "jest nieznana"}});
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("intake.family_form is unknown"), std::string::npos);
  auto english = ParsedBadRequest(status);
  ASSERT_EQ(english.field_violations_size(), 2);
  EXPECT_EQ(english.field_violations(1).field(), "intake.family_form");
  google::rpc::Status parsed;
  parsed.ParseFromString(status.error_details());
  assist::v1::LocalizedFieldViolations polish;
  ASSERT_TRUE(parsed.details(1).UnpackTo(&polish));
  EXPECT_EQ(polish.locale(), "pl");
  EXPECT_EQ(polish.field_violations(0).description(), "jest wymagane");
}

TEST(ErrorsTest, BrokenUtf8InATextIsReplacedSoTheStatusStaysReadable) {
  std::string cut = "nie jest poprawnym JSON-em: \"Gda\xC5";  // "Gdańsk" cut inside "ń"
  auto status = InvalidArgument({{"intake.json", cut, cut}});
  auto english = ParsedBadRequest(status);
  ASSERT_EQ(english.field_violations_size(), 1);
  EXPECT_EQ(english.field_violations(0).description(),
            "nie jest poprawnym JSON-em: \"Gda\xEF\xBF\xBD");
  // Whole Polish letters, overlong forms and surrogates.
  auto mixed = InvalidArgument({{"f", "zażółć \xC0\xAF \xED\xA0\x80", ""}});
  EXPECT_EQ(ParsedBadRequest(mixed).field_violations(0).description(),
            "zażółć \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

// Every kind of database fault gets its documented code (docs/reliability.md), ErrorInfo with its
// reason, and RetryInfo exactly when retrying is the advice; only a defect is INTERNAL.
TEST(ErrorsTest, DatabaseFaultsGetRetryableCodesWithErrorInfo) {
  struct Expected {
    DatabaseFault fault;
    grpc::StatusCode code;
    std::string reason;
    bool retry;
  };
  const std::vector<Expected> table = {
      {{FaultKind::kUnavailable, "down"},
       grpc::StatusCode::UNAVAILABLE,
       "DATABASE_UNAVAILABLE",
       true},
      {{FaultKind::kOutcomeUnknown, "cut"},
       grpc::StatusCode::UNAVAILABLE,
       "COMMIT_OUTCOME_UNKNOWN",
       true},
      {{FaultKind::kStorageFull, "full"},
       grpc::StatusCode::RESOURCE_EXHAUSTED,
       "DATABASE_STORAGE_FULL",
       true},
      {{FaultKind::kLockTimeout, "locked"}, grpc::StatusCode::ABORTED, "DATABASE_LOCKED", true},
      {{FaultKind::kConflict, "raced"}, grpc::StatusCode::ABORTED, "CONCURRENT_UPDATE", true},
      {{FaultKind::kUniqueViolation, "dup", "centres_pkey"},
       grpc::StatusCode::ALREADY_EXISTS,
       "ALREADY_EXISTS",
       false},
      {{FaultKind::kUniqueViolation, "dup", "case_documents_pkey"},
       grpc::StatusCode::ABORTED,
       "CONCURRENT_UPDATE",
       true},
      {{FaultKind::kOther, "bug"}, grpc::StatusCode::INTERNAL, "", false},
  };
  for (const Expected& e : table) {
    const grpc::Status status = FaultStatus(e.fault, "req-1");
    EXPECT_EQ(status.error_code(), e.code) << e.fault.what();
    EXPECT_NE(status.error_message().find("req-1"), std::string::npos) << status.error_message();
    google::rpc::Status parsed;
    parsed.ParseFromString(status.error_details());
    std::string reason;
    bool retry = false;
    for (const auto& detail : parsed.details()) {
      google::rpc::ErrorInfo info;
      if (detail.UnpackTo(&info)) reason = info.reason();
      retry = retry || detail.Is<google::rpc::RetryInfo>();
    }
    EXPECT_EQ(reason, e.reason) << e.fault.what();
    EXPECT_EQ(retry, e.retry) << e.fault.what();
  }
  EXPECT_EQ(UniqueRuleOf("cases.centre_id, cases.type_id, cases.person_id"),
            "an open case of this assistance type for this person");
}

TEST(ErrorsTest, StatusCodesAreNamedAsGrpcNamesThem) {
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::OK), "OK");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::RESOURCE_EXHAUSTED), "RESOURCE_EXHAUSTED");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::UNAUTHENTICATED), "UNAUTHENTICATED");
  // 20 has no name but is a value of the enum (its values span 0..31); 99 would not be, and
  // casting it is undefined (clang's UBSan refuses it).
  EXPECT_EQ(StatusCodeName(static_cast<grpc::StatusCode>(20)), "CODE_20");
}

}  // namespace
}  // namespace assist::host

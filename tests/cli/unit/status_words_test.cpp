// Failed calls in words, with every detail the host attaches, and their exit codes.
#include "status_words.hpp"

#include <gtest/gtest.h>

#include "assist/v1/common.pb.h"
#include "exit_codes.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace assistctl {
namespace {

grpc::Status WithDetails(grpc::StatusCode code, const std::string& message,
                         const std::vector<const google::protobuf::Message*>& details) {
  google::rpc::Status status;
  status.set_code(code);
  status.set_message(message);
  for (const auto* detail : details) status.add_details()->PackFrom(*detail);
  return grpc::Status(code, message, status.SerializeAsString());
}

TEST(StatusWords, ListsEveryFieldViolation) {
  google::rpc::BadRequest english;
  auto* a = english.add_field_violations();
  a->set_field("id");
  a->set_description("must match [a-z0-9-]");
  auto* b = english.add_field_violations();
  b->set_field("name");
  b->set_description("is required");
  assist::v1::LocalizedFieldViolations polish;
  polish.set_locale("pl");
  auto* c = polish.add_field_violations();
  c->set_field("id");
  c->set_description("musi pasować");
  const grpc::Status status =
      WithDetails(grpc::StatusCode::INVALID_ARGUMENT, "invalid request", {&english, &polish});
  EXPECT_EQ(DescribeStatus(status),
            "invalid argument: invalid request\n"
            "  field id: must match [a-z0-9-]\n"
            "  field name: is required");
  EXPECT_EQ(DescribeStatus(status, true),
            "invalid argument: invalid request\n"
            "  field id: musi pasować");
}

TEST(StatusWords, ErrorInfoReasonWithSortedMetadataAndRetry) {
  google::rpc::ErrorInfo info;
  info.set_reason("ROLE_NOT_ALLOWED");
  (*info.mutable_metadata())["rpc"] = "CreateCentre";
  (*info.mutable_metadata())["role"] = "ROLE_HEAD";
  google::rpc::RetryInfo retry;
  retry.mutable_retry_delay()->set_nanos(200'000'000);
  const grpc::Status status =
      WithDetails(grpc::StatusCode::PERMISSION_DENIED, "not allowed", {&info, &retry});
  EXPECT_EQ(DescribeStatus(status),
            "permission denied: not allowed\n"
            "  reason: ROLE_NOT_ALLOWED (role=ROLE_HEAD, rpc=CreateCentre)\n"
            "  retry after 200 ms");
}

TEST(StatusWords, PreconditionAndResource) {
  google::rpc::PreconditionFailure failure;
  auto* v = failure.add_violations();
  v->set_type("CONSENT");
  v->set_subject("case 4");
  v->set_description("record consent first");
  EXPECT_EQ(
      DescribeStatus(WithDetails(grpc::StatusCode::FAILED_PRECONDITION, "no consent", {&failure})),
      "failed precondition: no consent\n  precondition CONSENT of case 4: record consent "
      "first");
  google::rpc::ResourceInfo resource;
  resource.set_resource_type("case");
  resource.set_resource_name("9");
  EXPECT_EQ(
      DescribeStatus(WithDetails(grpc::StatusCode::NOT_FOUND, "case 9 not found", {&resource})),
      "not found: case 9 not found\n  resource: case 9");
}

TEST(StatusWords, StatusWithoutDetailsOrWithGarbage) {
  EXPECT_EQ(DescribeStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection refused")),
            "unavailable: connection refused");
  EXPECT_EQ(DescribeStatus(grpc::Status(grpc::StatusCode::INTERNAL, "x", "\xff\xff")),
            "internal error: x\n  (the error details could not be read)");
}

TEST(ExitCodes, ByKindOfFailure) {
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::UNAUTHENTICATED), ExitCode::kAccess);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::PERMISSION_DENIED), ExitCode::kAccess);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::NOT_FOUND), ExitCode::kNotFound);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::INVALID_ARGUMENT), ExitCode::kRejected);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::FAILED_PRECONDITION), ExitCode::kRejected);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::ALREADY_EXISTS), ExitCode::kRejected);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::UNAVAILABLE), ExitCode::kUnavailable);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::ABORTED), ExitCode::kUnavailable);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::RESOURCE_EXHAUSTED), ExitCode::kUnavailable);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::INTERNAL), ExitCode::kOther);
  EXPECT_EQ(static_cast<int>(ExitCode::kUsage), 2);
}

}  // namespace
}  // namespace assistctl

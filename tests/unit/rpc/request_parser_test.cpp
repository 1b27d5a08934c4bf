#include "rpc/request_parser.hpp"

#include <gtest/gtest.h>

#include "assist/v1/cases.pb.h"

namespace assist::host {
namespace {

namespace v1 = assist::v1;

const google::protobuf::Descriptor& OpenCase() { return *v1::OpenCaseRequest::descriptor(); }

std::string Problem(const google::protobuf::Descriptor& type, const std::string& bytes) {
  auto parsed = ParseRequest(type, bytes);
  const auto* why = std::get_if<std::string>(&parsed);
  return why != nullptr ? *why : "";
}

TEST(RequestParserTest, AValidRequestParsesIntoItsType) {
  v1::OpenCaseRequest request;
  request.set_type_id("family");
  request.set_family_id(7);
  request.set_referral_reason("zgłoszenie szkoły");
  auto parsed = ParseRequest(OpenCase(), request.SerializeAsString());
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<google::protobuf::Message>>(parsed));
  const auto& message = *std::get<std::unique_ptr<google::protobuf::Message>>(parsed);
  EXPECT_EQ(message.GetDescriptor(), &OpenCase());
  EXPECT_EQ(message.SerializeAsString(), request.SerializeAsString());
}

TEST(RequestParserTest, GarbageAndTruncatedBytesNameTheType) {
  const std::string expected =
      "request is not a valid assist.v1.OpenCaseRequest: "
      "malformed protobuf encoding";
  EXPECT_EQ(Problem(OpenCase(), std::string(11, '\xff')), expected);
  v1::OpenCaseRequest request;
  request.set_referral_reason("a reason long enough to be cut");
  const std::string bytes = request.SerializeAsString();
  EXPECT_EQ(Problem(OpenCase(), bytes.substr(0, bytes.size() - 5)), expected);
}

TEST(RequestParserTest, InvalidUtf8NamesTheFieldWithoutALogLine) {
  v1::OpenCaseRequest request;
  request.set_family_id(7);
  std::string bytes = request.SerializeAsString();
  const auto* field = OpenCase().FindFieldByName("referral_reason");
  ASSERT_NE(field, nullptr);
  bytes += std::string{static_cast<char>(field->number() << 3 | 2), '\x02', '\xc3', '\x28'};
  testing::internal::CaptureStderr();
  const std::string problem = Problem(OpenCase(), bytes);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(problem,
            "request is not a valid assist.v1.OpenCaseRequest: string field "
            "assist.v1.OpenCaseRequest.referral_reason is not valid UTF-8");
}

// Only lines of a parse in progress are caught; protobuf's other lines are logged as before.
TEST(RequestParserTest, ProtobufLinesOutsideAParseStillReachTheLog) {
  (void)Problem(OpenCase(), "");  // installs the handler
  v1::OpenCaseRequest request;
  request.set_referral_reason(std::string("\xc3\x28", 2));
  testing::internal::CaptureStderr();
  (void)request.SerializeAsString();
  EXPECT_NE(testing::internal::GetCapturedStderr().find("invalid UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace assist::host

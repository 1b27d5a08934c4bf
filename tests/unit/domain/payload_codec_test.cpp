#include "domain/payload_codec.hpp"

#include <google/protobuf/struct.pb.h>
#include <gtest/gtest.h>

#include "assist/v1/cases.pb.h"
#include "domain/errors.hpp"
#include "domain/payload_limits.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace assist::host {
namespace {

using assist::v1::Payload;

std::vector<std::string> Fields(const RpcError& e) {
  google::rpc::Status status;
  status.ParseFromString(e.status().error_details());
  google::rpc::BadRequest bad;
  status.details(0).UnpackTo(&bad);
  std::vector<std::string> fields;
  for (const auto& v : bad.field_violations()) fields.push_back(v.field());
  return fields;
}

std::vector<std::string> FieldsOf(const Payload& payload) {
  try {
    DecodePayload(payload, *assist::v1::Family::descriptor(), "intake");
  } catch (const RpcError& e) {
    EXPECT_EQ(e.status().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    return Fields(e);
  }
  return {};
}

TEST(PayloadCodecTest, DecodesJsonAndAnyAndRoundTripsThroughStorage) {
  Payload json;
  json.set_json(R"({"name": "Rodzina Nowak", "members": [{"personId": "7"}]})");
  auto decoded = DecodePayload(json, *assist::v1::Family::descriptor(), "intake");
  Payload any;
  any.mutable_any()->PackFrom(*decoded);
  auto again = DecodePayload(any, *assist::v1::Family::descriptor(), "intake");
  EXPECT_EQ(again->SerializeAsString(), decoded->SerializeAsString());
  auto stored = FromStoredJson(ToStoredJson(*again), *assist::v1::Family::descriptor());
  EXPECT_EQ(stored->SerializeAsString(), decoded->SerializeAsString());
  Payload out;
  FillPayload(*stored, out);
  EXPECT_EQ(out.type(), "assist.v1.Family");
  EXPECT_TRUE(out.any().Is<assist::v1::Family>());
}

TEST(PayloadCodecTest, NamesTheFieldOfEveryKindOfBadPayload) {
  EXPECT_EQ(FieldsOf(Payload{}), std::vector<std::string>{"intake"});
  Payload both;
  both.set_json("{}");
  both.mutable_any()->PackFrom(assist::v1::Family{});
  EXPECT_EQ(FieldsOf(both), std::vector<std::string>{"intake"});
  Payload other;
  other.mutable_any()->PackFrom(assist::v1::Person{});
  EXPECT_EQ(FieldsOf(other), std::vector<std::string>{"intake.any.type_url"});
  Payload typed;
  typed.set_json("{}");
  typed.set_type("assist.v1.Person");
  EXPECT_EQ(FieldsOf(typed), std::vector<std::string>{"intake.type"});
  Payload broken;
  broken.set_json(R"({"name": )");
  EXPECT_EQ(FieldsOf(broken), std::vector<std::string>{"intake.json"});
  Payload unknown;
  unknown.set_json(R"({"nickname": "x"})");
  EXPECT_EQ(FieldsOf(unknown), std::vector<std::string>{"intake.json"});
}

// Found by fuzz/payload_fuzzer: protobuf quotes the input around a syntax error, cut at a byte
// count, and a cut inside a Polish letter made a status the client could not parse.
TEST(PayloadCodecTest, SyntaxErrorAmongPolishLettersGivesAReadableStatus) {
  for (int letters = 0; letters < 40; ++letters) {
    std::string name;
    for (int i = 0; i < letters; ++i) name += "ż";
    Payload broken;
    broken.set_json(R"({"members": [{"name": ")" + name + R"(", "role": })" + name + "]}");
    try {
      DecodePayload(broken, *assist::v1::Family::descriptor(), "intake");
      FAIL() << "accepted a broken payload";
    } catch (const RpcError& e) {
      google::rpc::Status status;
      ASSERT_TRUE(status.ParseFromString(e.status().error_details())) << letters << " letters";
      google::rpc::BadRequest bad;
      ASSERT_TRUE(status.details(0).UnpackTo(&bad)) << letters << " letters";
      EXPECT_EQ(bad.field_violations(0).field(), "intake.json");
    }
  }
}

TEST(PayloadCodecTest, BoundsStringsListsAndNesting) {
  assist::v1::Family family;
  family.set_name(std::string(20001, 'x'));
  for (int i = 0; i < 1001; ++i) family.add_members()->set_person_id(i);
  auto violations = CheckPayloadLimits(family, "intake");
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].field, "intake.name");
  EXPECT_EQ(violations[1].field, "intake.members");

  google::protobuf::Value deep;
  google::protobuf::Value* at = &deep;
  for (int i = 0; i < 20; ++i) at = &(*at->mutable_struct_value()->mutable_fields())["x"];
  at->set_string_value("bottom");
  EXPECT_FALSE(CheckPayloadLimits(deep, "review").empty());

  Payload huge;
  huge.set_json(std::string(1024 * 1024 + 1, ' '));
  EXPECT_EQ(FieldsOf(huge), std::vector<std::string>{"intake.json"});
}

}  // namespace
}  // namespace assist::host

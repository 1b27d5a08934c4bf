// Requests that do not parse (issue 10): garbage bytes, a truncated message, invalid UTF-8 in a
// proto3 string field, no request message at all. Every method of every service answers them
// INVALID_ARGUMENT naming the message type (and the field), before any work: no authentication
// (a caller without a token hears INVALID_ARGUMENT, not UNAUTHENTICATED), no audit row, and no log
// line per request. The host serves valid calls as before.
#include <google/protobuf/descriptor.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api_methods.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace pb = google::protobuf;
namespace v1 = assist::v1;
using grpc::StatusCode;

std::string PathOf(const pb::MethodDescriptor& method) {
  return "/" + method.service()->full_name() + "/" + method.name();
}

// Bytes no message parses from: a varint of eleven 0xff bytes (at most ten are allowed).
const std::string kGarbage(11, '\xff');
// Field 1, length-delimited, 16 bytes announced and 3 sent: a truncated message of any type.
const std::string kTruncated = std::string("\x0a\x10", 2) + "abc";

// The first string field of `type` as wire bytes holding "\xc3\x28" (not UTF-8); empty when the
// type has no string field.
std::string InvalidUtf8In(const pb::Descriptor& type, std::string* field_name) {
  for (int i = 0; i < type.field_count(); ++i) {
    const pb::FieldDescriptor& field = *type.field(i);
    if (field.type() != pb::FieldDescriptor::TYPE_STRING || field.number() > 15) continue;
    *field_name = field.full_name();
    const char tag = static_cast<char>(field.number() << 3 | 2);
    return std::string{tag, '\x02', '\xc3', '\x28'};
  }
  return {};
}

int LineCount(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// The rows of the centre's whole audit trail as its auditor lists them (the listing itself is
// recorded after it is read).
int AuditRowCount(Client& client) {
  v1::ListAuditEventsRequest request;
  request.set_page_size(1000);
  v1::ListAuditEventsResponse response;
  const grpc::Status status =
      client.Call(Sopot().auditor, &Audit::ListAuditEvents, request, &response);
  EXPECT_TRUE(IsOk(status)) << Describe(status);
  return response.events_size();
}

class MalformedRequestTest : public HostTest {
 protected:
  // Sends `bytes` to `method` with `token`; expects INVALID_ARGUMENT saying the request is not a
  // valid message of the method's input type, with `detail` in the message.
  void ExpectRefused(const pb::MethodDescriptor& method, std::string_view token,
                     const std::string& bytes, const std::string& detail) {
    std::string response;
    const grpc::Status status = client().CallPath(PathOf(method), token, bytes, &response);
    EXPECT_TRUE(HasCode(status, StatusCode::INVALID_ARGUMENT)) << PathOf(method);
    const std::string expected = "request is not a valid " + method.input_type()->full_name();
    EXPECT_NE(status.error_message().find(expected), std::string::npos)
        << PathOf(method) << ": " << status.error_message();
    EXPECT_NE(status.error_message().find(detail), std::string::npos)
        << PathOf(method) << ": " << status.error_message();
    EXPECT_EQ(ErrorReason(status), "MALFORMED_REQUEST") << PathOf(method);
  }
};

TEST_P(MalformedRequestTest, EveryMethodRefusesGarbageAndTruncatedBytesAsInvalidArgument) {
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    ExpectRefused(*method, Sopot().head.token, kGarbage, "malformed protobuf encoding");
    ExpectRefused(*method, "", kTruncated, "malformed protobuf encoding");
  }
}

TEST_P(MalformedRequestTest, EveryStringFieldWithInvalidUtf8IsNamed) {
  int refused = 0;
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    std::string field;
    const std::string bytes = InvalidUtf8In(*method->input_type(), &field);
    if (bytes.empty()) continue;
    ExpectRefused(*method, Sopot().worker.token, bytes,
                  "string field " + field + " is not valid UTF-8");
    ++refused;
  }
  // Each service has methods with a string field (ids, filters, names): all three were tried.
  EXPECT_GE(refused, 10);
}

TEST_P(MalformedRequestTest, RefusalsComeBeforeAuthenticationAndLeaveNoAuditRow) {
  const int before = AuditRowCount(client());
  const pb::MethodDescriptor& open = ApiMethod("OpenCase");
  ExpectRefused(open, "not-a-token", kGarbage, "malformed protobuf encoding");
  ExpectRefused(open, Sopot().worker.token, kTruncated, "malformed protobuf encoding");
  ExpectRefused(ApiMethod("GetCentre"), Sopot().worker.token, kGarbage,
                "malformed protobuf encoding");
  // The previous listing's own row, and nothing for the refused requests.
  EXPECT_EQ(AuditRowCount(client()), before + 1);
}

TEST_P(MalformedRequestTest, ManyRefusalsLeaveAtMostAFewLogLinesAndTheHostServesOn) {
  const pb::MethodDescriptor& open = ApiMethod("OpenCase");
  std::string field;
  const std::string utf8 = InvalidUtf8In(*open.input_type(), &field);
  ASSERT_FALSE(utf8.empty());
  const int lines_before = LineCount(host().output());
  for (int i = 0; i < 200; ++i) {
    std::string response;
    const grpc::Status status =
        client().CallPath(PathOf(open), "", i % 2 == 0 ? kGarbage : utf8, &response);
    ASSERT_TRUE(HasCode(status, StatusCode::INVALID_ARGUMENT)) << i;
  }
  const std::string log = host().output();
  EXPECT_LE(LineCount(log) - lines_before, 3) << log;

  v1::ListAssistanceTypesResponse types;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Platform::ListAssistanceTypes,
                                 v1::ListAssistanceTypesRequest(), &types)));
  EXPECT_GT(types.types_size(), 0);
}

// One call of `path` as a streaming client makes it: `message` sent unless nullopt, then
// half-close, one response read (into `response`, if any), and the status.
grpc::Status StreamOnce(const std::shared_ptr<grpc::Channel>& channel, const std::string& path,
                        const std::optional<std::string>& message, std::string* response) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto call = stub.PrepareCall(&context, path, &queue);
  void* tag = nullptr;
  bool ok = false;
  call->StartCall(&queue);
  queue.Next(&tag, &ok);
  if (message) {
    grpc::Slice slice(*message);
    call->Write(grpc::ByteBuffer(&slice, 1), &queue);
    queue.Next(&tag, &ok);
  }
  call->WritesDone(&queue);
  queue.Next(&tag, &ok);
  grpc::ByteBuffer read;
  call->Read(&read, &queue);
  if (queue.Next(&tag, &ok) && ok) {
    grpc::Slice all;
    if (read.DumpToSingleSlice(&all).ok()) {
      response->assign(reinterpret_cast<const char*>(all.begin()), all.size());
    }
  }
  grpc::Status status;
  call->Finish(&status, &queue);
  queue.Next(&tag, &ok);
  return status;
}

// A streaming client may half-close a unary call without sending the request at all.
TEST_P(MalformedRequestTest, ACallWithoutARequestMessageIsRefused) {
  std::string response;
  const grpc::Status status =
      StreamOnce(channel(), PathOf(ApiMethod("GetCase")), std::nullopt, &response);
  EXPECT_TRUE(HasCode(status, StatusCode::INVALID_ARGUMENT)) << Describe(status);
  EXPECT_NE(status.error_message().find("carried no request message"), std::string::npos)
      << status.error_message();

  v1::ListAssistanceTypesResponse types;
  EXPECT_TRUE(IsOk(client().Call(Sopot().worker, &Platform::ListAssistanceTypes,
                                 v1::ListAssistanceTypesRequest(), &types)));
}

// The services gRPC adds itself are untouched by the host's parsing of its own.
TEST_P(MalformedRequestTest, HealthChecksAndReflectionStillAnswer) {
  std::string serving;
  ASSERT_TRUE(IsOk(client().CallPath("/grpc.health.v1.Health/Check", "", "", &serving)));
  EXPECT_EQ(serving, std::string("\x08\x01", 2));  // status: SERVING

  // ServerReflectionRequest{list_services: ""}: field 7, an empty string.
  std::string listed;
  const grpc::Status status =
      StreamOnce(channel(), "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                 std::string("\x3a\x00", 2), &listed);
  ASSERT_TRUE(IsOk(status));
  for (const pb::ServiceDescriptor* service : ApiServices()) {
    EXPECT_NE(listed.find(service->full_name()), std::string::npos) << service->full_name();
  }
}

// Parsing is the host's only here: a valid request of every kind still reaches its handler (the
// rest of the suite covers what each answers); an empty request is a valid proto3 message.
TEST_P(MalformedRequestTest, EmptyRequestsStillReachTheirHandlers) {
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    std::string response;
    const grpc::Status status = client().CallPath(PathOf(*method), "", "", &response);
    EXPECT_TRUE(HasCode(status, StatusCode::UNAUTHENTICATED))
        << PathOf(*method) << ": " << Describe(status);
  }
}

// Malformed requests touch no database: SQLite is enough.
INSTANTIATE_TEST_SUITE_P(Backends, MalformedRequestTest, testing::Values(Backend::kSqlite),
                         BackendName);

}  // namespace
}  // namespace assist::it

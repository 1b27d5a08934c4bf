#pragma once
// A gRPC client of one test host: the four service stubs, and calls made as an identity (its
// bearer token in the "authorization" metadata) with a deadline, so a hung host fails the test
// instead of hanging it. CallMethod reaches any RPC by its descriptor (grpc::GenericStub), for
// tables of RPCs built from the service descriptors.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include "assist/v1/cases.grpc.pb.h"
#include "assist/v1/platform.grpc.pb.h"
#include "assist/v1/staff.grpc.pb.h"
#include "identities.hpp"

namespace assist::it {

using Cases = assist::v1::CaseService::Stub;
using Platform = assist::v1::PlatformService::Stub;
using Audit = assist::v1::AuditService::Stub;
using Staff = assist::v1::StaffService::Stub;

// Adds "authorization: Bearer <token>"; an empty token adds nothing.
void Authorize(grpc::ClientContext& context, std::string_view token);

// PEM texts of a TLS client: the roots it trusts for the server and, for mutual TLS, its own key
// and certificate (both empty: no client certificate).
struct TlsClientSetup {
  std::string root_certs;
  std::string private_key;
  std::string certificate_chain;
};

// A TLS channel to `target` ("127.0.0.1:<port>").
std::shared_ptr<grpc::Channel> TlsChannel(const std::string& target, const TlsClientSetup& tls);

class Client {
 public:
  explicit Client(std::shared_ptr<grpc::Channel> channel);

  // Calls `method` of the matching stub with `token` (empty: no credentials at all).
  template <typename Stub, typename Request, typename Response>
  grpc::Status Call(std::string_view token,
                    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                    const Request& request, Response* response) {
    grpc::ClientContext context;
    Authorize(context, token);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return (StubFor<Stub>().*method)(&context, request, response);
  }

  template <typename Stub, typename Request, typename Response>
  grpc::Status Call(const Identity& who,
                    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                    const Request& request, Response* response) {
    return Call(who.token, method, request, response);
  }

  // Calls `method` of the API with `request` (of its input type); on OK, `response_bytes` holds
  // the serialized response. A non-empty `request_id` is sent as "x-request-id".
  grpc::Status CallMethod(const google::protobuf::MethodDescriptor& method, std::string_view token,
                          const google::protobuf::Message& request, std::string* response_bytes,
                          std::string_view request_id = "");

  // Calls the method at `path` ("/package.Service/Method") with serialized bytes, e.g. a service
  // of gRPC itself such as grpc.health.v1.Health.
  grpc::Status CallPath(const std::string& path, std::string_view token,
                        const std::string& request_bytes, std::string* response_bytes,
                        std::string_view request_id = "");

  // For calls that need a context of their own.
  Cases& cases() { return *cases_; }

 private:
  template <typename Stub>
  Stub& StubFor() {
    if constexpr (std::is_same_v<Stub, Cases>) {
      return *cases_;
    } else if constexpr (std::is_same_v<Stub, Platform>) {
      return *platform_;
    } else if constexpr (std::is_same_v<Stub, Staff>) {
      return *staff_;
    } else {
      static_assert(std::is_same_v<Stub, Audit>, "not a stub of the assist.v1 services");
      return *audit_;
    }
  }

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Cases> cases_;
  std::unique_ptr<Platform> platform_;
  std::unique_ptr<Audit> audit_;
  std::unique_ptr<Staff> staff_;
  std::unique_ptr<grpc::GenericStub> generic_;
};

}  // namespace assist::it

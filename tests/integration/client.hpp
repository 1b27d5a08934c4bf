#pragma once
// A gRPC client of one test host: the three service stubs, and calls made as an identity (its
// bearer token in the "authorization" metadata) with a deadline, so a hung host fails the test
// instead of hanging it.
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string_view>
#include <type_traits>

#include "assist/v1/cases.grpc.pb.h"
#include "assist/v1/platform.grpc.pb.h"
#include "identities.hpp"

namespace assist::it {

using Cases = assist::v1::CaseService::Stub;
using Platform = assist::v1::PlatformService::Stub;
using Audit = assist::v1::AuditService::Stub;

// Adds "authorization: Bearer <token>"; an empty token adds nothing.
void Authorize(grpc::ClientContext& context, std::string_view token);

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

  // For calls that need a context of their own.
  Cases& cases() { return *cases_; }

 private:
  template <typename Stub>
  Stub& StubFor() {
    if constexpr (std::is_same_v<Stub, Cases>) {
      return *cases_;
    } else if constexpr (std::is_same_v<Stub, Platform>) {
      return *platform_;
    } else {
      static_assert(std::is_same_v<Stub, Audit>, "not a stub of the assist.v1 services");
      return *audit_;
    }
  }

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Cases> cases_;
  std::unique_ptr<Platform> platform_;
  std::unique_ptr<Audit> audit_;
};

}  // namespace assist::it

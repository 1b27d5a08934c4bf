#pragma once
// The channel to the host and the calls made over it: each call carries the bearer token and a
// deadline, and a failed call throws an RpcFailure (the status in words, its exit code).
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>

#include "assist/v1/cases.grpc.pb.h"
#include "assist/v1/platform.grpc.pb.h"
#include "failure.hpp"
#include "grpc/health/v1/health.grpc.pb.h"
#include "settings.hpp"

namespace assistctl {

class RpcFailure : public Failure {
 public:
  RpcFailure(const std::string& rpc, const grpc::Status& status, const std::string& address,
             bool polish);
  const grpc::Status& status() const { return status_; }

 private:
  grpc::Status status_;
};

// The channel `settings` describe (plaintext, TLS, or mutual TLS). Unreadable PEM files are a
// UsageError.
std::shared_ptr<grpc::Channel> MakeChannel(const ConnectionSettings& settings);

class Connection {
 public:
  // `polish`: field violations of failures in Polish when the host sent them.
  Connection(ConnectionSettings settings, bool polish);

  assist::v1::PlatformService::Stub& platform() { return *platform_; }
  assist::v1::CaseService::Stub& cases() { return *cases_; }
  assist::v1::AuditService::Stub& audit() { return *audit_; }
  grpc::health::v1::Health::Stub& health() { return *health_; }

  // Calls `method` of `stub`; returns the response or throws RpcFailure naming `rpc`.
  template <typename Stub, typename Request, typename Response>
  Response Call(const std::string& rpc, Stub& stub,
                grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                const Request& request) {
    grpc::ClientContext context;
    Prepare(context);
    Response response;
    const grpc::Status status = (stub.*method)(&context, request, &response);
    if (!status.ok()) throw RpcFailure(rpc, status, settings_.address, polish_);
    return response;
  }

 private:
  void Prepare(grpc::ClientContext& context) const;

  ConnectionSettings settings_;
  bool polish_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<assist::v1::PlatformService::Stub> platform_;
  std::unique_ptr<assist::v1::CaseService::Stub> cases_;
  std::unique_ptr<assist::v1::AuditService::Stub> audit_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
};

}  // namespace assistctl

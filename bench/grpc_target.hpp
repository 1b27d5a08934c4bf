#pragma once
// A gRPC server as a load target (the host or the echo server): each caller has its own channel
// and connection, and makes the calls the assistant of deploy/config/dev.textproto makes.
#include <string>

#include "assist/v1/cases.grpc.pb.h"
#include "load_target.hpp"

namespace assist::bench {

class GrpcTarget final : public Target {
 public:
  GrpcTarget(std::string name, std::string address);
  const std::string& name() const override { return name_; }
  std::unique_ptr<Caller> NewCaller() override;

 private:
  std::string name_;
  std::string address_;
};

// The calls every gRPC caller makes, with the same requests for every target.
grpc::Status CallGetCase(assist::v1::CaseService::Stub& api, long long case_id,
                         assist::v1::CaseDetail& response);
grpc::Status CallRecordContact(assist::v1::CaseService::Stub& api, long long case_id,
                               assist::v1::Contact& response);

// A stub on a connection of its own: channels with equal arguments would otherwise share one.
std::unique_ptr<assist::v1::CaseService::Stub> OwnConnection(const std::string& address);

}  // namespace assist::bench

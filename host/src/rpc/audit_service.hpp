#pragma once
#include "assist/v1/cases.grpc.pb.h"
#include "rpc/call_runner.hpp"

namespace assist::host {

// Read-only access to the caller's audit trail (its centre's, or the platform trail for the
// platform auditor); nothing in the API can change it.
class AuditServiceImpl final : public assist::v1::AuditService::CallbackService {
 public:
  explicit AuditServiceImpl(CallRunner& calls) : calls_(calls) {}

  grpc::ServerUnaryReactor* ListAuditEvents(grpc::CallbackServerContext* context,
                                            const assist::v1::ListAuditEventsRequest* request,
                                            assist::v1::ListAuditEventsResponse* response) override;
  grpc::ServerUnaryReactor* VerifyAuditTrail(
      grpc::CallbackServerContext* context, const assist::v1::VerifyAuditTrailRequest* request,
      assist::v1::VerifyAuditTrailResponse* response) override;

 private:
  CallRunner& calls_;
};

}  // namespace assist::host

#include "rpc/audit_service.hpp"

#include <memory>

#include "domain/audit_events.hpp"

namespace assist::host {

grpc::ServerUnaryReactor* AuditServiceImpl::ListAuditEvents(
    grpc::CallbackServerContext* context, const assist::v1::ListAuditEventsRequest* request,
    assist::v1::ListAuditEventsResponse* response) {
  return calls_.RunRead(context, "ListAuditEvents", *request,
                        [=](const Identity& who, Transaction& tx) {
                          *response = ::assist::host::ListAuditEvents(tx, who, *request);
                        });
}

grpc::ServerUnaryReactor* AuditServiceImpl::VerifyAuditTrail(
    grpc::CallbackServerContext* context, const assist::v1::VerifyAuditTrailRequest* request,
    assist::v1::VerifyAuditTrailResponse* response) {
  // The walk reads the whole trail: in a snapshot of its own, not in the call's transaction,
  // which on SQLite holds the write lock every other write waits for.
  auto checked = std::make_shared<TrailVerification>();
  return calls_.Run(
      context, "VerifyAuditTrail", *request,
      [checked](const Identity& who, Transaction& snapshot) {
        *checked = VerifyTrail(snapshot.sql(), who.centre_id);
      },
      [=](const Identity& who, Transaction& tx) {
        *response = RecordTrailVerification(tx, who, *checked);
      });
}

}  // namespace assist::host

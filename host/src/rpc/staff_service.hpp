#pragma once
#include "assist/v1/staff.grpc.pb.h"
#include "domain/staff_register.hpp"
#include "rpc/call_runner.hpp"

namespace assist::host {

// Thin gRPC face of the staff register: each RPC hands its request to StaffRegister through the
// CallRunner, which authenticates, authorizes and transacts.
class StaffServiceImpl final : public assist::v1::StaffService::CallbackService {
 public:
  StaffServiceImpl(CallRunner& calls, const StaffRegister& staff) : calls_(calls), staff_(staff) {}

  grpc::ServerUnaryReactor* RegisterStaffMember(
      grpc::CallbackServerContext* context, const assist::v1::RegisterStaffMemberRequest* request,
      assist::v1::StaffMember* response) override;
  grpc::ServerUnaryReactor* UpdateStaffMember(grpc::CallbackServerContext* context,
                                              const assist::v1::UpdateStaffMemberRequest* request,
                                              assist::v1::StaffMember* response) override;
  grpc::ServerUnaryReactor* GetStaffMember(grpc::CallbackServerContext* context,
                                           const assist::v1::GetStaffMemberRequest* request,
                                           assist::v1::StaffMember* response) override;
  grpc::ServerUnaryReactor* ListStaffMembers(
      grpc::CallbackServerContext* context, const assist::v1::ListStaffMembersRequest* request,
      assist::v1::ListStaffMembersResponse* response) override;
  grpc::ServerUnaryReactor* SetCaseloadLimit(grpc::CallbackServerContext* context,
                                             const assist::v1::SetCaseloadLimitRequest* request,
                                             assist::v1::CaseloadLimit* response) override;
  grpc::ServerUnaryReactor* ListCaseloads(grpc::CallbackServerContext* context,
                                          const assist::v1::ListCaseloadsRequest* request,
                                          assist::v1::ListCaseloadsResponse* response) override;

 private:
  CallRunner& calls_;
  const StaffRegister& staff_;
};

}  // namespace assist::host

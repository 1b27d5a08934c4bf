#include "rpc/staff_service.hpp"

#include "rpc/rpc_method.hpp"

namespace assist::host {

#define ASSIST_STAFF_RPC(...) \
  ASSIST_RPC(StaffServiceImpl, ASSIST_COMMA(this, request, response), __VA_ARGS__)
#define ASSIST_STAFF_READ(...) \
  ASSIST_READ_RPC(StaffServiceImpl, ASSIST_COMMA(this, request, response), __VA_ARGS__)

ASSIST_STAFF_RPC(RegisterStaffMember, RegisterStaffMemberRequest, StaffMember,
                 staff_.Register(tx, who, *request))
ASSIST_STAFF_RPC(UpdateStaffMember, UpdateStaffMemberRequest, StaffMember,
                 staff_.Update(tx, who, *request))
ASSIST_STAFF_READ(GetStaffMember, GetStaffMemberRequest, StaffMember, staff_.Get(tx, who, *request))
ASSIST_STAFF_READ(ListStaffMembers, ListStaffMembersRequest, ListStaffMembersResponse,
                  staff_.List(tx, who, *request))
ASSIST_STAFF_RPC(SetCaseloadLimit, SetCaseloadLimitRequest, CaseloadLimit,
                 staff_.SetCaseloadLimit(tx, who, *request))
ASSIST_STAFF_READ(ListCaseloads, ListCaseloadsRequest, ListCaseloadsResponse,
                  staff_.ListCaseloads(tx, who, *request))

#undef ASSIST_STAFF_READ
#undef ASSIST_STAFF_RPC

}  // namespace assist::host

#pragma once
// The staff register of a centre (proto/assist/v1/staff.proto): the head (or the operator, for any
// centre) registers and updates assistants and social workers, everyone of the centre reads them;
// the caseload limits per type and the loads; and the checks AssignAssistant makes of the
// assistant it is given.
#include <string>

#include "assist/host/v1/config.pb.h"
#include "assist/v1/cases.pb.h"
#include "assist/v1/staff.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

class StaffRegister {
 public:
  explicit StaffRegister(const PluginRegistry& registry) : registry_(registry) {}

  assist::v1::StaffMember Register(Transaction& tx, const Identity& who,
                                   const assist::v1::RegisterStaffMemberRequest& request) const;
  assist::v1::StaffMember Update(Transaction& tx, const Identity& who,
                                 const assist::v1::UpdateStaffMemberRequest& request) const;
  assist::v1::StaffMember Get(Transaction& tx, const Identity& who,
                              const assist::v1::GetStaffMemberRequest& request) const;
  assist::v1::ListStaffMembersResponse List(
      Transaction& tx, const Identity& who,
      const assist::v1::ListStaffMembersRequest& request) const;
  assist::v1::CaseloadLimit SetCaseloadLimit(
      Transaction& tx, const Identity& who,
      const assist::v1::SetCaseloadLimitRequest& request) const;
  assist::v1::ListCaseloadsResponse ListCaseloads(
      Transaction& tx, const Identity& who, const assist::v1::ListCaseloadsRequest& request) const;

  // The member `login` of the case's centre, who may take the case in `role`: registered (else
  // NOT_FOUND on `field`), an active assistant serving the case's type, and, as primary or
  // co-assistant, below the type's caseload limit (else FAILED_PRECONDITION with an ErrorInfo
  // reason). A substitute stands in for a primary whose load counts the case already, so that a
  // colleague with a full caseload can still cover a leave. Locks the member's row.
  assist::v1::StaffMember RequireAssignable(Transaction& tx, const assist::v1::Case& c,
                                            const std::string& login, const std::string& field,
                                            assist::v1::AssignmentRole role) const;

  // The members the configuration lists that the centre has no member with that login for.
  void Bootstrap(Transaction& tx, const assist::host::v1::BootstrapCentre& centre,
                 std::vector<std::string>& changes) const;

  // The limit that applies to the type in the centre: the centre's own, else the type's (0: none).
  int EffectiveLimit(Transaction& tx, const std::string& centre_id,
                     const std::string& type_id) const;

 private:
  int TypeLimit(const std::string& type_id) const;
  void Validate(const assist::v1::StaffMember& member) const;

  const PluginRegistry& registry_;
};

// The full name of `login` in the centre's register, or `login` itself when it is not registered
// (cases assigned before the register existed).
std::string StaffDisplayName(Transaction& tx, const std::string& centre_id,
                             const std::string& login);

}  // namespace assist::host

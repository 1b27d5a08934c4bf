#pragma once
// Transfers of a case to another centre of the platform (CaseService.TransferCase and the
// receiving head's AcceptTransfer / DeclineTransfer, the sender's CancelTransfer, and
// ListTransfers). A transfer is seen by the heads of the two centres it joins and by no one else
// (NOT_FOUND, worded as one that does not exist). Accepting one registers the subject at the
// receiving centre, opens a case of the same type there with copies of the origin's current intake
// and plan in force, and closes the origin TRANSFERRED on the transfer date, in the caller's
// transaction. Each operation audits itself: a row in each centre's trail, naming the other
// centre's case id in its detail.
//
// Which centres exist, and which types a centre has enabled, are platform facts a head may learn
// here (they are needed to address a transfer): an unknown centre is FAILED_PRECONDITION
// RECEIVING_CENTRE_UNKNOWN, "no such centre on the platform", and nothing about any centre's
// people or cases is in any refusal.
#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "domain/centres.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

class CaseTransfers {
 public:
  CaseTransfers(const PluginRegistry& registry, const Centres& centres)
      : registry_(registry), centres_(centres) {}

  assist::v1::CaseTransfer TransferCase(Transaction& tx, const Identity& who,
                                        const assist::v1::TransferCaseRequest& request) const;
  assist::v1::CaseTransfer AcceptTransfer(Transaction& tx, const Identity& who,
                                          const assist::v1::AcceptTransferRequest& request) const;
  assist::v1::CaseTransfer DeclineTransfer(Transaction& tx, const Identity& who,
                                           const assist::v1::DeclineTransferRequest& request) const;
  assist::v1::CaseTransfer CancelTransfer(Transaction& tx, const Identity& who,
                                          const assist::v1::CancelTransferRequest& request) const;
  assist::v1::ListTransfersResponse ListTransfers(
      Transaction& tx, const Identity& who, const assist::v1::ListTransfersRequest& request) const;

 private:
  const LoadedPlugin& TransferablePlugin(const std::string& type_id, long long case_id) const;
  void RequireReceiverRunsType(Transaction& tx, const std::string& centre_id,
                               const std::string& type_id) const;

  const PluginRegistry& registry_;
  const Centres& centres_;
};

}  // namespace assist::host

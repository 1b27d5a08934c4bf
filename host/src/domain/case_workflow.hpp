#pragma once
// The shared lifecycle of a case (DOMAIN.md "What every type shares"), with the state rules the
// host enforces for every assistance type. Each operation runs inside the caller's transaction,
// audits itself, and throws RpcError for anything it refuses (the transaction then rolls back).
#include <cstddef>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "domain/centres.hpp"
#include "domain/data_rights.hpp"
#include "domain/outreach.hpp"
#include "domain/staff_register.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

class CaseWorkflow {
 public:
  CaseWorkflow(const PluginRegistry& registry, const Centres& centres, int retention_years = 10,
               int outreach_retention_days = 90)
      : registry_(registry),
        centres_(centres),
        staff_(registry),
        outreach_(registry, centres, outreach_retention_days),
        retention_years_(retention_years) {}

  // Street outreach before a case exists, and its retention.
  const Outreach& outreach() const { return outreach_; }

  assist::v1::Case OpenCase(Transaction& tx, const Identity& who,
                            const assist::v1::OpenCaseRequest& request) const;
  assist::v1::Case AssignAssistant(Transaction& tx, const Identity& who,
                                   const assist::v1::AssignAssistantRequest& request) const;
  assist::v1::Case EndAssignment(Transaction& tx, const Identity& who,
                                 const assist::v1::EndAssignmentRequest& request) const;
  assist::v1::Case RecordConsent(Transaction& tx, const Identity& who,
                                 const assist::v1::RecordConsentRequest& request) const;
  assist::v1::Case SubmitIntake(Transaction& tx, const Identity& who,
                                const assist::v1::SubmitIntakeRequest& request) const;
  assist::v1::PlanVersion SubmitPlan(Transaction& tx, const Identity& who,
                                     const assist::v1::SubmitPlanRequest& request) const;
  // The head of the centre's decision on the latest plan version of a type whose plans need it.
  assist::v1::PlanVersion ApprovePlan(Transaction& tx, const Identity& who,
                                      const assist::v1::ApprovePlanRequest& request) const;
  assist::v1::Contact RecordContact(Transaction& tx, const Identity& who,
                                    const assist::v1::RecordContactRequest& request) const;
  assist::v1::Review RecordReview(Transaction& tx, const Identity& who,
                                  const assist::v1::RecordReviewRequest& request) const;
  assist::v1::Case CloseCase(Transaction& tx, const Identity& who,
                             const assist::v1::CloseCaseRequest& request) const;
  assist::v1::Case StartMonitoring(Transaction& tx, const Identity& who,
                                   const assist::v1::StartMonitoringRequest& request) const;
  assist::v1::Case EndMonitoring(Transaction& tx, const Identity& who,
                                 const assist::v1::EndMonitoringRequest& request) const;
  // The host's own end of monitoring (the daily sweep, as `host`): at most `limit` of the
  // centre's monitored cases whose last day of monitoring is before `today` end, each audited as
  // EndMonitoring. Returns their ids.
  std::vector<long long> EndLapsedMonitoring(Transaction& tx, const Identity& host,
                                             const sdk::Date& today, std::size_t limit) const;
  // The RPC anonymises everything due at once; the background sweep passes a batch limit.
  assist::v1::ApplyRetentionResponse ApplyRetention(
      Transaction& tx, const Identity& who, const assist::v1::ApplyRetentionRequest& request,
      const RetentionBatch& batch = {}) const;

 private:
  const LoadedPlugin& PluginOf(const assist::v1::Case& c) const;

  const PluginRegistry& registry_;
  const Centres& centres_;
  StaffRegister staff_;  // whom AssignAssistant accepts
  Outreach outreach_;
  int retention_years_;  // <= 0: never anonymise
};

}  // namespace assist::host

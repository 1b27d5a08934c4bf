#include "domain/step_pipeline.hpp"

#include "audit/audit_log.hpp"
#include "domain/case_store.hpp"

namespace assist::host {

StepResult RunStep(PluginCall& call, assist::v1::Case& c, StepPayload payload,
                   const StoreStep& store) {
  StepResult result;
  const google::protobuf::Message* message = payload.message.get();
  if (message != nullptr) result.warnings = call.Validate(payload.step, *message, payload.field);
  if (store) store(message);
  if (message != nullptr) {
    for (auto& w : call.Accepted(payload.step, *message)) result.warnings.push_back(std::move(w));
    call.Adopt(payload.step, std::move(payload.message));
  }
  call.Refresh(c);
  result.next_review_due = call.NextReviewDue();
  c.set_next_review_due(result.next_review_due);
  return result;
}

void SaveStep(Transaction& tx, const Identity& who, const assist::v1::Case& c,
              const std::string& rpc, const std::string& detail) {
  const std::string changed = UpdateCase(tx, c);
  AppendAudit(tx, who, rpc, c.id(), AuditAction::kWrite,
              changed.empty() ? detail : detail + "; " + changed);
}

assist::v1::Case SaveStepAndReload(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                                   const std::string& rpc, const std::string& detail,
                                   std::vector<assist::v1::Warning> warnings) {
  SaveStep(tx, who, c, rpc, detail);
  assist::v1::Case stored = *FindCase(tx, who.centre_id, c.id());
  AddWarnings(std::move(warnings), *stored.mutable_warnings());
  return stored;
}

void AddWarnings(std::vector<assist::v1::Warning> warnings,
                 google::protobuf::RepeatedPtrField<assist::v1::Warning>& to) {
  for (auto& w : warnings) *to.Add() = std::move(w);
}

}  // namespace assist::host

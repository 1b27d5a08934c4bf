#pragma once
// GetCase and RecordContact as the host's SQL alone: the statements the host runs for them
// (host/src/domain/case_store.cpp, case_queries.cpp, case_workflow.cpp, plugin_bridge.cpp,
// step_records.cpp, step_pipeline.cpp, audit/audit_log.cpp), each prepared once on one session and
// reused, one transaction per call as the host begins and commits it, the hash-chained audit row
// included. No gRPC, no authentication, no plugin and no JSON: what the database alone allows.
// The family plugin has no centre settings, so RecordContact reads none, as in the host.
#include <soci/soci.h>

#include <string>

#include "audit/audit_chain.hpp"

namespace assist::bench {

class RawCaseCalls {
 public:
  // Calls as the dev configuration's assistant of the Sopot centre; `tag` names this caller in
  // the audit rows' request ids.
  RawCaseCalls(soci::session& sql, bool postgresql, std::string tag);
  RawCaseCalls(const RawCaseCalls&) = delete;
  RawCaseCalls& operator=(const RawCaseCalls&) = delete;

  // Each throws (after ROLLBACK) when a statement fails or the case is not the assistant's.
  void GetCase(long long case_id);
  void RecordContact(long long case_id);

 private:
  struct CaseRow {
    long long id = 0, person_id = 0, family_id = 0;
    soci::indicator person_ind = soci::i_null, family_ind = soci::i_null;
    int status = 0, consent = 0, intake_version = 0, plan_version = 0, closure_reason = 0;
    std::string centre_id, type_id, referred_by, referral_reason, referred_on, assistant_id,
        assigned_on, consent_on, work_started_on, last_review_on, next_review_due, closed_on,
        monitoring_until, created_at, updated_at;
  };
  struct Document {
    long long case_id = 0;
    std::string kind;
    int version = 0, wanted_version = 0;
    std::string type_name, json, submitted_by, submitted_at;
  };
  struct Head {
    long long seq = 0, genesis_rows = 0;
    std::string hash, genesis_hash;
  };

  soci::statement SelectCase(const std::string& text);
  template <typename Work>
  void InTransaction(Work work);
  void LoadVisibleCase(soci::statement& select, long long case_id);
  void FindDocument(long long case_id, const char* kind);
  void AppendAudit(const char* rpc, long long case_id, const char* action, std::string detail);

  soci::session& sql_;
  const bool postgresql_;
  const std::string tag_;
  long long calls_ = 0;
  const std::string centre_;
  // What the statements read and write: bound once, so these never move.
  long long key_ = 0;
  CaseRow row_;
  Document document_;
  std::string contact_on_, notes_, empty_;
  int contact_kind_ = 0, contact_minutes_ = 0;
  long long contact_id_ = 0;
  std::string now_;
  Head head_;
  host::AuditRecord audit_;
  soci::statement select_case_, select_case_for_update_, find_document_, insert_contact_,
      update_case_, read_head_, insert_audit_, update_head_;
};

}  // namespace assist::bench

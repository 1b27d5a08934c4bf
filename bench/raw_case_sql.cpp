#include "raw_case_sql.hpp"

#include <stdexcept>

#include "assist/v1/cases.pb.h"
#include "case_setup.hpp"
#include "store/case_repository.hpp"
#include "util/clock.hpp"

namespace assist::bench {
namespace {

// The host's own column list, so the baseline reads exactly what FindCase reads.
const std::string kSelectCase = std::string("SELECT ") + host::kCaseColumns +
                                " FROM cases WHERE id = :id AND centre_id = :centre";

// Executes `st` and steps it to its end: a statement left on its row would keep SQLite's read
// snapshot (the next BEGIN IMMEDIATE then fails at once with SQLITE_BUSY_SNAPSHOT), and an
// INSERT ... RETURNING left there stops COMMIT.
bool ExecuteToEnd(soci::statement& st) {
  const bool got = st.execute(true);
  if (got) st.fetch();
  return got;
}

}  // namespace

// `text` (kSelectCase, perhaps with FOR UPDATE) prepared with its columns bound to `r`.
soci::statement RawCaseCalls::SelectCase(const std::string& text) {
  CaseRow& r = row_;
  soci::statement st(sql_);
  st.alloc();
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.centre_id));
  st.exchange(soci::into(r.type_id));
  st.exchange(soci::into(r.person_id, r.person_ind));
  st.exchange(soci::into(r.family_id, r.family_ind));
  st.exchange(soci::into(r.status));
  st.exchange(soci::into(r.referred_by));
  st.exchange(soci::into(r.referral_reason));
  st.exchange(soci::into(r.referred_on));
  st.exchange(soci::into(r.assistant_id));
  st.exchange(soci::into(r.assigned_on));
  st.exchange(soci::into(r.consent));
  st.exchange(soci::into(r.consent_on));
  st.exchange(soci::into(r.work_started_on));
  st.exchange(soci::into(r.intake_version));
  st.exchange(soci::into(r.plan_version));
  st.exchange(soci::into(r.last_review_on));
  st.exchange(soci::into(r.next_review_due));
  st.exchange(soci::into(r.closed_on));
  st.exchange(soci::into(r.closure_reason));
  st.exchange(soci::into(r.monitoring_until));
  st.exchange(soci::into(r.created_at));
  st.exchange(soci::into(r.updated_at));
  st.exchange(soci::use(key_));
  st.exchange(soci::use(centre_));
  st.prepare(text);
  st.define_and_bind();
  return st;
}

RawCaseCalls::RawCaseCalls(soci::session& sql, bool postgresql, std::string tag)
    : sql_(sql),
      postgresql_(postgresql),
      tag_(std::move(tag)),
      centre_(kCentreId),
      select_case_(SelectCase(kSelectCase)),
      select_case_for_update_(SelectCase(kSelectCase + (postgresql ? " FOR UPDATE" : ""))),
      find_document_(
          (sql.prepare
               << "SELECT version, type_name, payload_json, submitted_by, submitted_at "
                  "FROM case_documents WHERE case_id = :c AND kind = :k AND (version = :v OR "
                  "(:v2 = 0 AND version = (SELECT MAX(version) FROM case_documents WHERE "
                  "case_id = :c2 AND kind = :k2)))",
           soci::use(document_.case_id), soci::use(document_.kind),
           soci::use(document_.wanted_version), soci::use(document_.wanted_version),
           soci::use(document_.case_id), soci::use(document_.kind), soci::into(document_.version),
           soci::into(document_.type_name), soci::into(document_.json),
           soci::into(document_.submitted_by), soci::into(document_.submitted_at))),
      insert_contact_((
          sql.prepare << "INSERT INTO contacts (case_id, contact_on, kind, duration_minutes, "
                         "place, notes, details_type, details_json, recorded_by, recorded_at) "
                         "VALUES (:c, :o, :k, :d, :p, :n, :dt, :dj, :b, :a) RETURNING id",
          soci::use(key_), soci::use(contact_on_), soci::use(contact_kind_),
          soci::use(contact_minutes_), soci::use(empty_), soci::use(notes_), soci::use(empty_),
          soci::use(empty_), soci::use(audit_.actor_id), soci::use(now_), soci::into(contact_id_))),
      update_case_(
          (sql.prepare
               << "UPDATE cases SET status = :s, assistant_id = :a, assigned_on = :ao, consent = "
                  ":co, consent_on = :con, work_started_on = :ws, intake_version = :iv, "
                  "plan_version = :pv, last_review_on = :lr, next_review_due = :nd, closed_on = "
                  ":cl, closure_reason = :cr, monitoring_until = :mu, updated_at = :u WHERE id = "
                  ":id AND centre_id = :centre",
           soci::use(row_.status), soci::use(row_.assistant_id), soci::use(row_.assigned_on),
           soci::use(row_.consent), soci::use(row_.consent_on), soci::use(row_.work_started_on),
           soci::use(row_.intake_version), soci::use(row_.plan_version),
           soci::use(row_.last_review_on), soci::use(row_.next_review_due),
           soci::use(row_.closed_on), soci::use(row_.closure_reason),
           soci::use(row_.monitoring_until), soci::use(now_), soci::use(key_), soci::use(centre_))),
      read_head_((sql.prepare << std::string("SELECT seq, hash, genesis_rows, genesis_hash FROM "
                                             "audit_chain_heads WHERE centre_id = :c") +
                                     (postgresql ? " FOR UPDATE" : ""),
                  soci::use(centre_), soci::into(head_.seq), soci::into(head_.hash),
                  soci::into(head_.genesis_rows), soci::into(head_.genesis_hash))),
      insert_audit_(
          (sql.prepare << "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, "
                          "action, detail, request_id, seq, hash) VALUES (:at, :actor, :role, "
                          ":centre, :rpc, :case_id, :action, :detail, :rid, :seq, :hash)",
           soci::use(audit_.at), soci::use(audit_.actor_id), soci::use(audit_.role),
           soci::use(audit_.centre_id), soci::use(audit_.rpc), soci::use(audit_.case_id),
           soci::use(audit_.action), soci::use(audit_.detail), soci::use(audit_.request_id),
           soci::use(audit_.seq), soci::use(audit_.hash))),
      update_head_((sql.prepare << "UPDATE audit_chain_heads SET seq = :s, hash = :h WHERE "
                                   "centre_id = :c",
                    soci::use(audit_.seq), soci::use(audit_.hash), soci::use(centre_))) {
  audit_.centre_id = centre_;
  audit_.actor_id = kAssistantId;
  audit_.role = assist::v1::ROLE_ASSISTANT;
  notes_ = "wizyta kontrolna";
  contact_kind_ = assist::v1::CONTACT_KIND_HOME_VISIT;
  contact_minutes_ = 60;
}

template <typename Work>
void RawCaseCalls::InTransaction(Work work) {
  sql_ << (postgresql_ ? "BEGIN" : "BEGIN IMMEDIATE");
  try {
    work();
    sql_ << "COMMIT";
  } catch (...) {
    try {
      sql_ << "ROLLBACK";
    } catch (const soci::soci_error&) {
      // The transaction's own error is the one worth reporting.
    }
    throw;
  }
}

void RawCaseCalls::LoadVisibleCase(soci::statement& select, long long case_id) {
  key_ = case_id;
  if (!ExecuteToEnd(select) || row_.assistant_id != audit_.actor_id) {
    throw std::runtime_error("case " + std::to_string(case_id) + " not found");
  }
}

void RawCaseCalls::FindDocument(long long case_id, const char* kind) {
  document_.case_id = case_id;
  document_.kind = kind;
  ExecuteToEnd(find_document_);
}

void RawCaseCalls::AppendAudit(const char* rpc, long long case_id, const char* action,
                               std::string detail) {
  if (!ExecuteToEnd(read_head_)) {
    throw std::runtime_error("the centre's audit chain has not begun: let the host serve first");
  }
  audit_.at = host::NowTimestamp();
  audit_.rpc = rpc;
  audit_.case_id = case_id;
  audit_.action = action;
  audit_.detail = std::move(detail);
  audit_.request_id = tag_ + "-" + std::to_string(++calls_);
  audit_.seq = head_.seq + 1;
  audit_.hash = host::LinkHash(head_.hash, audit_);
  insert_audit_.execute(true);
  update_head_.execute(true);
}

void RawCaseCalls::GetCase(long long case_id) {
  InTransaction([&] {
    LoadVisibleCase(select_case_, case_id);
    FindDocument(case_id, "intake");
    FindDocument(case_id, "plan");
    FindDocument(case_id, "outcome");
    AppendAudit("GetCase", case_id, "read", "case detail");
  });
}

void RawCaseCalls::RecordContact(long long case_id) {
  InTransaction([&] {
    LoadVisibleCase(select_case_for_update_, case_id);
    FindDocument(case_id, "intake");  // the plugin's context: the current intake and plan
    FindDocument(case_id, "plan");
    now_ = host::NowTimestamp();
    contact_on_ = now_.substr(0, 10);
    ExecuteToEnd(insert_contact_);
    LoadVisibleCase(select_case_, case_id);  // UpdateCase reads the stored row to name changes
    now_ = host::NowTimestamp();
    update_case_.execute(true);
    AppendAudit("RecordContact", case_id, "write", "contact " + std::to_string(contact_id_));
  });
}

}  // namespace assist::bench

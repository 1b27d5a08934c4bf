#include "audit/audit_log.hpp"

#include "util/clock.hpp"

namespace assist::host {

void AppendAudit(soci::session& sql, const Identity& who, std::string_view rpc, long long case_id,
                 AuditAction action, std::string_view detail) {
  std::string at = NowTimestamp();
  std::string rpc_name(rpc);
  std::string action_name = action == AuditAction::kRead     ? "read"
                            : action == AuditAction::kWrite  ? "write"
                            : action == AuditAction::kDenied ? "denied"
                                                             : "rejected";
  std::string detail_text(detail);
  int role = who.role;
  sql << "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, detail, "
         "request_id) VALUES (:at, :actor, :role, :centre, :rpc, :case_id, :action, :detail, :rid)",
      soci::use(at), soci::use(who.actor_id), soci::use(role), soci::use(who.centre_id),
      soci::use(rpc_name), soci::use(case_id), soci::use(action_name), soci::use(detail_text),
      soci::use(who.request_id);
}

std::vector<assist::v1::AuditEvent> QueryAudit(soci::session& sql, const std::string& centre_id,
                                               long long case_id, const std::string& actor_id,
                                               long long before_id, int limit) {
  std::vector<assist::v1::AuditEvent> events;
  long long id = 0, row_case = 0;
  int role = 0;
  std::string at, actor, rpc, action, detail, request_id;
  // Optional filters are bound as values; 0 / '' mean "any" so the statement text never varies.
  soci::statement st =
      (sql.prepare << "SELECT id, at, actor_id, role, rpc, case_id, action, detail, request_id "
                      "FROM audit_events WHERE centre_id = :centre "
                      "AND (:case_id = 0 OR case_id = :case_id2) "
                      "AND (:actor = '' OR actor_id = :actor2) "
                      "AND (:before = 0 OR id < :before2) ORDER BY id DESC LIMIT :limit",
       soci::into(id), soci::into(at), soci::into(actor), soci::into(role), soci::into(rpc),
       soci::into(row_case), soci::into(action), soci::into(detail), soci::into(request_id),
       soci::use(centre_id), soci::use(case_id), soci::use(case_id), soci::use(actor_id),
       soci::use(actor_id), soci::use(before_id), soci::use(before_id), soci::use(limit));
  st.execute();
  while (st.fetch()) {
    auto& e = events.emplace_back();
    e.set_id(id);
    e.set_at(at);
    e.set_actor_id(actor);
    e.set_role(static_cast<assist::v1::Role>(role));
    e.set_centre_id(centre_id);
    e.set_rpc(rpc);
    e.set_case_id(row_case);
    e.set_action(action);
    e.set_detail(detail);
    e.set_request_id(request_id);
  }
  return events;
}

}  // namespace assist::host

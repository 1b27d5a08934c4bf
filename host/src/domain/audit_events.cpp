#include "domain/audit_events.hpp"

#include <utility>

#include "domain/errors.hpp"
#include "domain/page.hpp"
#include "domain/request_checks.hpp"

namespace assist::host {
namespace {

assist::v1::AuditChainBreak::Kind KindOf(ChainBreakKind kind) {
  switch (kind) {
    case ChainBreakKind::kContentRewritten:
      return assist::v1::AuditChainBreak::KIND_CONTENT_REWRITTEN;
    case ChainBreakKind::kRowMissing:
      return assist::v1::AuditChainBreak::KIND_ROW_MISSING;
    case ChainBreakKind::kRowsReordered:
      return assist::v1::AuditChainBreak::KIND_ROWS_REORDERED;
    case ChainBreakKind::kForgedRow:
      return assist::v1::AuditChainBreak::KIND_FORGED_ROW;
  }
  return assist::v1::AuditChainBreak::KIND_UNSPECIFIED;
}

}  // namespace

assist::v1::ListAuditEventsResponse ListAuditEvents(
    Transaction& tx, const Identity& who, const assist::v1::ListAuditEventsRequest& request) {
  sdk::Violations v;
  CheckIdFilter(v, request.actor_id(), "actor_id");
  if (!v.empty()) ThrowInvalid(v.list());
  const int limit = PageSize(request.page_size(), 100, 1000);
  const long long before = IdFromPageToken(request.page_token());
  auto page = MakePage(QueryAudit(tx.sql(), who.centre_id, request.case_id(), request.actor_id(),
                                  before, FetchLimit(limit)),
                       limit, [](const assist::v1::AuditEvent& e) { return IdKey(e.id()); });
  assist::v1::ListAuditEventsResponse response;
  for (auto& event : page.items) *response.add_events() = std::move(event);
  response.set_next_page_token(page.next_page_token);
  // Reading the trail is itself recorded.
  AppendAudit(tx, who, "ListAuditEvents", request.case_id(), AuditAction::kRead,
              std::to_string(response.events_size()) + " events");
  return response;
}

assist::v1::VerifyAuditTrailResponse RecordTrailVerification(Transaction& tx, const Identity& who,
                                                             const TrailVerification& checked) {
  assist::v1::VerifyAuditTrailResponse response;
  response.set_intact(!checked.first_break.has_value());
  response.set_rows_checked(checked.rows_checked);
  response.set_pre_chain_rows(checked.pre_chain_rows);
  response.set_head_sequence(checked.head.seq);
  response.set_head_hash(checked.head.hash);
  std::string outcome = "intact";
  if (const auto& broken = checked.first_break) {
    auto* first = response.mutable_first_break();
    first->set_kind(KindOf(broken->kind));
    first->set_sequence(broken->seq);
    first->set_event_id(broken->event_id);
    first->set_detail(broken->detail);
    outcome = "broken at sequence " + std::to_string(broken->seq) + ": " +
              assist::v1::AuditChainBreak::Kind_Name(first->kind());
  }
  AppendAudit(tx, who, "VerifyAuditTrail", 0, AuditAction::kRead,
              std::to_string(checked.rows_checked) + " rows checked, " + outcome);
  return response;
}

}  // namespace assist::host

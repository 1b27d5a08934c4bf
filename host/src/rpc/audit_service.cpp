#include "rpc/audit_service.hpp"

#include "audit/audit_log.hpp"
#include "domain/errors.hpp"
#include "domain/page_token.hpp"
#include "domain/request_checks.hpp"

namespace assist::host {

grpc::ServerUnaryReactor* AuditServiceImpl::ListAuditEvents(
    grpc::CallbackServerContext* context, const assist::v1::ListAuditEventsRequest* request,
    assist::v1::ListAuditEventsResponse* response) {
  return calls_.Run(
      context, "ListAuditEvents", *request, [=](const Identity& who, Transaction& tx) {
        sdk::Violations v;
        CheckIdFilter(v, request->actor_id(), "actor_id");
        if (!v.empty()) ThrowInvalid(v.list());
        int limit = PageSize(request->page_size(), 100, 1000);
        long long before = 0;
        if (!request->page_token().empty()) {
          try {
            before = std::stoll(DecodePageToken(request->page_token()));
          } catch (const std::logic_error&) {
            ThrowInvalid("page_token", "is not a token this server issued",
                         "nie jest tokenem wydanym przez ten serwer");
          }
        }
        auto events = QueryAudit(tx.sql(), who.centre_id, request->case_id(), request->actor_id(),
                                 before, limit + 1);
        for (std::size_t i = 0; i < events.size() && i < static_cast<std::size_t>(limit); ++i) {
          *response->add_events() = std::move(events[i]);
        }
        if (events.size() > static_cast<std::size_t>(limit)) {
          response->set_next_page_token(
              EncodePageToken(std::to_string(response->events().rbegin()->id())));
        }
        // Reading the trail is itself recorded.
        AppendAudit(tx.sql(), who, "ListAuditEvents", request->case_id(), AuditAction::kRead,
                    std::to_string(response->events_size()) + " events");
      });
}

}  // namespace assist::host

#include "domain/case_transfers.hpp"

#include <assist/plugin/checks.hpp>
#include <assist/plugin/validation.hpp>
#include <stdexcept>

#include "audit/audit_log.hpp"
#include "domain/case_rules.hpp"
#include "domain/case_store.hpp"
#include "domain/closure_reasons.hpp"
#include "domain/errors.hpp"
#include "domain/page.hpp"
#include "domain/plan_approval.hpp"
#include "domain/request_checks.hpp"
#include "domain/step_pipeline.hpp"
#include "domain/transfer_subject.hpp"
#include "store/centre_repository.hpp"
#include "store/transfer_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using assist::v1::Case;
using assist::v1::CaseTransfer;

constexpr std::size_t kMaxReasonBytes = 4000;
// How far ahead a transfer may be planned: a typo of a year would hold the case for decades.
constexpr int kMaxDaysAhead = 366;

std::string TransferRef(long long id) { return "transfer " + std::to_string(id); }
std::string Subject(const CaseTransfer& t) { return "transfers/" + std::to_string(t.id()); }

// `who`, writing in the trail of `centre_id` (the other centre a transfer joins).
Identity InTrailOf(const Identity& who, const std::string& centre_id) {
  Identity in = who;
  in.centre_id = centre_id;
  return in;
}

CaseTransfer AsSeenBy(const StoredTransfer& stored, const std::string& centre_id) {
  CaseTransfer t = stored.transfer;
  t.set_direction(t.from_centre_id() == centre_id ? assist::v1::TRANSFER_DIRECTION_OUTGOING
                                                  : assist::v1::TRANSFER_DIRECTION_INCOMING);
  return t;
}

// The transfer if the caller's centre sends or receives it; NOT_FOUND otherwise.
StoredTransfer LoadTransfer(Transaction& tx, const Identity& who, long long id) {
  auto found = FindTransferForUpdate(tx, who.centre_id, id);
  if (!found) ThrowNotFound("transfer", std::to_string(id));
  return *found;
}

void RequirePending(const CaseTransfer& t) {
  if (t.state() != assist::v1::TRANSFER_STATE_PENDING) {
    ThrowPrecondition("TRANSFER_NOT_PENDING", Subject(t),
                      TransferRef(t.id()) + " is " + assist::v1::TransferState_Name(t.state()) +
                          "; only a pending transfer can be decided or cancelled");
  }
}

void RequireIncoming(const CaseTransfer& t, const Identity& who) {
  if (t.to_centre_id() != who.centre_id) {
    ThrowPrecondition("TRANSFER_NOT_INCOMING", Subject(t),
                      TransferRef(t.id()) + " is sent by this centre: the head of " +
                          t.to_centre_id() +
                          " accepts or declines it (CancelTransfer withdraws it)");
  }
}

void Decide(Transaction& tx, const Identity& who, CaseTransfer& t, assist::v1::TransferState state,
            const std::string& decline_reason, long long new_case_id) {
  const std::string now = NowTimestamp();
  // The row is locked and was pending (RequirePending): nothing else can have decided it.
  if (!DecideTransfer(tx, t.id(), state, who.actor_id, now, decline_reason, new_case_id)) {
    throw std::logic_error(TransferRef(t.id()) + " was decided twice");
  }
  t.set_state(state);
  t.set_decided_by(who.actor_id);
  t.set_decided_at(now);
  t.set_decline_reason(decline_reason);
  if (new_case_id != 0) t.set_new_case_id(new_case_id);
}

// The origin's current intake and the plan it works to, as version 1 of the new case's. A plan of
// a type whose plans need approval waits for the receiving head's decision like any new version.
void CopyCurrentDocuments(Transaction& tx, const Identity& who, const LoadedPlugin& plugin,
                          const Case& origin, Case& c) {
  if (auto intake = FindDocument(tx, origin.id(), DocumentKind::kIntake, 0)) {
    InsertDocument(tx, c.id(), DocumentKind::kIntake, 1, intake->type_name, intake->json,
                   who.actor_id);
    CopyIntakeFlags(tx, origin.id(), intake->version, c.id(), 1);
    c.set_intake_version(1);
  }
  if (const int in_force = PlanInForce(tx, &plugin, origin); in_force > 0) {
    if (auto plan = FindDocument(tx, origin.id(), DocumentKind::kPlan, in_force)) {
      InsertDocument(tx, c.id(), DocumentKind::kPlan, 1, plan->type_name, plan->json, who.actor_id);
      c.set_plan_version(1);
    }
  }
}

}  // namespace

const LoadedPlugin& CaseTransfers::TransferablePlugin(const std::string& type_id,
                                                      long long case_id) const {
  const LoadedPlugin* plugin = registry_.Find(type_id);
  if (plugin == nullptr) {
    ThrowPrecondition("ASSISTANCE_TYPE_NOT_LOADED", "cases/" + std::to_string(case_id),
                      "assistance type " + type_id + " is not loaded on this host");
  }
  if (!ClosesAsTransferred(plugin->reporting)) {
    ThrowPrecondition(
        "TYPE_CANNOT_CLOSE_AS_TRANSFERRED", "cases/" + std::to_string(case_id),
        "assistance type " + type_id + " maps none of its closure reasons to TRANSFERRED");
  }
  return *plugin;
}

void CaseTransfers::RequireReceiverRunsType(Transaction& tx, const std::string& centre_id,
                                            const std::string& type_id) const {
  if (!centres_.TypeEnabled(tx, centre_id, type_id)) {
    ThrowPreconditionInfo("TYPE_NOT_ENABLED_AT_RECEIVER",
                          "centres/" + centre_id + "/types/" + type_id,
                          "assistance type " + type_id + " is not enabled at centre " + centre_id +
                              ": its head enables it first (EnableAssistanceType)",
                          {{"to_centre_id", centre_id}, {"type_id", type_id}});
  }
}

CaseTransfer CaseTransfers::TransferCase(Transaction& tx, const Identity& who,
                                         const assist::v1::TransferCaseRequest& request) const {
  sdk::Violations v;
  const std::string& to = request.to_centre_id();
  if (v.Require(IsSafeId(to), "to_centre_id",
                "is required: letters, digits and . _ - @ only, at most 128",
                "jest wymagany: litery, cyfry i . _ - @, najwyżej 128 znaków")) {
    v.Require(to != who.centre_id, "to_centre_id",
              "is the case's own centre: a case is transferred to another one",
              "to ośrodek sprawy: sprawę przekazuje się innemu ośrodkowi");
  }
  v.RequireText(request.reason(), "reason", kMaxReasonBytes);
  const sdk::Date today = sdk::Today();
  std::optional<sdk::Date> transfer_on = request.transfer_on().empty()
                                             ? std::optional(today)
                                             : v.OptionalDate(request.transfer_on(), "transfer_on");
  if (transfer_on) {
    v.Require(*transfer_on <= sdk::AddDays(today, kMaxDaysAhead), "transfer_on",
              "is more than a year from today", "przypada później niż za rok");
  }
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  sdk::NotBefore(v, transfer_on, sdk::ParseDate(c.referred_on()), true, "transfer_on",
                 "the referral", "skierowanie");
  if (!v.empty()) ThrowInvalid(v.list());
  RequireOpen(c);
  if (!CentreExists(tx, to)) {
    ThrowPreconditionInfo("RECEIVING_CENTRE_UNKNOWN", "centres/" + to,
                          "there is no centre " + to + " on the platform", {{"to_centre_id", to}});
  }
  TransferablePlugin(c.type_id(), c.id());
  RequireReceiverRunsType(tx, to, c.type_id());
  if (auto pending = PendingTransferOf(tx, c.id())) {
    throw RpcError(WithErrorInfo(grpc::StatusCode::ALREADY_EXISTS,
                                 "case " + std::to_string(c.id()) + " already has a pending " +
                                     TransferRef(*pending) + " (CancelTransfer withdraws it)",
                                 "TRANSFER_PENDING", {{"transfer_id", std::to_string(*pending)}}));
  }
  CaseTransfer t;
  t.set_case_id(c.id());
  t.set_from_centre_id(who.centre_id);
  t.set_to_centre_id(to);
  t.set_type_id(c.type_id());
  t.set_reason(request.reason());
  t.set_transfer_on(sdk::FormatDate(*transfer_on));
  t.set_state(assist::v1::TRANSFER_STATE_PENDING);
  t.set_requested_by(who.actor_id);
  t.set_requested_at(NowTimestamp());
  t.set_id(InsertTransfer(tx, t, c.referred_on()));
  t.set_direction(assist::v1::TRANSFER_DIRECTION_OUTGOING);
  AppendAudit(tx, who, "TransferCase", c.id(), AuditAction::kWrite,
              TransferRef(t.id()) + " to centre " + to + " on " + t.transfer_on());
  AppendAudit(tx, InTrailOf(who, to), "TransferCase", 0, AuditAction::kWrite,
              "incoming " + TransferRef(t.id()) + " from centre " + who.centre_id + ", case " +
                  std::to_string(c.id()));
  return t;
}

CaseTransfer CaseTransfers::AcceptTransfer(Transaction& tx, const Identity& who,
                                           const assist::v1::AcceptTransferRequest& request) const {
  StoredTransfer stored = LoadTransfer(tx, who, request.transfer_id());
  CaseTransfer& t = stored.transfer;
  RequireIncoming(t, who);
  RequirePending(t);
  const sdk::Date transfer_on = sdk::ParseDate(t.transfer_on()).value();
  if (sdk::Today() < transfer_on) {
    ThrowPrecondition("TRANSFER_DATE_NOT_REACHED", Subject(t),
                      TransferRef(t.id()) + " is planned for " + t.transfer_on() +
                          ": it can be accepted from that day");
  }
  // The key of case_transfers holds that the origin case exists in the sending centre.
  Case origin = FindCaseForUpdate(tx, t.from_centre_id(), t.case_id()).value();
  if (origin.status() != assist::v1::CASE_STATUS_OPEN) {
    ThrowPrecondition("ORIGIN_CASE_NOT_OPEN", Subject(t),
                      "the sending centre closed the case after asking for " + TransferRef(t.id()) +
                          "; it can no longer be accepted");
  }
  const LoadedPlugin& plugin = TransferablePlugin(t.type_id(), origin.id());
  RequireReceiverRunsType(tx, who.centre_id, t.type_id());

  const RegisteredSubject subject = RegisterSubject(tx, origin, who.centre_id);
  if (CountOpenCasesOfSubject(tx, who.centre_id, t.type_id(), subject.of_person, subject.id) > 0) {
    ThrowAlreadyExists("an open " + t.type_id() + " case for this person");
  }
  Case c;
  c.set_centre_id(who.centre_id);
  c.set_type_id(t.type_id());
  if (subject.of_person) {
    c.set_person_id(subject.id);
  } else {
    c.set_family_id(subject.id);
  }
  c.set_status(assist::v1::CASE_STATUS_OPEN);
  c.set_referred_by(who.actor_id);
  c.set_referral_reason(origin.referral_reason());
  c.set_referred_on(t.transfer_on());
  c.set_consent(assist::v1::CONSENT_STATE_PENDING);  // consent does not carry over
  c.set_created_at(NowTimestamp());
  c.set_updated_at(c.created_at());
  c.set_id(InsertCase(tx, c));
  CopyCurrentDocuments(tx, who, plugin, origin, c);
  PluginCall opening(tx, plugin, centres_, c, transfer_on);
  RunStep(opening, c, {});
  SaveStep(tx, who, c, "AcceptTransfer",
           TransferRef(t.id()) + " from centre " + t.from_centre_id() + ", case " +
               std::to_string(origin.id()) + "; " + subject.detail);

  origin.set_status(assist::v1::CASE_STATUS_CLOSED);
  origin.set_closed_on(t.transfer_on());
  origin.set_closure_reason(assist::v1::CLOSURE_REASON_TRANSFERRED);
  PluginCall closing(tx, plugin, centres_, origin, transfer_on);
  RunStep(closing, origin, {sdk::Step::kOutcome, nullptr, "outcome"});
  SaveStep(tx, InTrailOf(who, t.from_centre_id()), origin, "AcceptTransfer",
           TransferRef(t.id()) + " accepted by centre " + who.centre_id + " as case " +
               std::to_string(c.id()) + "; closed: CLOSURE_REASON_TRANSFERRED");

  Decide(tx, who, t, assist::v1::TRANSFER_STATE_ACCEPTED, "", c.id());
  return AsSeenBy(stored, who.centre_id);
}

CaseTransfer CaseTransfers::DeclineTransfer(
    Transaction& tx, const Identity& who, const assist::v1::DeclineTransferRequest& request) const {
  sdk::Violations v;
  v.RequireText(request.reason(), "reason", kMaxReasonBytes);
  StoredTransfer stored = LoadTransfer(tx, who, request.transfer_id());
  if (!v.empty()) ThrowInvalid(v.list());
  CaseTransfer& t = stored.transfer;
  RequireIncoming(t, who);
  RequirePending(t);
  Decide(tx, who, t, assist::v1::TRANSFER_STATE_DECLINED, request.reason(), 0);
  AppendAudit(tx, who, "DeclineTransfer", 0, AuditAction::kWrite,
              TransferRef(t.id()) + " from centre " + t.from_centre_id() + ", case " +
                  std::to_string(t.case_id()) + " declined");
  AppendAudit(tx, InTrailOf(who, t.from_centre_id()), "DeclineTransfer", t.case_id(),
              AuditAction::kWrite, TransferRef(t.id()) + " declined by centre " + who.centre_id);
  return AsSeenBy(stored, who.centre_id);
}

CaseTransfer CaseTransfers::CancelTransfer(Transaction& tx, const Identity& who,
                                           const assist::v1::CancelTransferRequest& request) const {
  StoredTransfer stored = LoadTransfer(tx, who, request.transfer_id());
  CaseTransfer& t = stored.transfer;
  if (t.from_centre_id() != who.centre_id) {
    ThrowPrecondition("TRANSFER_NOT_OUTGOING", Subject(t),
                      TransferRef(t.id()) + " comes from centre " + t.from_centre_id() +
                          ": its head may cancel it; this centre accepts or declines it");
  }
  RequirePending(t);
  Decide(tx, who, t, assist::v1::TRANSFER_STATE_CANCELLED, "", 0);
  AppendAudit(tx, who, "CancelTransfer", t.case_id(), AuditAction::kWrite,
              TransferRef(t.id()) + " to centre " + t.to_centre_id() + " cancelled");
  AppendAudit(tx, InTrailOf(who, t.to_centre_id()), "CancelTransfer", 0, AuditAction::kWrite,
              TransferRef(t.id()) + " from centre " + who.centre_id + ", case " +
                  std::to_string(t.case_id()) + " cancelled");
  return AsSeenBy(stored, who.centre_id);
}

assist::v1::ListTransfersResponse CaseTransfers::ListTransfers(
    Transaction& tx, const Identity& who, const assist::v1::ListTransfersRequest& request) const {
  sdk::Violations v;
  v.Require(assist::v1::TransferState_IsValid(request.state()), "state", "is not a transfer state",
            "nie jest stanem przekazania");
  v.Require(assist::v1::TransferDirection_IsValid(request.direction()), "direction",
            "is not a direction", "nie jest kierunkiem");
  if (!v.empty()) ThrowInvalid(v.list());
  const int page_size = PageSize(request.page_size());
  TransferListFilter filter;
  filter.outgoing = request.direction() != assist::v1::TRANSFER_DIRECTION_INCOMING;
  filter.incoming = request.direction() != assist::v1::TRANSFER_DIRECTION_OUTGOING;
  filter.state = request.state();
  filter.before_id = IdFromPageToken(request.page_token());
  filter.fetch = FetchLimit(page_size);
  auto page = MakePage(ListTransferRows(tx, who.centre_id, filter), page_size,
                       [](const StoredTransfer& s) { return IdKey(s.transfer.id()); });
  assist::v1::ListTransfersResponse response;
  for (const auto& stored : page.items) *response.add_transfers() = AsSeenBy(stored, who.centre_id);
  response.set_next_page_token(page.next_page_token);
  AppendAudit(tx, who, "ListTransfers", 0, AuditAction::kRead,
              std::to_string(response.transfers_size()) + " transfers");
  return response;
}

}  // namespace assist::host

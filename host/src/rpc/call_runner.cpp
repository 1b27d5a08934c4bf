#include "rpc/call_runner.hpp"

#include <algorithm>
#include <optional>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "domain/errors.hpp"
#include "domain/storable_text.hpp"
#include "ops/metrics.hpp"
#include "rpc/request_id.hpp"
#include "store/centre_repository.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

// The audit action for a failed call of an authenticated caller; none for failures of the host.
std::optional<AuditAction> RefusalAction(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
      return AuditAction::kDenied;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::ALREADY_EXISTS:
      return AuditAction::kRejected;
    default:
      return std::nullopt;
  }
}

// The case a request is about, when it names one.
long long CaseIdOf(const google::protobuf::Message& request) {
  const auto* field = request.GetDescriptor()->FindFieldByName("case_id");
  if (field == nullptr || field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_INT64) {
    return 0;
  }
  return request.GetReflection()->GetInt64(request, field);
}

// Reads (which write nothing but their audit row) go before queued writes; see Executor.
Executor::Lane LaneOf(std::string_view rpc) {
  for (std::string_view read : {"Get", "List", "Describe", "Export", "Render", "Verify"}) {
    if (rpc.substr(0, read.size()) == read) return Executor::Lane::kRead;
  }
  return Executor::Lane::kWrite;
}

// The time an answer needs to leave the host and reach a caller on a busy machine: a call with
// less than this left is as good as abandoned, since its caller's timer will most likely fire
// before the answer arrives.
constexpr std::chrono::milliseconds kAnswerMargin{5};

// CANCELLED or DEADLINE_EXCEEDED once the caller no longer waits for the answer (or will not by
// the time it arrives), else OK. Work is not started for such a call, and not committed when it
// gave up meanwhile: a caller told "failed" must not find the change stored after all.
grpc::Status Abandoned(grpc::CallbackServerContext& context) {
  if (context.IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "the caller cancelled the call");
  }
  if (context.deadline() <= std::chrono::system_clock::now() + kAnswerMargin) {
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                        "the call's deadline passed before its work was done; nothing was stored");
  }
  return grpc::Status::OK;
}

// Abandoned's refusal as an exception, for work that finds the caller gone midway.
void ThrowIfAbandoned(grpc::CallbackServerContext& context) {
  if (grpc::Status gone = Abandoned(context); !gone.ok()) throw RpcError(gone);
}

// What the access log and the metrics say of a call; copied into the work so that it outlives
// the admission.
struct CallRecord {
  std::string_view rpc;
  std::string request_id;
  std::string actor_id;   // empty: not authenticated
  std::string centre_id;  // empty: the operator, or not authenticated
  std::chrono::steady_clock::time_point started;
};

CallRecord Record(const std::optional<Identity>& who, const std::string& request_id,
                  std::string_view rpc, std::chrono::steady_clock::time_point started) {
  CallRecord call{rpc, request_id, {}, {}, started};
  if (who) {
    call.actor_id = who->actor_id;
    call.centre_id = who->centre_id;
  }
  return call;
}

// Every answer goes out through here: counted, timed, logged, then sent.
void Answer(grpc::ServerUnaryReactor* reactor, const CallRecord& call, const grpc::Status& status) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - call.started).count();
  const std::string method(call.rpc);
  HostMetrics().rpc_calls.Inc({method, StatusCodeName(status.error_code())});
  HostMetrics().rpc_duration.Observe({method}, seconds);
  LogAccess({method, call.request_id, call.actor_id, call.centre_id,
             StatusCodeName(status.error_code()), seconds});
  reactor->Finish(status);
}

}  // namespace

grpc::Status StatusOfWork(std::string_view rpc, const Identity& who,
                          const std::function<void()>& work) {
  try {
    work();
    return grpc::Status::OK;
  } catch (const RpcError& e) {
    return e.status();
  } catch (const DatabaseFault& fault) {
    // The data layer has logged the database's own words.
    return FaultStatus(fault, who.request_id);
  } catch (const soci::soci_error& e) {
    LogError(std::string(rpc) + " " + who.request_id + ": database error: " + e.what());
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        "database error (request " + who.request_id + ")");
  } catch (const std::exception& e) {
    LogError(std::string(rpc) + " " + who.request_id + ": " + e.what());
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        "internal error (request " + who.request_id + ")");
  }
}

CallRunner::Admission CallRunner::Admit(grpc::CallbackServerContext& context,
                                        std::string_view rpc) const {
  const std::string request_id = RequestIdOf(context);
  context.AddInitialMetadata("x-request-id", request_id);
  auto authenticated = auth_.Authenticate(context);
  if (auto* why = std::get_if<std::string>(&authenticated)) {
    return {std::nullopt, WithErrorInfo(grpc::StatusCode::UNAUTHENTICATED, *why, "UNAUTHENTICATED"),
            request_id};
  }
  Admission admission{std::get<Identity>(std::move(authenticated)), grpc::Status::OK, request_id};
  admission.who->request_id = request_id;
  const Identity& who = *admission.who;
  if (!RoleMayCall(who.role, rpc)) {
    admission.refusal = WithErrorInfo(
        grpc::StatusCode::PERMISSION_DENIED,
        "role " + assist::v1::Role_Name(who.role) + " may not call " + std::string(rpc),
        "ROLE_NOT_ALLOWED", {{"role", assist::v1::Role_Name(who.role)}, {"rpc", std::string(rpc)}});
  } else if (!ScopeGranted(who.role, who.scopes, rpc)) {
    admission.refusal =
        WithErrorInfo(grpc::StatusCode::PERMISSION_DENIED,
                      who.actor_id + " was not granted the scope " + std::string(rpc),
                      "SCOPE_NOT_GRANTED", {{"scope", std::string(rpc)}});
  }
  return admission;
}

grpc::Status CallRunner::AuditRefusal(const Identity& who, std::string_view rpc,
                                      const google::protobuf::Message& request,
                                      const grpc::Status& status, AuditAction action) {
  grpc::Status recorded = StatusOfWork(rpc, who, [&] {
    audit_batches_.Commit(
        {MakeAuditRecord(who, rpc, CaseIdOf(request), action, status.error_message())});
  });
  if (recorded.ok()) return status;
  // A refusal nobody could find later would let probing go unseen: the call fails instead,
  // with the reason the trail could not take the row (e.g. RESOURCE_EXHAUSTED, disk full).
  LogError("could not audit a refusal of " + std::string(rpc) + ": " + recorded.error_message());
  return recorded;
}

grpc::ServerUnaryReactor* CallRunner::Run(grpc::CallbackServerContext* context,
                                          std::string_view rpc,
                                          const google::protobuf::Message& request, TxWork work) {
  return Run(context, rpc, request, nullptr, std::move(work));
}

grpc::ServerUnaryReactor* CallRunner::Run(grpc::CallbackServerContext* context,
                                          std::string_view rpc,
                                          const google::protobuf::Message& request,
                                          TxWork snapshot_read, TxWork work) {
  return Dispatch(context, rpc, request,
                  [this, context, snapshot_read = std::move(snapshot_read),
                   work = std::move(work)](const Identity& who) {
                    if (snapshot_read) {
                      db_.InTransaction([&](Transaction& tx) { snapshot_read(who, tx); },
                                        TransactionMode::kSnapshotRead);
                    }
                    db_.InTransaction([&](Transaction& tx) {
                      RequireKnownCentre(tx, who);
                      work(who, tx);
                      ThrowIfAbandoned(*context);
                    });
                  });
}

grpc::ServerUnaryReactor* CallRunner::RunRead(grpc::CallbackServerContext* context,
                                              std::string_view rpc,
                                              const google::protobuf::Message& request,
                                              TxWork read) {
  return Dispatch(context, rpc, request,
                  [this, context, read = std::move(read)](const Identity& who) {
                    std::vector<AuditRecord> rows;
                    db_.InTransaction(
                        [&](Transaction& tx) {
                          RequireKnownCentre(tx, who);
                          read(who, tx);
                          rows = TakeDeferredAudit(tx);
                        },
                        TransactionMode::kSnapshotRead);
                    ThrowIfAbandoned(*context);
                    audit_batches_.Commit(std::move(rows));
                  });
}

grpc::ServerUnaryReactor* CallRunner::Dispatch(grpc::CallbackServerContext* context,
                                               std::string_view rpc,
                                               const google::protobuf::Message& request,
                                               Work body) {
  const auto started = std::chrono::steady_clock::now();
  auto* reactor = context->DefaultReactor();
  Admission admission = Admit(*context, rpc);
  const CallRecord call = Record(admission.who, admission.request_id, rpc, started);
  if (!admission.who) {
    Answer(reactor, call, admission.refusal);
    return reactor;
  }
  const bool queued =
      executor_.TryPost(LaneOf(rpc), [this, context, reactor, call, &request,
                                      admission = std::move(admission), body = std::move(body)] {
        const Identity& who = *admission.who;
        grpc::Status status = admission.refusal;
        if (status.ok()) status = Abandoned(*context);
        if (status.ok()) {
          status = StatusOfWork(call.rpc, who, [&] {
            RefuseUnstorableText(request);
            body(who);
          });
        }
        if (auto action = RefusalAction(status)) {
          status = AuditRefusal(who, call.rpc, request, status, *action);
        }
        Answer(reactor, call, status);
      });
  if (!queued) Answer(reactor, call, AtCapacity());
  return reactor;
}

void CallRunner::RequireKnownCentre(Transaction& tx, const Identity& who) {
  if (who.centre_id.empty()) return;  // the operator belongs to no centre
  {
    std::lock_guard lock(known_centres_mutex_);
    if (known_centres_.count(who.centre_id) > 0) return;
  }
  if (!CentreExists(tx, who.centre_id)) {
    // A validly signed token (or a configured identity) of a centre this platform does not
    // have: nobody to act for, so not authenticated, rather than a write failing later.
    throw RpcError(WithErrorInfo(
        grpc::StatusCode::UNAUTHENTICATED,
        "the caller's centre \"" + who.centre_id + "\" does not exist on this platform",
        "UNKNOWN_CENTRE", {{"centre_id", who.centre_id}}));
  }
  std::lock_guard lock(known_centres_mutex_);
  known_centres_.insert(who.centre_id);  // centres are never removed
}

grpc::Status CallRunner::AtCapacity() const {
  return WithErrorInfo(grpc::StatusCode::RESOURCE_EXHAUSTED,
                       "the host is at capacity (" + std::to_string(executor_.max_queued()) +
                           " calls waiting); retry later",
                       "HOST_AT_CAPACITY", {}, std::chrono::milliseconds(200));
}

grpc::ServerUnaryReactor* CallRunner::RunInline(grpc::CallbackServerContext* context,
                                                std::string_view rpc,
                                                const google::protobuf::Message& request,
                                                Work work) {
  const auto started = std::chrono::steady_clock::now();
  auto* reactor = context->DefaultReactor();
  Admission admission = Admit(*context, rpc);
  const CallRecord call = Record(admission.who, admission.request_id, rpc, started);
  if (!admission.who) {
    Answer(reactor, call, admission.refusal);
    return reactor;
  }
  if (!admission.refusal.ok()) {
    // Recording the refusal needs the database: off the gRPC thread, like any database work.
    const bool queued = executor_.TryPost(
        Executor::Lane::kWrite, [this, reactor, call, &request, admission = std::move(admission)] {
          Answer(reactor, call,
                 AuditRefusal(*admission.who, call.rpc, request, admission.refusal,
                              AuditAction::kDenied));
        });
    if (!queued) Answer(reactor, call, AtCapacity());
    return reactor;
  }
  Answer(reactor, call, StatusOfWork(rpc, *admission.who, [&] { work(*admission.who); }));
  return reactor;
}

}  // namespace assist::host

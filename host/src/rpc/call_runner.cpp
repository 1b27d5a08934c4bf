#include "rpc/call_runner.hpp"

#include <algorithm>
#include <optional>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "domain/errors.hpp"
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

}  // namespace

grpc::Status Guard(std::string_view rpc, const Identity& who, const std::function<void()>& work) {
  try {
    work();
    return grpc::Status::OK;
  } catch (const RpcError& e) {
    return e.status();
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

CallRunner::Admission CallRunner::Admit(const grpc::CallbackServerContext& context,
                                        std::string_view rpc) const {
  auto authenticated = auth_.Authenticate(context);
  if (auto* why = std::get_if<std::string>(&authenticated)) {
    return {std::nullopt, grpc::Status(grpc::StatusCode::UNAUTHENTICATED, *why)};
  }
  Admission admission{std::get<Identity>(std::move(authenticated)), grpc::Status::OK};
  const Identity& who = *admission.who;
  if (!RoleMayCall(who.role, rpc)) {
    admission.refusal = grpc::Status(
        grpc::StatusCode::PERMISSION_DENIED,
        "role " + assist::v1::Role_Name(who.role) + " may not call " + std::string(rpc));
  } else if (!ScopeGranted(who.role, who.scopes, rpc)) {
    admission.refusal =
        grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                     who.actor_id + " was not granted the scope " + std::string(rpc));
  }
  return admission;
}

void CallRunner::AuditRefusal(const Identity& who, std::string_view rpc,
                              const google::protobuf::Message& request, const grpc::Status& status,
                              AuditAction action) {
  grpc::Status recorded = Guard(rpc, who, [&] {
    Transaction tx(db_);
    AppendAudit(tx.sql(), who, rpc, CaseIdOf(request), action, status.error_message());
    tx.Commit();
  });
  if (!recorded.ok()) LogError("could not audit a refusal of " + std::string(rpc));
}

grpc::ServerUnaryReactor* CallRunner::Run(grpc::CallbackServerContext* context,
                                          std::string_view rpc,
                                          const google::protobuf::Message& request, TxWork work) {
  auto* reactor = context->DefaultReactor();
  Admission admission = Admit(*context, rpc);
  if (!admission.who) {
    reactor->Finish(admission.refusal);
    return reactor;
  }
  executor_.Post(
      [this, reactor, rpc, &request, admission = std::move(admission), work = std::move(work)] {
        const Identity& who = *admission.who;
        grpc::Status status = admission.refusal;
        if (status.ok()) {
          status = Guard(rpc, who, [&] {
            Transaction tx(db_);
            work(who, tx);
            tx.Commit();
          });
        }
        if (auto action = RefusalAction(status)) AuditRefusal(who, rpc, request, status, *action);
        reactor->Finish(status);
      });
  return reactor;
}

grpc::ServerUnaryReactor* CallRunner::RunInline(grpc::CallbackServerContext* context,
                                                std::string_view rpc,
                                                const google::protobuf::Message& request,
                                                Work work) {
  auto* reactor = context->DefaultReactor();
  Admission admission = Admit(*context, rpc);
  if (!admission.who) {
    reactor->Finish(admission.refusal);
    return reactor;
  }
  if (!admission.refusal.ok()) {
    // Recording the refusal needs the database: off the gRPC thread, like any database work.
    executor_.Post([this, reactor, rpc, &request, admission = std::move(admission)] {
      AuditRefusal(*admission.who, rpc, request, admission.refusal, AuditAction::kDenied);
      reactor->Finish(admission.refusal);
    });
    return reactor;
  }
  reactor->Finish(Guard(rpc, *admission.who, [&] { work(*admission.who); }));
  return reactor;
}

}  // namespace assist::host

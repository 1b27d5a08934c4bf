#include "rpc/call_runner.hpp"

#include <algorithm>

#include "auth/policy.hpp"
#include "domain/errors.hpp"
#include "util/log.hpp"

namespace assist::host {

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
    return grpc::Status(grpc::StatusCode::INTERNAL, "internal error (request " + who.request_id + ")");
  }
}

std::optional<Identity> CallRunner::Admit(grpc::CallbackServerContext* context, std::string_view rpc,
                                          grpc::ServerUnaryReactor* reactor) {
  auto authenticated = auth_.Authenticate(*context);
  if (auto* why = std::get_if<std::string>(&authenticated)) {
    reactor->Finish(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, *why));
    return std::nullopt;
  }
  auto who = std::make_optional(std::get<Identity>(std::move(authenticated)));
  if (!RoleMayCall(who->role, rpc)) {
    reactor->Finish(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                 "role " + assist::v1::Role_Name(who->role) + " may not call " +
                                     std::string(rpc)));
    return std::nullopt;
  }
  if (!who->scopes.empty() &&
      std::find(who->scopes.begin(), who->scopes.end(), rpc) == who->scopes.end()) {
    reactor->Finish(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                 who->actor_id + " was not granted the scope " + std::string(rpc)));
    return std::nullopt;
  }
  return who;
}

grpc::ServerUnaryReactor* CallRunner::Run(grpc::CallbackServerContext* context, std::string_view rpc,
                                          TxWork work) {
  auto* reactor = context->DefaultReactor();
  auto who = Admit(context, rpc, reactor);
  if (!who) return reactor;
  executor_.Post([this, reactor, rpc, who = *who, work = std::move(work)] {
    reactor->Finish(Guard(rpc, who, [&] {
      Transaction tx(db_);
      work(who, tx);
      tx.Commit();
    }));
  });
  return reactor;
}

grpc::ServerUnaryReactor* CallRunner::RunInline(grpc::CallbackServerContext* context,
                                                std::string_view rpc, Work work) {
  auto* reactor = context->DefaultReactor();
  auto who = Admit(context, rpc, reactor);
  if (!who) return reactor;
  reactor->Finish(Guard(rpc, *who, [&] { work(*who); }));
  return reactor;
}

}  // namespace assist::host

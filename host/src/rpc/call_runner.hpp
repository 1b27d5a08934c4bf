#pragma once
// What every RPC does around its domain operation: authenticate, check the role against the
// policy, run the operation in a transaction on the executor, commit, and finish the reactor with
// the right status. Domain errors (RpcError) keep their status; database and other failures are
// logged with the request id and answered INTERNAL without internals.
#include <grpcpp/grpcpp.h>

#include <functional>
#include <string_view>

#include "auth/authenticator.hpp"
#include "db/database.hpp"
#include "rpc/executor.hpp"

namespace assist::host {

class CallRunner {
 public:
  CallRunner(const Authenticator& auth, Database& db, Executor& executor)
      : auth_(auth), db_(db), executor_(executor) {}

  using TxWork = std::function<void(const Identity&, Transaction&)>;
  using Work = std::function<void(const Identity&)>;

  // Database work: runs on the executor inside a transaction committed on success.
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context, std::string_view rpc,
                                TxWork work);
  // Work that needs no database (e.g. reading the plugin registry): runs inline.
  grpc::ServerUnaryReactor* RunInline(grpc::CallbackServerContext* context, std::string_view rpc,
                                      Work work);

 private:
  // Returns the identity, or finishes the reactor with the refusal and returns nullopt.
  std::optional<Identity> Admit(grpc::CallbackServerContext* context, std::string_view rpc,
                                grpc::ServerUnaryReactor* reactor);

  const Authenticator& auth_;
  Database& db_;
  Executor& executor_;
};

// Runs `work`, mapping whatever it throws to a status (shared by both paths of CallRunner).
grpc::Status Guard(std::string_view rpc, const Identity& who, const std::function<void()>& work);

}  // namespace assist::host

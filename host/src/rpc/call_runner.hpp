#pragma once
// What every RPC does around its domain operation: authenticate, check the role (and an app's
// scopes) against the policy, run the operation in a transaction on the executor, commit, and
// finish the reactor with the right status. Domain errors (RpcError) keep their status; database
// faults get their retryable code (FaultStatus); other failures are logged with the request id and
// answered INTERNAL without internals. Admission: a full queue is answered RESOURCE_EXHAUSTED at
// once, and a call whose caller has given up (cancelled, past its deadline) is neither started
// nor committed. Every request's text is checked storable first (storable_text.hpp).
// Refusals of an authenticated caller (PERMISSION_DENIED, NOT_FOUND: "denied"; INVALID_ARGUMENT,
// FAILED_PRECONDITION, ALREADY_EXISTS: "rejected") are themselves audited, in a transaction of
// their own after the step's has rolled back (with other calls' rows: AuditGroupCommit), so probing
// for records and attempts at refused work leave a trace while the refused change leaves nothing.
#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "audit/audit_group_commit.hpp"
#include "audit/audit_log.hpp"
#include "auth/authenticator.hpp"
#include "db/database.hpp"
#include "rpc/executor.hpp"

namespace assist::host {

class CallRunner {
 public:
  CallRunner(const Authenticator& auth, Database& db, Executor& executor)
      : auth_(auth), db_(db), executor_(executor), audit_batches_(db) {}

  using TxWork = std::function<void(const Identity&, Transaction&)>;
  using Work = std::function<void(const Identity&)>;

  // Database work: runs on the executor inside a transaction committed on success.
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context, std::string_view rpc,
                                const google::protobuf::Message& request, TxWork work);
  // As above, with a long read first in a snapshot transaction of its own (TransactionMode::
  // kSnapshotRead), so that on SQLite it does not hold the write lock the call's transaction takes.
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context, std::string_view rpc,
                                const google::protobuf::Message& request, TxWork snapshot_read,
                                TxWork work);
  // A read: runs on the executor in a snapshot transaction (no write lock: reads run beside each
  // other and beside writes), and its audit rows are committed with other calls' rows
  // (AuditGroupCommit) before it is answered. `read` must write nothing but audit rows.
  grpc::ServerUnaryReactor* RunRead(grpc::CallbackServerContext* context, std::string_view rpc,
                                    const google::protobuf::Message& request, TxWork read);
  // Work that needs no database (e.g. reading the plugin registry): runs inline.
  grpc::ServerUnaryReactor* RunInline(grpc::CallbackServerContext* context, std::string_view rpc,
                                      const google::protobuf::Message& request, Work work);

 private:
  struct Admission {
    std::optional<Identity> who;  // set once authenticated
    grpc::Status refusal;         // OK when admitted
    std::string request_id;       // request_id.hpp; sent back as x-request-id
  };
  // Names the call (request_id.hpp, sent back as x-request-id), then authenticates and authorizes.
  Admission Admit(grpc::CallbackServerContext& context, std::string_view rpc) const;
  grpc::Status AtCapacity() const;
  // What Run and RunRead share: admission, the executor, the refusal audit and the answer.
  // `body` does the call's database work for an admitted caller.
  grpc::ServerUnaryReactor* Dispatch(
      grpc::CallbackServerContext* context, std::string_view rpc,
      const google::protobuf::Message& request,
      Work body);  // RESOURCE_EXHAUSTED when the executor's queue is full
  // UNAUTHENTICATED unless the caller's centre exists (remembered once seen).
  void RequireKnownCentre(Transaction& tx, const Identity& who);
  // Records a refusal of an authenticated caller in the audit trail. Returns the status to answer:
  // the refusal, or why it could not be recorded (the call must not pass unrecorded).
  grpc::Status AuditRefusal(const Identity& who, std::string_view rpc,
                            const google::protobuf::Message& request, const grpc::Status& status,
                            AuditAction action);

  const Authenticator& auth_;
  Database& db_;
  Executor& executor_;
  AuditGroupCommit audit_batches_;  // refusals' and reads' audit rows
  std::mutex known_centres_mutex_;
  std::set<std::string> known_centres_;  // guarded by known_centres_mutex_
};

// Runs `work`, mapping whatever it throws to a status (shared by both paths of CallRunner).
grpc::Status StatusOfWork(std::string_view rpc, const Identity& who,
                          const std::function<void()>& work);

}  // namespace assist::host

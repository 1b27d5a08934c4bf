#pragma once
// Anticipated failures as gRPC statuses with machine-readable details. Domain code throws RpcError;
// the RPC layer turns it into the call's status after the transaction has rolled back, so a
// rejected step never leaves half-written rows.
#include <grpcpp/support/status.h>

#include <assist/plugin/status.hpp>
#include <assist/plugin/validation.hpp>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace assist::host {

class RpcError : public std::runtime_error {
 public:
  explicit RpcError(grpc::Status status)
      : std::runtime_error(status.error_message()), status_(std::move(status)) {}
  const grpc::Status& status() const { return status_; }

 private:
  grpc::Status status_;
};

// INVALID_ARGUMENT with google.rpc.BadRequest (English) and assist.v1.LocalizedFieldViolations
// (Polish) in the details.
grpc::Status InvalidArgument(const std::vector<sdk::FieldViolation>& violations);
// FAILED_PRECONDITION with google.rpc.PreconditionFailure; `type` names the missing step.
grpc::Status FailedPrecondition(const std::string& type, const std::string& subject,
                                const std::string& description);

[[noreturn]] void ThrowInvalid(const std::vector<sdk::FieldViolation>& violations);
// INVALID_ARGUMENT with every violation of `v`, when it has any.
void ThrowIfAny(const sdk::Violations& v);
[[noreturn]] void ThrowInvalid(const std::string& field, const std::string& en,
                               const std::string& pl);
[[noreturn]] void ThrowPrecondition(const std::string& type, const std::string& subject,
                                    const std::string& description);
// NOT_FOUND with google.rpc.ResourceInfo (e.g. "case", "17"): also what the caller may not see,
// with the same words and details either way.
[[noreturn]] void ThrowNotFound(const std::string& resource_type, const std::string& name);
[[noreturn]] void ThrowAlreadyExists(const std::string& what);
// FAILED_PRECONDITION with google.rpc.ErrorInfo (`reason`, `metadata`) for programs and
// google.rpc.PreconditionFailure (type `reason`, `subject`) as ThrowPrecondition gives.
[[noreturn]] void ThrowPreconditionInfo(
    const std::string& reason, const std::string& subject, const std::string& description,
    const std::vector<std::pair<std::string, std::string>>& metadata);
// NOT_FOUND as ThrowNotFound, with a google.rpc.BadRequest naming the request field that named
// the missing record.
[[noreturn]] void ThrowNotFoundField(const std::string& resource_type, const std::string& name,
                                     const sdk::FieldViolation& violation);

// A status with google.rpc.ErrorInfo (reason, domain "assist.host", metadata) and, when
// `retry_after` is set, google.rpc.RetryInfo: how a client tells a retryable failure from a
// final one without parsing words.
grpc::Status WithErrorInfo(grpc::StatusCode code, const std::string& message,
                           const std::string& reason,
                           const std::vector<std::pair<std::string, std::string>>& metadata = {},
                           std::optional<std::chrono::milliseconds> retry_after = std::nullopt);

}  // namespace assist::host

namespace assist::host {
class DatabaseFault;
// The answer to a database fault (see docs/reliability.md): UNAVAILABLE while the database is
// unreachable, RESOURCE_EXHAUSTED when its storage is full, ABORTED for a lost race or a lock
// time-out, ALREADY_EXISTS for a uniqueness rule, INTERNAL only for a defect. `request_id` is
// quoted so an operator can find the log line.
grpc::Status FaultStatus(const DatabaseFault& fault, const std::string& request_id);

// "OK", "NOT_FOUND", ... as gRPC spells the code (for logs and metrics labels).
std::string StatusCodeName(grpc::StatusCode code);

}  // namespace assist::host

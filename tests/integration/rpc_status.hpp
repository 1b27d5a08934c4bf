#pragma once
// Checking gRPC statuses, including the google.rpc.Status the host puts in the error details.
#include <grpcpp/support/status.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "google/rpc/status.pb.h"

namespace assist::it {

std::string CodeName(grpc::StatusCode code);

// "INVALID_ARGUMENT: message [field: description; ...]" for failure messages.
std::string Describe(const grpc::Status& status);

testing::AssertionResult IsOk(const grpc::Status& status);
testing::AssertionResult HasCode(const grpc::Status& status, grpc::StatusCode code);

// The google.rpc.Status carried in grpc-status-details-bin, if any and parseable.
std::optional<google::rpc::Status> RichStatus(const grpc::Status& status);

// Field names of every google.rpc.BadRequest field violation in the details.
std::vector<std::string> ViolatedFields(const grpc::Status& status);

// Types of every google.rpc.PreconditionFailure violation in the details (e.g. CONSENT_MISSING).
std::vector<std::string> PreconditionTypes(const grpc::Status& status);

// "type name" of the google.rpc.ResourceInfo in the details (e.g. "case 17"); empty if none.
std::string MissingResource(const grpc::Status& status);

// The google.rpc.ErrorInfo reason in the details (e.g. "DATABASE_UNAVAILABLE"); empty if none.
std::string ErrorReason(const grpc::Status& status);

// The value of `key` in the google.rpc.ErrorInfo metadata (e.g. "hours_left"); empty if none.
std::string ErrorMetadata(const grpc::Status& status, const std::string& key);

// Whether the details carry google.rpc.RetryInfo (the host's mark of a retryable failure).
bool HasRetryInfo(const grpc::Status& status);

}  // namespace assist::it

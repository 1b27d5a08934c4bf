#include "rpc_status.hpp"

#include <array>

#include "google/rpc/error_details.pb.h"

namespace assist::it {
namespace {

constexpr std::array<const char*, 17> kCodeNames = {
    "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
    "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
    "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
    "DATA_LOSS", "UNAUTHENTICATED"};

std::vector<google::rpc::BadRequest::FieldViolation> Violations(const grpc::Status& status) {
  std::vector<google::rpc::BadRequest::FieldViolation> violations;
  const std::optional<google::rpc::Status> rich = RichStatus(status);
  if (!rich) return violations;
  for (const google::protobuf::Any& detail : rich->details()) {
    google::rpc::BadRequest bad_request;
    if (!detail.UnpackTo(&bad_request)) continue;
    violations.insert(violations.end(), bad_request.field_violations().begin(),
                      bad_request.field_violations().end());
  }
  return violations;
}

}  // namespace

std::string CodeName(grpc::StatusCode code) {
  const auto index = static_cast<std::size_t>(code);
  return index < kCodeNames.size() ? kCodeNames[index] : "CODE_" + std::to_string(index);
}

std::string Describe(const grpc::Status& status) {
  std::string text = CodeName(status.error_code()) + ": " + status.error_message();
  const auto violations = Violations(status);
  if (!violations.empty()) {
    text += " [";
    for (const auto& v : violations) text += v.field() + ": " + v.description() + "; ";
    text += "]";
  }
  return text;
}

testing::AssertionResult IsOk(const grpc::Status& status) {
  if (status.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "RPC failed: " << Describe(status);
}

testing::AssertionResult HasCode(const grpc::Status& status, grpc::StatusCode code) {
  if (status.error_code() == code) return testing::AssertionSuccess() << Describe(status);
  return testing::AssertionFailure()
         << "expected " << CodeName(code) << ", got " << Describe(status);
}

std::optional<google::rpc::Status> RichStatus(const grpc::Status& status) {
  if (status.error_details().empty()) return std::nullopt;
  google::rpc::Status rich;
  if (!rich.ParseFromString(status.error_details())) return std::nullopt;
  return rich;
}

std::vector<std::string> ViolatedFields(const grpc::Status& status) {
  std::vector<std::string> fields;
  for (const auto& violation : Violations(status)) fields.push_back(violation.field());
  return fields;
}

std::vector<std::string> PreconditionTypes(const grpc::Status& status) {
  std::vector<std::string> types;
  const auto rich = RichStatus(status);
  if (!rich) return types;
  for (const auto& detail : rich->details()) {
    google::rpc::PreconditionFailure failure;
    if (!detail.UnpackTo(&failure)) continue;
    for (const auto& violation : failure.violations()) types.push_back(violation.type());
  }
  return types;
}

std::string MissingResource(const grpc::Status& status) {
  const auto rich = RichStatus(status);
  if (!rich) return "";
  for (const auto& detail : rich->details()) {
    google::rpc::ResourceInfo resource;
    if (detail.UnpackTo(&resource))
      return resource.resource_type() + " " + resource.resource_name();
  }
  return "";
}

std::string ErrorReason(const grpc::Status& status) {
  const auto rich = RichStatus(status);
  if (!rich) return "";
  for (const auto& detail : rich->details()) {
    google::rpc::ErrorInfo info;
    if (detail.UnpackTo(&info)) return info.reason();
  }
  return "";
}

std::string ErrorMetadata(const grpc::Status& status, const std::string& key) {
  const auto rich = RichStatus(status);
  if (!rich) return "";
  for (const auto& detail : rich->details()) {
    google::rpc::ErrorInfo info;
    if (!detail.UnpackTo(&info)) continue;
    const auto found = info.metadata().find(key);
    return found != info.metadata().end() ? found->second : "";
  }
  return "";
}

bool HasRetryInfo(const grpc::Status& status) {
  const auto rich = RichStatus(status);
  if (!rich) return false;
  for (const auto& detail : rich->details()) {
    if (detail.Is<google::rpc::RetryInfo>()) return true;
  }
  return false;
}

}  // namespace assist::it

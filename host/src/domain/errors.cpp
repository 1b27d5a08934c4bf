#include "domain/errors.hpp"

#include <absl/status/status.h>
#include <google/protobuf/util/time_util.h>

#include <cstdint>

#include "assist/v1/common.pb.h"
#include "db/database_fault.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace assist::host {
namespace {

// Status details are proto3 strings, which must be UTF-8: a client's parser rejects the whole
// status otherwise. Texts here can quote input cut at a byte count, so broken sequences are
// replaced with U+FFFD rather than trusted.
std::string ValidUtf8(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char lead = bytes[i];
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    bool ok = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) ok = (bytes[i + k] & 0xC0) == 0x80;
    if (ok && length > 1) {
      // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
      std::uint32_t cp = lead & (0x7F >> length);
      for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (bytes[i + k] & 0x3F);
      static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= kMin[length] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }
    if (ok) {
      out.append(text, i, length);
      i += length;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

grpc::Status WithDetails(grpc::StatusCode code, const std::string& message,
                         const google::protobuf::Message& detail,
                         const google::protobuf::Message* second = nullptr) {
  google::rpc::Status status;
  status.set_code(code);
  status.set_message(ValidUtf8(message));
  status.add_details()->PackFrom(detail);
  if (second != nullptr) status.add_details()->PackFrom(*second);
  return grpc::Status(code, status.message(), status.SerializeAsString());
}

}  // namespace

grpc::Status InvalidArgument(const std::vector<sdk::FieldViolation>& violations) {
  google::rpc::BadRequest english;
  assist::v1::LocalizedFieldViolations polish;
  polish.set_locale("pl");
  std::string message = "invalid request:";
  for (std::size_t i = 0; i < violations.size(); ++i) {
    const auto& v = violations[i];
    auto* en = english.add_field_violations();
    en->set_field(ValidUtf8(v.field));
    en->set_description(ValidUtf8(v.description_en));
    auto* pl = polish.add_field_violations();
    pl->set_field(en->field());
    pl->set_description(v.description_pl.empty() ? en->description() : ValidUtf8(v.description_pl));
    if (i < 5) message += (i ? "; " : " ") + v.field + " " + v.description_en;
  }
  if (violations.size() > 5) message += "; and " + std::to_string(violations.size() - 5) + " more";
  return WithDetails(grpc::StatusCode::INVALID_ARGUMENT, message, english, &polish);
}

grpc::Status FailedPrecondition(const std::string& type, const std::string& subject,
                                const std::string& description) {
  google::rpc::PreconditionFailure failure;
  auto* v = failure.add_violations();
  v->set_type(ValidUtf8(type));
  v->set_subject(ValidUtf8(subject));
  v->set_description(ValidUtf8(description));
  return WithDetails(grpc::StatusCode::FAILED_PRECONDITION, description, failure);
}

void ThrowInvalid(const std::vector<sdk::FieldViolation>& violations) {
  throw RpcError(InvalidArgument(violations));
}

void ThrowInvalid(const std::string& field, const std::string& en, const std::string& pl) {
  ThrowInvalid(std::vector<sdk::FieldViolation>{{field, en, pl}});
}

void ThrowPrecondition(const std::string& type, const std::string& subject,
                       const std::string& description) {
  throw RpcError(FailedPrecondition(type, subject, description));
}

void ThrowNotFound(const std::string& resource_type, const std::string& name) {
  google::rpc::ResourceInfo resource;
  resource.set_resource_type(ValidUtf8(resource_type));
  resource.set_resource_name(ValidUtf8(name));
  resource.set_description("not found");
  throw RpcError(WithDetails(grpc::StatusCode::NOT_FOUND, resource_type + " " + name + " not found",
                             resource));
}

void ThrowPreconditionInfo(const std::string& reason, const std::string& subject,
                           const std::string& description,
                           const std::vector<std::pair<std::string, std::string>>& metadata) {
  google::rpc::ErrorInfo info;
  info.set_reason(reason);
  info.set_domain("assist.host");
  for (const auto& [key, value] : metadata) (*info.mutable_metadata())[key] = ValidUtf8(value);
  google::rpc::PreconditionFailure failure;
  auto* v = failure.add_violations();
  v->set_type(reason);
  v->set_subject(ValidUtf8(subject));
  v->set_description(ValidUtf8(description));
  throw RpcError(WithDetails(grpc::StatusCode::FAILED_PRECONDITION, description, info, &failure));
}

void ThrowIfAny(const sdk::Violations& v) {
  if (!v.empty()) ThrowInvalid(v.list());
}

void ThrowNotFoundField(const std::string& resource_type, const std::string& name,
                        const sdk::FieldViolation& violation) {
  google::rpc::ResourceInfo resource;
  resource.set_resource_type(ValidUtf8(resource_type));
  resource.set_resource_name(ValidUtf8(name));
  resource.set_description("not found");
  google::rpc::BadRequest bad;
  auto* field = bad.add_field_violations();
  field->set_field(ValidUtf8(violation.field));
  field->set_description(ValidUtf8(violation.description_en));
  throw RpcError(WithDetails(grpc::StatusCode::NOT_FOUND, resource_type + " " + name + " not found",
                             resource, &bad));
}

void ThrowAlreadyExists(const std::string& what) {
  throw RpcError(
      WithErrorInfo(grpc::StatusCode::ALREADY_EXISTS, what + " already exists", "ALREADY_EXISTS"));
}

grpc::Status WithErrorInfo(grpc::StatusCode code, const std::string& message,
                           const std::string& reason,
                           const std::vector<std::pair<std::string, std::string>>& metadata,
                           std::optional<std::chrono::milliseconds> retry_after) {
  google::rpc::ErrorInfo info;
  info.set_reason(reason);
  info.set_domain("assist.host");
  for (const auto& [key, value] : metadata) (*info.mutable_metadata())[key] = ValidUtf8(value);
  if (!retry_after) return WithDetails(code, message, info);
  google::rpc::RetryInfo retry;
  *retry.mutable_retry_delay() =
      google::protobuf::util::TimeUtil::MillisecondsToDuration(retry_after->count());
  return WithDetails(code, message, info, &retry);
}

grpc::Status FaultStatus(const DatabaseFault& fault, const std::string& request_id) {
  using grpc::StatusCode;
  using std::chrono::milliseconds;
  const std::string request = " (request " + request_id + ")";
  // A serialization failure, a deadlock and a unique index guarding no rule of its own (a version
  // number two writers raced for) all mean the same to the caller: read again and retry.
  auto lost_race = [&](const std::string& constraint) {
    std::vector<std::pair<std::string, std::string>> metadata;
    if (!constraint.empty()) metadata.emplace_back("constraint", constraint);
    return WithErrorInfo(StatusCode::ABORTED,
                         "a concurrent change to the same records won; nothing was stored, "
                         "retry" +
                             request,
                         "CONCURRENT_UPDATE", metadata, milliseconds(50));
  };
  switch (fault.kind()) {
    case FaultKind::kUnavailable:
      return WithErrorInfo(StatusCode::UNAVAILABLE,
                           std::string(fault.what()) + "; nothing was stored, retry" + request,
                           "DATABASE_UNAVAILABLE", {}, milliseconds(1000));
    case FaultKind::kOutcomeUnknown:
      return WithErrorInfo(StatusCode::UNAVAILABLE,
                           std::string(fault.what()) +
                               ": the change may or may not be stored, read it back before "
                               "retrying" +
                               request,
                           "COMMIT_OUTCOME_UNKNOWN", {}, milliseconds(1000));
    case FaultKind::kStorageFull:
      return WithErrorInfo(StatusCode::RESOURCE_EXHAUSTED,
                           std::string(fault.what()) + "; nothing was stored" + request,
                           "DATABASE_STORAGE_FULL", {}, milliseconds(30000));
    case FaultKind::kLockTimeout:
      return WithErrorInfo(StatusCode::ABORTED,
                           std::string(fault.what()) + "; nothing was stored, retry" + request,
                           "DATABASE_LOCKED", {}, milliseconds(100));
    case FaultKind::kConflict:
      return lost_race({});
    case FaultKind::kUniqueViolation: {
      const std::string rule = UniqueRuleOf(fault.constraint());
      if (!rule.empty()) {
        return WithErrorInfo(StatusCode::ALREADY_EXISTS, rule + " already exists" + request,
                             "ALREADY_EXISTS", {{"constraint", fault.constraint()}});
      }
      return lost_race(fault.constraint());
    }
    case FaultKind::kOther:
      break;
  }
  return grpc::Status(StatusCode::INTERNAL, "database error" + request);
}

std::string StatusCodeName(grpc::StatusCode code) {
  // gRPC's codes are absl's codes, number for number; absl names them.
  std::string name = absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
  return name.empty() ? "CODE_" + std::to_string(static_cast<int>(code)) : name;
}

}  // namespace assist::host

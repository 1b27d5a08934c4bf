#include "status_words.hpp"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "assist/v1/common.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace assistctl {
namespace {

using google::protobuf::Any;

void AddViolations(
    const google::protobuf::RepeatedPtrField<google::rpc::BadRequest::FieldViolation>& violations,
    std::string& out) {
  for (const auto& v : violations) {
    out += "\n  field " + (v.field().empty() ? std::string("(request)") : v.field()) + ": " +
           v.description();
  }
}

std::string DescribeErrorInfo(const google::rpc::ErrorInfo& info) {
  std::string line = "\n  reason: " + info.reason();
  // Metadata is a map: sort it so that the same error always reads the same.
  std::vector<std::pair<std::string, std::string>> entries(info.metadata().begin(),
                                                           info.metadata().end());
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    line += (i == 0 ? " (" : ", ") + entries[i].first + "=" + entries[i].second;
  }
  if (!entries.empty()) line += ")";
  return line;
}

std::string DescribePrecondition(const google::rpc::PreconditionFailure& failure) {
  std::string out;
  for (const auto& v : failure.violations()) {
    out += "\n  precondition " + v.type();
    if (!v.subject().empty()) out += " of " + v.subject();
    out += ": " + v.description();
  }
  return out;
}

std::string DescribeDetail(const Any& detail, bool polish,
                           const assist::v1::LocalizedFieldViolations* localized) {
  google::rpc::BadRequest bad_request;
  if (detail.UnpackTo(&bad_request)) {
    std::string out;
    AddViolations(polish && localized != nullptr ? localized->field_violations()
                                                 : bad_request.field_violations(),
                  out);
    return out;
  }
  google::rpc::ErrorInfo info;
  if (detail.UnpackTo(&info)) return DescribeErrorInfo(info);
  google::rpc::PreconditionFailure precondition;
  if (detail.UnpackTo(&precondition)) return DescribePrecondition(precondition);
  google::rpc::ResourceInfo resource;
  if (detail.UnpackTo(&resource)) {
    return "\n  resource: " + resource.resource_type() + " " + resource.resource_name() +
           (resource.description().empty() ? "" : " (" + resource.description() + ")");
  }
  google::rpc::RetryInfo retry;
  if (detail.UnpackTo(&retry)) {
    return "\n  retry after " +
           std::to_string(
               google::protobuf::util::TimeUtil::DurationToMilliseconds(retry.retry_delay())) +
           " ms";
  }
  if (detail.Is<assist::v1::LocalizedFieldViolations>()) return {};  // shown with BadRequest
  return "\n  detail of type " + detail.type_url();
}

}  // namespace

std::string CodeWords(grpc::StatusCode code) {
  static constexpr const char* kWords[] = {"ok",
                                           "cancelled",
                                           "unknown error",
                                           "invalid argument",
                                           "deadline exceeded",
                                           "not found",
                                           "already exists",
                                           "permission denied",
                                           "resource exhausted",
                                           "failed precondition",
                                           "aborted",
                                           "out of range",
                                           "unimplemented",
                                           "internal error",
                                           "unavailable",
                                           "data loss",
                                           "unauthenticated"};
  const auto index = static_cast<std::size_t>(code);
  return index < std::size(kWords) ? kWords[index] : "status " + std::to_string(index);
}

std::string DescribeStatus(const grpc::Status& status, bool polish) {
  std::string out = CodeWords(status.error_code());
  if (!status.error_message().empty()) out += ": " + status.error_message();
  if (status.error_details().empty()) return out;
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) {
    return out + "\n  (the error details could not be read)";
  }
  assist::v1::LocalizedFieldViolations localized;
  bool has_localized = false;
  for (const Any& detail : details.details()) {
    if (detail.UnpackTo(&localized) && localized.locale() == "pl") {
      has_localized = true;
      break;
    }
  }
  for (const Any& detail : details.details()) {
    out += DescribeDetail(detail, polish, has_localized ? &localized : nullptr);
  }
  return out;
}

}  // namespace assistctl

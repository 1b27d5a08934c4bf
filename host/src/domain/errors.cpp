#include "domain/errors.hpp"

#include "assist/v1/common.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace assist::host {
namespace {

grpc::Status WithDetails(grpc::StatusCode code, const std::string& message,
                         const google::protobuf::Message& detail,
                         const google::protobuf::Message* second = nullptr) {
  google::rpc::Status status;
  status.set_code(code);
  status.set_message(message);
  status.add_details()->PackFrom(detail);
  if (second != nullptr) status.add_details()->PackFrom(*second);
  return grpc::Status(code, message, status.SerializeAsString());
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
    en->set_field(v.field);
    en->set_description(v.description_en);
    auto* pl = polish.add_field_violations();
    pl->set_field(v.field);
    pl->set_description(v.description_pl.empty() ? v.description_en : v.description_pl);
    if (i < 5) message += (i ? "; " : " ") + v.field + " " + v.description_en;
  }
  if (violations.size() > 5) message += "; and " + std::to_string(violations.size() - 5) + " more";
  return WithDetails(grpc::StatusCode::INVALID_ARGUMENT, message, english, &polish);
}

grpc::Status FailedPrecondition(const std::string& type, const std::string& subject,
                                const std::string& description) {
  google::rpc::PreconditionFailure failure;
  auto* v = failure.add_violations();
  v->set_type(type);
  v->set_subject(subject);
  v->set_description(description);
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

void ThrowNotFound(const std::string& what) {
  throw RpcError(grpc::Status(grpc::StatusCode::NOT_FOUND, what + " not found"));
}

void ThrowAlreadyExists(const std::string& what) {
  throw RpcError(grpc::Status(grpc::StatusCode::ALREADY_EXISTS, what + " already exists"));
}

}  // namespace assist::host

#pragma once
// Stands in at the server for a generated callback service, with request parsing in the host's
// hands. gRPC 1.51's typed callback handler answers a request that does not parse (garbage
// bytes, a truncated message, invalid UTF-8 in a proto3 string) as if the method did not exist
// (status code 12, empty message), and protobuf logs a line for each invalid string: one per
// hostile request, before anyone is authenticated. Here each unary method first parses the request
// against its input type (found by the method's name in the descriptor pool, so a method added to
// the .proto needs nothing here): what does not parse is answered INVALID_ARGUMENT naming what
// could not be parsed, before any work (no authentication, database or executor) and with at most
// one log line a minute; what parses goes to the typed service's own handler, exactly as before
// (which parses it again: the price of leaving gRPC's typed handler untouched, microseconds next to
// a transaction).
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "util/rate_limited_log.hpp"

namespace assist::host {

class ParsedRequests final : public grpc::Service {
 public:
  // `typed` is a generated CallbackService (e.g. assist::v1::CaseService::CallbackService) named
  // `service_name` (its service_full_name()); it stays the caller's and must outlive this. Register
  // this with the server instead of `typed`.
  ParsedRequests(grpc::Service& typed, const std::string& service_name);
  ~ParsedRequests() override;

 private:
  std::deque<std::string> paths_;  // "/package.Service/Method": gRPC keeps the char pointers
  RateLimitedLog refusals_;
};

}  // namespace assist::host

#pragma once
// Establishes who a call runs as, from (in this order) a bearer token — a signed JWT from a
// configured identity provider, or a static development token if allow_static_tokens is set —
// or else the verified TLS client certificate of an external app. Handlers only ever see the
// resulting Identity.
#include <grpcpp/server_context.h>

#include <chrono>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "assist/host/v1/config.pb.h"
#include "auth/identity.hpp"
#include "auth/jwt_verifier.hpp"

namespace assist::host {

class Authenticator {
 public:
  // Throws std::runtime_error when a configured key cannot be read.
  explicit Authenticator(const assist::host::v1::HostConfig& config);

  // The caller's identity, or why the call is UNAUTHENTICATED.
  std::variant<Identity, std::string> Authenticate(const grpc::ServerContextBase& context) const;
  std::variant<Identity, std::string> FromAuthorizationHeader(
      std::string_view header, std::chrono::system_clock::time_point now) const;
  std::variant<Identity, std::string> FromClientCertificate(std::string_view common_name) const;

 private:
  bool allow_static_tokens_;
  std::unordered_map<std::string, Identity> static_tokens_;
  std::unordered_map<std::string, Identity> certificates_;  // by subject common name
  JwtVerifier jwt_;
};

}  // namespace assist::host

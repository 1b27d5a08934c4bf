#pragma once
// Maps the bearer token of a call to an Identity. Today: static tokens from the config (a dev
// mode; the host warns at start). Signed tokens and client certificates plug in here without
// changing Identity or any handler.
#include <grpcpp/server_context.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "assist/host/v1/config.pb.h"
#include "auth/identity.hpp"

namespace assist::host {

class Authenticator {
 public:
  explicit Authenticator(const assist::host::v1::HostConfig& config);

  // nullopt when the call carries no valid credentials.
  std::optional<Identity> Authenticate(const grpc::ServerContextBase& context) const;
  std::optional<Identity> FromAuthorizationHeader(std::string_view header) const;

 private:
  std::unordered_map<std::string, Identity> tokens_;
};

}  // namespace assist::host

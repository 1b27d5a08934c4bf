#include "auth/authenticator.hpp"

#include <atomic>

#include "util/log.hpp"

namespace assist::host {
namespace {

std::string NextRequestId() {
  static std::atomic<unsigned long long> counter{0};
  return "req-" + std::to_string(++counter);
}

}  // namespace

Authenticator::Authenticator(const assist::host::v1::HostConfig& config) {
  for (const auto& t : config.static_tokens()) {
    tokens_[t.token()] = Identity{t.actor_id(), t.centre_id(), t.role(), {}};
  }
  if (!tokens_.empty()) {
    LogWarning("static bearer tokens configured (" + std::to_string(tokens_.size()) +
               "): development mode, anyone holding a token acts as its identity");
  }
}

std::optional<Identity> Authenticator::FromAuthorizationHeader(std::string_view header) const {
  constexpr std::string_view kScheme = "Bearer ";
  if (header.substr(0, kScheme.size()) != kScheme) return std::nullopt;
  auto it = tokens_.find(std::string(header.substr(kScheme.size())));
  if (it == tokens_.end()) return std::nullopt;
  return it->second;
}

std::optional<Identity> Authenticator::Authenticate(const grpc::ServerContextBase& context) const {
  const auto& metadata = context.client_metadata();
  auto auth = metadata.find("authorization");
  if (auth == metadata.end()) return std::nullopt;
  auto identity = FromAuthorizationHeader(std::string_view(auth->second.data(), auth->second.size()));
  if (!identity) return std::nullopt;
  auto request_id = metadata.find("x-request-id");
  identity->request_id = request_id != metadata.end() && request_id->second.size() <= 128
                             ? std::string(request_id->second.data(), request_id->second.size())
                             : NextRequestId();
  return identity;
}

}  // namespace assist::host

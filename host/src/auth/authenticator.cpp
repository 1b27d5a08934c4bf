#include "auth/authenticator.hpp"

#include "util/log.hpp"

namespace assist::host {
namespace {

template <typename Config>
Identity ConfiguredIdentity(const Config& c, const char* how) {
  Identity who;
  who.actor_id = c.actor_id();
  who.centre_id = c.centre_id();
  who.role = c.role();
  who.scopes.assign(c.scopes().begin(), c.scopes().end());
  who.authenticated_by = how;
  return who;
}

}  // namespace

Authenticator::Authenticator(const assist::host::v1::HostConfig& config)
    : allow_static_tokens_(config.allow_static_tokens()), jwt_(config.jwt_issuers()) {
  for (const auto& t : config.static_tokens()) {
    static_tokens_[t.token()] = ConfiguredIdentity(t, "static-token");
  }
  for (const auto& c : config.client_certificates()) {
    certificates_[c.subject_common_name()] = ConfiguredIdentity(c, "client-certificate");
  }
  if (allow_static_tokens_ && !static_tokens_.empty()) {
    LogWarning("static bearer tokens allowed (" + std::to_string(static_tokens_.size()) +
               "): DEVELOPMENT MODE, anyone holding a token acts as its identity");
  }
}

std::variant<Identity, std::string> Authenticator::FromAuthorizationHeader(
    std::string_view header, std::chrono::system_clock::time_point now) const {
  constexpr std::string_view kScheme = "Bearer ";
  if (header.substr(0, kScheme.size()) != kScheme) {
    return std::string("authorization must be \"Bearer <token>\"");
  }
  std::string token(header.substr(kScheme.size()));
  if (!jwt_.empty() && LooksLikeJwt(token)) {
    auto verified = jwt_.Verify(token, now);
    if (auto* who = std::get_if<Identity>(&verified)) who->authenticated_by = "jwt";
    return verified;
  }
  if (allow_static_tokens_) {
    auto it = static_tokens_.find(token);
    if (it != static_tokens_.end()) return it->second;
  }
  return std::string("bearer token is not valid");
}

std::variant<Identity, std::string> Authenticator::FromClientCertificate(
    std::string_view common_name) const {
  auto it = certificates_.find(std::string(common_name));
  if (it == certificates_.end()) {
    return "client certificate \"" + std::string(common_name) + "\" is not mapped to an app";
  }
  return it->second;
}

std::variant<Identity, std::string> Authenticator::Authenticate(
    const grpc::ServerContextBase& context) const {
  std::variant<Identity, std::string> result =
      std::string("a bearer token or a client certificate is required");
  const auto& metadata = context.client_metadata();
  auto auth = metadata.find("authorization");
  if (auth != metadata.end()) {
    result = FromAuthorizationHeader(std::string_view(auth->second.data(), auth->second.size()),
                                     std::chrono::system_clock::now());
  } else if (auto auth_context = context.auth_context();
             auth_context && auth_context->IsPeerAuthenticated()) {
    // Only present when the TLS handshake verified the client certificate against client_ca_file.
    auto names = auth_context->FindPropertyValues("x509_common_name");
    if (!names.empty())
      result = FromClientCertificate(std::string_view(names[0].data(), names[0].size()));
  }
  return result;
}

}  // namespace assist::host

#include "auth/jwt_verifier.hpp"

#include <jwt.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "auth/roles.hpp"
#include "util/files.hpp"

namespace assist::host {
namespace {

struct JwtFree {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtFree>;

JwtPtr Decode(const std::string& token, const std::string* key) {
  jwt_t* raw = nullptr;
  int rc = key == nullptr
               ? jwt_decode(&raw, token.c_str(), nullptr, 0)
               : jwt_decode(&raw, token.c_str(), reinterpret_cast<const unsigned char*>(key->data()),
                            static_cast<int>(key->size()));
  if (rc != 0) {
    jwt_free(raw);
    return nullptr;
  }
  return JwtPtr(raw);
}

// A numeric claim, or nullopt when absent (libjwt signals that through errno).
std::optional<long> NumericClaim(jwt_t* jwt, const char* name) {
  errno = 0;
  long value = jwt_get_grant_int(jwt, name);
  if (errno != 0) return std::nullopt;
  return value;
}

std::string Claim(jwt_t* jwt, const char* name) {
  const char* value = jwt_get_grant(jwt, name);
  return value == nullptr ? std::string() : std::string(value);
}

// aud may be a string or an array of strings.
bool AudienceMatches(jwt_t* jwt, const std::string& audience) {
  if (Claim(jwt, "aud") == audience) return true;
  char* json = jwt_get_grants_json(jwt, "aud");
  if (json == nullptr) return false;
  std::string list(json);
  free(json);
  return list.find("\"" + audience + "\"") != std::string::npos && list.front() == '[';
}

std::string ReadKey(const assist::host::v1::JwtIssuer& config) {
  if (!config.public_key_pem().empty()) return config.public_key_pem();
  return ReadTextFile(config.public_key_file(), "public key of jwt issuer " + config.issuer());
}

}  // namespace

bool LooksLikeJwt(const std::string& token) {
  return std::count(token.begin(), token.end(), '.') == 2 && token.size() > 20;
}

JwtVerifier::JwtVerifier(
    const google::protobuf::RepeatedPtrField<assist::host::v1::JwtIssuer>& issuers) {
  for (const auto& config : issuers) {
    if (config.algorithm() != "RS256" && config.algorithm() != "ES256") {
      throw std::runtime_error("jwt issuer " + config.issuer() + ": algorithm must be RS256 or ES256");
    }
    if (config.issuer().empty() || config.audience().empty()) {
      throw std::runtime_error("jwt issuer: issuer and audience are required");
    }
    issuers_.push_back({config.issuer(), config.audience(), config.algorithm(), ReadKey(config),
                        config.leeway_seconds() > 0 ? config.leeway_seconds() : 60});
  }
}

std::variant<Identity, std::string> JwtVerifier::Verify(
    const std::string& token, std::chrono::system_clock::time_point now) const {
  // First look without trusting anything: which issuer, which algorithm.
  JwtPtr unverified = Decode(token, nullptr);
  if (!unverified) return std::string("token is not a well-formed JWT");
  const std::string iss = Claim(unverified.get(), "iss");
  auto issuer = std::find_if(issuers_.begin(), issuers_.end(),
                             [&](const Issuer& i) { return i.issuer == iss; });
  if (issuer == issuers_.end()) return "token issuer \"" + iss + "\" is not trusted";
  // The header as sent: libjwt reports alg "none" for any token decoded without a key.
  const char* alg = jwt_get_header(unverified.get(), "alg");
  if (alg == nullptr || alg != issuer->algorithm) {
    return "token algorithm is not " + issuer->algorithm;
  }
  JwtPtr jwt = Decode(token, &issuer->public_key_pem);
  if (!jwt) return std::string("token signature does not verify with the issuer's key");

  const long seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto exp = NumericClaim(jwt.get(), "exp");
  if (!exp) return std::string("token has no expiry (exp)");
  if (seconds > *exp + issuer->leeway_seconds) return std::string("token has expired");
  const auto nbf = NumericClaim(jwt.get(), "nbf");
  if (nbf && seconds + issuer->leeway_seconds < *nbf) return std::string("token is not valid yet (nbf)");
  if (!AudienceMatches(jwt.get(), issuer->audience)) {
    return "token audience is not \"" + issuer->audience + "\"";
  }
  Identity who;
  who.actor_id = Claim(jwt.get(), "sub");
  who.centre_id = Claim(jwt.get(), "centre");
  auto role = RoleFromName(Claim(jwt.get(), "role"));
  if (who.actor_id.empty()) return std::string("token has no subject (sub)");
  if (!role) return "token role \"" + Claim(jwt.get(), "role") + "\" is unknown";
  who.role = *role;
  if ((who.role == assist::v1::ROLE_OPERATOR) != who.centre_id.empty()) {
    return std::string("token centre claim does not fit its role");
  }
  std::istringstream scopes(Claim(jwt.get(), "scope"));
  for (std::string scope; scopes >> scope;) who.scopes.push_back(scope);
  return who;
}

}  // namespace assist::host

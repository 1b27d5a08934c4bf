#include "auth/jwt_verifier.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <jwt.h>

#include <algorithm>
#include <cmath>
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
  int rc = key == nullptr ? jwt_decode(&raw, token.c_str(), nullptr, 0)
                          : jwt_decode(&raw, token.c_str(),
                                       reinterpret_cast<const unsigned char*>(key->data()),
                                       static_cast<int>(key->size()));
  if (rc != 0) {
    jwt_free(raw);
    return nullptr;
  }
  return JwtPtr(raw);
}

// A claim's JSON value as libjwt holds it, parsed; nullopt when absent or not JSON.
std::optional<google::protobuf::Value> JsonClaim(jwt_t* jwt, const char* name) {
  char* json = jwt_get_grants_json(jwt, name);
  if (json == nullptr) return std::nullopt;
  google::protobuf::Value value;
  const bool parsed = google::protobuf::util::JsonStringToMessage(json, &value).ok();
  free(json);
  if (!parsed) return std::nullopt;
  return value;
}

// A NumericDate claim (RFC 7519: seconds, fractions allowed), whole seconds rounded down; nullopt
// when absent or not a number.
std::optional<long> NumericDate(jwt_t* jwt, const char* name) {
  auto value = JsonClaim(jwt, name);
  if (!value || value->kind_case() != google::protobuf::Value::kNumberValue) return std::nullopt;
  return static_cast<long>(std::floor(value->number_value()));
}

std::string Claim(jwt_t* jwt, const char* name) {
  const char* value = jwt_get_grant(jwt, name);
  return value == nullptr ? std::string() : std::string(value);
}

// aud is a string or an array of strings (RFC 7519 4.1.3), compared exactly; anything else in it
// makes the token unusable rather than half-read.
bool AudienceMatches(jwt_t* jwt, const std::string& audience) {
  auto aud = JsonClaim(jwt, "aud");
  if (!aud) return false;
  if (aud->kind_case() == google::protobuf::Value::kStringValue) {
    return aud->string_value() == audience;
  }
  if (aud->kind_case() != google::protobuf::Value::kListValue) return false;
  bool found = false;
  for (const auto& entry : aud->list_value().values()) {
    if (entry.kind_case() != google::protobuf::Value::kStringValue) return false;
    found = found || entry.string_value() == audience;
  }
  return found;
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
      throw std::runtime_error("jwt issuer " + config.issuer() +
                               ": algorithm must be RS256 or ES256");
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

  const long seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto exp = NumericDate(jwt.get(), "exp");
  if (!exp) return std::string("token has no expiry (exp)");
  if (seconds > *exp + issuer->leeway_seconds) return std::string("token has expired");
  const auto nbf = NumericDate(jwt.get(), "nbf");
  if (nbf && seconds + issuer->leeway_seconds < *nbf)
    return std::string("token is not valid yet (nbf)");
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
  if (RoleOfThePlatform(who.role) != who.centre_id.empty()) {
    return std::string("token centre claim does not fit its role");
  }
  std::istringstream scopes(Claim(jwt.get(), "scope"));
  for (std::string scope; scopes >> scope;) who.scopes.push_back(scope);
  return who;
}

}  // namespace assist::host

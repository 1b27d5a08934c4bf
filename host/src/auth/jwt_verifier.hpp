#pragma once
// Verifies signed bearer tokens (JWT, RS256 or ES256) from configured identity providers and maps
// their claims to an Identity. The algorithm is pinned per issuer and checked before the
// signature, so a token cannot choose "none" or an HMAC keyed with the public key.
#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "assist/host/v1/config.pb.h"
#include "auth/identity.hpp"

namespace assist::host {

class JwtVerifier {
 public:
  // Reads the issuers' public keys; throws std::runtime_error naming a key it cannot read.
  explicit JwtVerifier(
      const google::protobuf::RepeatedPtrField<assist::host::v1::JwtIssuer>& issuers);

  bool empty() const { return issuers_.empty(); }

  // The identity, or why the token is refused (for the UNAUTHENTICATED message and the log).
  std::variant<Identity, std::string> Verify(const std::string& token,
                                             std::chrono::system_clock::time_point now) const;

 private:
  struct Issuer {
    std::string issuer, audience, algorithm, public_key_pem;
    int leeway_seconds = 60;
  };
  std::vector<Issuer> issuers_;
};

// True when the text has the shape of a JWS compact token (three base64url parts).
bool LooksLikeJwt(const std::string& token);

}  // namespace assist::host

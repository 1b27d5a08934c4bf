#pragma once
// Bearer tokens (JWT) signed in the test with libjwt, as a centre's identity provider issues them.
#include <string>

namespace assist::it {

inline constexpr std::string_view kJwtIssuer = "https://idp.sopot.example/realms/mops";
inline constexpr std::string_view kJwtAudience = "assist";

struct JwtClaims {
  std::string iss = std::string(kJwtIssuer);
  std::string aud = std::string(kJwtAudience);
  std::string sub = "anna.kowalska";
  std::string centre = "mops-sopot";  // empty: no claim
  std::string role = "social_worker";
  std::string scope;       // empty: no claim
  long expires_in = 300;   // seconds from now; negative: expired
  long not_before_in = 0;  // seconds from now of the nbf claim; 0: no claim
};

enum class JwtAlg { kRs256, kHs256, kNone };

// The signed token; `key` is a PEM private key (RS256) or the HMAC secret (HS256), unused for
// kNone. Empty if libjwt refuses.
std::string SignJwt(const JwtClaims& claims, JwtAlg alg, const std::string& key);

}  // namespace assist::it

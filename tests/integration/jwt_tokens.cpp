#include "jwt_tokens.hpp"

#include <jwt.h>

#include <chrono>
#include <cstdlib>

namespace assist::it {

std::string SignJwt(const JwtClaims& claims, JwtAlg alg, const std::string& key) {
  jwt_t* jwt = nullptr;
  if (jwt_new(&jwt) != 0) return "";
  const long now =
      static_cast<long>(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
  jwt_add_grant(jwt, "iss", claims.iss.c_str());
  jwt_add_grant(jwt, "aud", claims.aud.c_str());
  jwt_add_grant(jwt, "sub", claims.sub.c_str());
  if (!claims.centre.empty()) jwt_add_grant(jwt, "centre", claims.centre.c_str());
  jwt_add_grant(jwt, "role", claims.role.c_str());
  if (!claims.scope.empty()) jwt_add_grant(jwt, "scope", claims.scope.c_str());
  jwt_add_grant_int(jwt, "exp", now + claims.expires_in);
  jwt_add_grant_int(jwt, "iat", now);
  if (claims.not_before_in != 0) jwt_add_grant_int(jwt, "nbf", now + claims.not_before_in);
  const auto* bytes = reinterpret_cast<const unsigned char*>(key.data());
  const int size = static_cast<int>(key.size());
  const int rc = alg == JwtAlg::kRs256   ? jwt_set_alg(jwt, JWT_ALG_RS256, bytes, size)
                 : alg == JwtAlg::kHs256 ? jwt_set_alg(jwt, JWT_ALG_HS256, bytes, size)
                                         : jwt_set_alg(jwt, JWT_ALG_NONE, nullptr, 0);
  char* token = rc == 0 ? jwt_encode_str(jwt) : nullptr;
  std::string out = token != nullptr ? token : "";
  std::free(token);
  jwt_free(jwt);
  return out;
}

}  // namespace assist::it

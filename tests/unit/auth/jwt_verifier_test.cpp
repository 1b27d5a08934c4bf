#include "auth/jwt_verifier.hpp"

#include <gtest/gtest.h>
#include <jwt.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace assist::host {
namespace {

using Clock = std::chrono::system_clock;

struct KeyPair {
  std::string private_pem, public_pem;
};

std::string ToPem(EVP_PKEY* key, bool private_part) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (private_part) {
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  } else {
    PEM_write_bio_PUBKEY(bio, key);
  }
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return pem;
}

KeyPair Generate(bool rsa) {
  EVP_PKEY* key = rsa ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
  KeyPair pair{ToPem(key, true), ToPem(key, false)};
  EVP_PKEY_free(key);
  return pair;
}

const KeyPair& Rsa() {
  static const KeyPair pair = Generate(true);
  return pair;
}
const KeyPair& OtherRsa() {
  static const KeyPair pair = Generate(true);
  return pair;
}
const KeyPair& Ec() {
  static const KeyPair pair = Generate(false);
  return pair;
}

struct Claims {
  std::string iss = "https://idp.sopot.example";
  std::string aud = "assist";
  std::string sub = "anna.kowalska";
  std::string centre = "mops-sopot";
  std::string role = "assistant";
  std::string scope;
  long exp_in = 300;  // seconds from now; 0: no exp claim
  long nbf_in = 0;    // seconds from now; 0: no nbf claim
  std::string json;   // more claims as a JSON object, e.g. R"({"aud": ["a", "b"]})" (aud "" then)
};

std::string Sign(const Claims& c, jwt_alg_t alg, const std::string& key) {
  jwt_t* jwt = nullptr;
  jwt_new(&jwt);
  const long now = Clock::to_time_t(Clock::now());
  jwt_add_grant(jwt, "iss", c.iss.c_str());
  if (!c.aud.empty()) jwt_add_grant(jwt, "aud", c.aud.c_str());
  if (!c.json.empty()) jwt_add_grants_json(jwt, c.json.c_str());
  jwt_add_grant(jwt, "sub", c.sub.c_str());
  if (!c.centre.empty()) jwt_add_grant(jwt, "centre", c.centre.c_str());
  jwt_add_grant(jwt, "role", c.role.c_str());
  if (!c.scope.empty()) jwt_add_grant(jwt, "scope", c.scope.c_str());
  if (c.exp_in != 0) jwt_add_grant_int(jwt, "exp", now + c.exp_in);
  if (c.nbf_in != 0) jwt_add_grant_int(jwt, "nbf", now + c.nbf_in);
  jwt_set_alg(jwt, alg, reinterpret_cast<const unsigned char*>(key.data()),
              static_cast<int>(key.size()));
  char* token = jwt_encode_str(jwt);
  std::string out = token ? token : "";
  free(token);
  jwt_free(jwt);
  return out;
}

JwtVerifier Verifier() {
  google::protobuf::RepeatedPtrField<assist::host::v1::JwtIssuer> issuers;
  auto* rsa = issuers.Add();
  rsa->set_issuer("https://idp.sopot.example");
  rsa->set_audience("assist");
  rsa->set_algorithm("RS256");
  rsa->set_public_key_pem(Rsa().public_pem);
  auto* ec = issuers.Add();
  ec->set_issuer("https://idp.jastrzebia.example");
  ec->set_audience("assist");
  ec->set_algorithm("ES256");
  ec->set_public_key_pem(Ec().public_pem);
  return JwtVerifier(issuers);
}

std::string Refusal(const std::string& token) {
  auto result = Verifier().Verify(token, Clock::now());
  if (auto* why = std::get_if<std::string>(&result)) return *why;
  return "ACCEPTED";
}

TEST(JwtVerifierTest, AcceptsAnRs256TokenAndMapsItsClaims) {
  Claims c;
  c.scope = "GetCase ListCases";
  auto result = Verifier().Verify(Sign(c, JWT_ALG_RS256, Rsa().private_pem), Clock::now());
  const Identity* who = std::get_if<Identity>(&result);
  ASSERT_NE(who, nullptr) << std::get<std::string>(result);
  EXPECT_EQ(who->actor_id, "anna.kowalska");
  EXPECT_EQ(who->centre_id, "mops-sopot");
  EXPECT_EQ(who->role, assist::v1::ROLE_ASSISTANT);
  EXPECT_EQ(who->scopes, (std::vector<std::string>{"GetCase", "ListCases"}));
}

TEST(JwtVerifierTest, AcceptsAnEs256TokenOfItsIssuer) {
  Claims c;
  c.iss = "https://idp.jastrzebia.example";
  c.centre = "gops-jastrzebia";
  c.role = "head";
  EXPECT_EQ(Refusal(Sign(c, JWT_ALG_ES256, Ec().private_pem)), "ACCEPTED");
}

TEST(JwtVerifierTest, RefusesExpiredAndNotYetValidTokens) {
  Claims expired;
  expired.exp_in = -3600;
  EXPECT_EQ(Refusal(Sign(expired, JWT_ALG_RS256, Rsa().private_pem)), "token has expired");
  Claims early;
  early.nbf_in = 3600;
  EXPECT_EQ(Refusal(Sign(early, JWT_ALG_RS256, Rsa().private_pem)), "token is not valid yet (nbf)");
  Claims forever;
  forever.exp_in = 0;
  EXPECT_EQ(Refusal(Sign(forever, JWT_ALG_RS256, Rsa().private_pem)), "token has no expiry (exp)");
}

TEST(JwtVerifierTest, RefusesAnotherAudienceIssuerOrKey) {
  Claims other_audience;
  other_audience.aud = "payroll";
  EXPECT_EQ(Refusal(Sign(other_audience, JWT_ALG_RS256, Rsa().private_pem)),
            "token audience is not \"assist\"");
  Claims stranger;
  stranger.iss = "https://evil.example";
  EXPECT_NE(Refusal(Sign(stranger, JWT_ALG_RS256, Rsa().private_pem)).find("not trusted"),
            std::string::npos);
  EXPECT_EQ(Refusal(Sign(Claims{}, JWT_ALG_RS256, OtherRsa().private_pem)),
            "token signature does not verify with the issuer's key");
}

// aud is read as JSON: an array naming the audience exactly is accepted, strings that only
// contain its quoted name are not (they once were, matched as a substring of the JSON text).
TEST(JwtVerifierTest, ReadsTheAudienceAsJson) {
  auto with_aud = [](const std::string& json) {
    Claims c;
    c.aud.clear();
    c.json = R"({"aud": )" + json + "}";
    return Refusal(Sign(c, JWT_ALG_RS256, Rsa().private_pem));
  };
  EXPECT_EQ(with_aud(R"(["payroll", "assist"])"), "ACCEPTED");
  EXPECT_EQ(with_aud(R"("assist")"), "ACCEPTED");
  const std::string refused = "token audience is not \"assist\"";
  EXPECT_EQ(with_aud(R"(["\"assist"])"), refused);
  EXPECT_EQ(with_aud(R"(["x\",\"assist"])"), refused);
  EXPECT_EQ(with_aud(R"(["assist ", "Assist"])"), refused);
  EXPECT_EQ(with_aud(R"(["assist", 7])"), refused);
  EXPECT_EQ(with_aud(R"({"assist": true})"), refused);
}

// exp and nbf are NumericDates, which may have fractions (RFC 7519 2).
TEST(JwtVerifierTest, AcceptsFractionalNumericDates) {
  const long now = Clock::to_time_t(Clock::now());
  Claims c;
  c.exp_in = 0;
  c.json = R"({"exp": )" + std::to_string(now + 300) + R"(.5, "nbf": )" + std::to_string(now - 10) +
           ".25}";
  EXPECT_EQ(Refusal(Sign(c, JWT_ALG_RS256, Rsa().private_pem)), "ACCEPTED");
  c.json = R"({"exp": )" + std::to_string(now - 3600) + ".5}";
  EXPECT_EQ(Refusal(Sign(c, JWT_ALG_RS256, Rsa().private_pem)), "token has expired");
  c.json = R"({"exp": "tomorrow"})";
  EXPECT_EQ(Refusal(Sign(c, JWT_ALG_RS256, Rsa().private_pem)), "token has no expiry (exp)");
}

TEST(JwtVerifierTest, RefusesAlgorithmsTheIssuerDoesNotUse) {
  // "none", and HS256 keyed with the (public) RSA key: the classic algorithm-confusion forgery.
  EXPECT_EQ(Refusal(Sign(Claims{}, JWT_ALG_NONE, "")), "token algorithm is not RS256");
  EXPECT_EQ(Refusal(Sign(Claims{}, JWT_ALG_HS256, Rsa().public_pem)),
            "token algorithm is not RS256");
  EXPECT_EQ(Refusal(Sign(Claims{}, JWT_ALG_ES256, Ec().private_pem)),
            "token algorithm is not RS256");
}

TEST(JwtVerifierTest, RefusesClaimsThatDoNotMakeAnIdentity) {
  Claims unknown_role;
  unknown_role.role = "superuser";
  EXPECT_EQ(Refusal(Sign(unknown_role, JWT_ALG_RS256, Rsa().private_pem)),
            "token role \"superuser\" is unknown");
  Claims no_centre;
  no_centre.centre = "";
  EXPECT_EQ(Refusal(Sign(no_centre, JWT_ALG_RS256, Rsa().private_pem)),
            "token centre claim does not fit its role");
  EXPECT_EQ(Refusal("not.a.token"), "token is not a well-formed JWT");
  Claims platform_auditor_of_a_centre;
  platform_auditor_of_a_centre.role = "platform_auditor";
  EXPECT_EQ(Refusal(Sign(platform_auditor_of_a_centre, JWT_ALG_RS256, Rsa().private_pem)),
            "token centre claim does not fit its role");
}

TEST(JwtVerifierTest, APlatformAuditorBelongsToNoCentre) {
  Claims c;
  c.role = "platform_auditor";
  c.centre = "";
  auto result = Verifier().Verify(Sign(c, JWT_ALG_RS256, Rsa().private_pem), Clock::now());
  const Identity* who = std::get_if<Identity>(&result);
  ASSERT_NE(who, nullptr) << std::get<std::string>(result);
  EXPECT_EQ(who->role, assist::v1::ROLE_PLATFORM_AUDITOR);
  EXPECT_EQ(who->centre_id, "");
}

}  // namespace
}  // namespace assist::host

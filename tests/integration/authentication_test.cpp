// Who a call runs as, on a host configured as in production: TLS with a client CA (client
// certificates optional), one JWT issuer (RS256), an app known by its client certificate, and
// static tokens not allowed. Keys and certificates are made with openssl
// at test time; tokens are signed with libjwt. One backend is enough: nothing here is SQL.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "host_config.hpp"
#include "host_process.hpp"
#include "host_test.hpp"
#include "jwt_tokens.hpp"
#include "rpc_status.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

class AuthenticationTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
    dir_ = std::make_unique<TempDir>("assist-auth");
    ASSERT_EQ(MakeTestPki(dir_->path(), &pki_), "");
    SecuritySetup security;
    security.allow_static_tokens = false;
    security.tls = TlsSetup{pki_.server.cert, pki_.server.key, pki_.ca_cert, false};
    security.jwt_issuers.push_back(
        {std::string(kJwtIssuer), std::string(kJwtAudience), "RS256", pki_.jwt_public_key});
    security.client_certificates.push_back({std::string(kAppCommonName),
                                            "case-files",
                                            std::string(kSopot),
                                            "ROLE_APP",
                                            {"ListCases", "GetCase"}});
    const auto config = dir_->path() / "host.textproto";
    std::ofstream(config) << HostConfigText({"sqlite", (dir_->path() / "assist.db").string(), ""},
                                            ASSIST_PLUGIN_DIR, security);
    const std::optional<int> port = host_.Start(ASSIST_HOST_BINARY, config, dir_->path());
    ASSERT_TRUE(port.has_value()) << host_.error();
    target_ = "127.0.0.1:" + std::to_string(*port);
    auto channel = TlsChannel(target_, {ReadFile(pki_.ca_cert), "", ""});
    ASSERT_TRUE(
        channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10)))
        << "no TLS connection to " << target_ << "; host output:\n"
        << host_.output();
    tls_ = std::make_unique<Client>(std::move(channel));
  }

  void TearDown() override {
    tls_.reset();
    if (host_.running()) {
      EXPECT_EQ(host_.Stop(), "exit 0");
    }
    if (HasFailure()) std::cerr << "---- assist-host output ----\n" << host_.output() << "----\n";
  }

  std::string Token(const JwtClaims& claims) const {
    return SignJwt(claims, JwtAlg::kRs256, ReadFile(pki_.jwt_private_key));
  }

  static grpc::Status ListCases(Client& client, std::string_view token) {
    v1::ListCasesResponse ignored;
    return client.Call(token, &Cases::ListCases, v1::ListCasesRequest(), &ignored);
  }

  // A client presenting `app`'s certificate.
  std::unique_ptr<Client> AppClient(const KeyAndCert& app) const {
    return std::make_unique<Client>(
        TlsChannel(target_, {ReadFile(pki_.ca_cert), ReadFile(app.key), ReadFile(app.cert)}));
  }

  // `status` is UNAUTHENTICATED and names `reason`, so the token was refused for what the test
  // broke in it and not for something else.
  static void ExpectRefused(const grpc::Status& status, const std::string& reason) {
    EXPECT_TRUE(HasCode(status, StatusCode::UNAUTHENTICATED));
    EXPECT_NE(status.error_message().find(reason), std::string::npos)
        << "refused, but not because of the " << reason << ": " << status.error_message();
    const std::string why = ErrorReason(status);
    EXPECT_TRUE(why == "UNAUTHENTICATED" || why == "UNKNOWN_CENTRE")
        << "google.rpc.ErrorInfo reason: \"" << why << "\"";
  }

  std::unique_ptr<TempDir> dir_;
  TestPki pki_;
  HostProcess host_;
  std::string target_;
  std::unique_ptr<Client> tls_;  // TLS, no client certificate
};

TEST_P(AuthenticationTest, ValidTokenActsAsItsClaims) {
  ASSERT_TRUE(IsOk(ListCases(*tls_, Token(JwtClaims()))));

  v1::CreatePersonRequest request;
  request.set_given_name("Ewa");
  request.set_family_name("Lis");
  request.set_birth_date("1990-02-02");
  v1::Person person;
  ASSERT_TRUE(IsOk(tls_->Call(Token(JwtClaims()), &Cases::CreatePerson, request, &person)));
  EXPECT_EQ(person.centre_id(), kSopot);

  JwtClaims auditor;
  auditor.sub = "jan.audytor";
  auditor.role = "auditor";
  EXPECT_TRUE(HasCode(tls_->Call(Token(auditor), &Cases::CreatePerson, request, &person),
                      StatusCode::PERMISSION_DENIED));
  v1::ListAuditEventsRequest by_anna;
  by_anna.set_actor_id("anna.kowalska");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(IsOk(tls_->Call(Token(auditor), &Audit::ListAuditEvents, by_anna, &events)));
  ASSERT_EQ(events.events_size(), 1) << events.DebugString();
  EXPECT_EQ(events.events(0).rpc(), "CreatePerson");
  EXPECT_EQ(events.events(0).role(), v1::ROLE_SOCIAL_WORKER);
  EXPECT_EQ(events.events(0).centre_id(), kSopot);
}

TEST_P(AuthenticationTest, ExpiredTokenIsUnauthenticated) {
  JwtClaims claims;
  claims.expires_in = -3600;  // well beyond the 60 s leeway
  ExpectRefused(ListCases(*tls_, Token(claims)), "expired");
}

TEST_P(AuthenticationTest, TokenNotValidYetIsUnauthenticated) {
  JwtClaims claims;
  claims.not_before_in = 3600;
  ExpectRefused(ListCases(*tls_, Token(claims)), "not valid yet");
  claims.not_before_in = -10;  // valid since a moment ago
  EXPECT_TRUE(IsOk(ListCases(*tls_, Token(claims))));
}

TEST_P(AuthenticationTest, TokenForAnotherAudienceIsUnauthenticated) {
  JwtClaims claims;
  claims.aud = "payroll";
  ExpectRefused(ListCases(*tls_, Token(claims)), "audience");
}

// A validly signed token naming a centre the platform does not have acts for nobody.
TEST_P(AuthenticationTest, TokenOfAnUnknownCentreIsUnauthenticated) {
  JwtClaims claims;
  claims.centre = "mops-nowhere";
  ExpectRefused(ListCases(*tls_, Token(claims)), "does not exist");
  v1::CreatePersonRequest request;
  request.set_given_name("Anna");
  request.set_family_name("Nowak");
  request.set_birth_date("1990-01-01");
  v1::Person person;
  ExpectRefused(tls_->Call(Token(claims), &Cases::CreatePerson, request, &person),
                "does not exist");
}

TEST_P(AuthenticationTest, TokenSignedWithAnotherKeyIsUnauthenticated) {
  const std::string token = SignJwt(JwtClaims(), JwtAlg::kRs256, ReadFile(pki_.wrong_private_key));
  ASSERT_FALSE(token.empty());
  ExpectRefused(ListCases(*tls_, token), "signature");
}

TEST_P(AuthenticationTest, UnsignedTokenIsUnauthenticated) {
  const std::string token = SignJwt(JwtClaims(), JwtAlg::kNone, "");
  ASSERT_TRUE(token.ends_with(".")) << "an alg none token has an empty signature: " << token;
  ExpectRefused(ListCases(*tls_, token), "algorithm");
}

TEST_P(AuthenticationTest, TokenMacedWithThePublicKeyIsUnauthenticated) {
  const std::string token = SignJwt(JwtClaims(), JwtAlg::kHs256, ReadFile(pki_.jwt_public_key));
  ASSERT_FALSE(token.empty());
  ExpectRefused(ListCases(*tls_, token), "algorithm");
}

TEST_P(AuthenticationTest, TokenOfAnUntrustedIssuerIsUnauthenticated) {
  JwtClaims claims;
  claims.iss = "https://idp.elsewhere.example";
  ExpectRefused(ListCases(*tls_, Token(claims)), "issuer");
}

TEST_P(AuthenticationTest, NoTokenAndNoCertificateIsUnauthenticated) {
  ExpectRefused(ListCases(*tls_, ""), "required");
}

TEST_P(AuthenticationTest, StaticTokenIsUnauthenticatedWhenNotAllowed) {
  // The development token every other integration test acts with.
  ExpectRefused(ListCases(*tls_, Sopot().head.token), "not valid");
}

TEST_P(AuthenticationTest, MappedClientCertificateActsAsItsAppWithinItsScopes) {
  std::unique_ptr<Client> app = AppClient(pki_.app);
  EXPECT_TRUE(IsOk(ListCases(*app, "")));
  v1::GetCaseRequest get;
  get.set_case_id(424242);
  v1::CaseDetail detail;
  EXPECT_TRUE(HasCode(app->Call("", &Cases::GetCase, get, &detail), StatusCode::NOT_FOUND))
      << "GetCase is in the app's scopes: admitted, and the case does not exist";
  v1::OpenCaseRequest open;
  open.set_type_id("family");
  open.set_family_id(1);
  open.set_referral_reason("app referral");
  v1::Case opened;
  EXPECT_TRUE(
      HasCode(app->Call("", &Cases::OpenCase, open, &opened), StatusCode::PERMISSION_DENIED))
      << "OpenCase is allowed to ROLE_APP but not in this app's scopes";

  // Both refusals are the mapped app's, in its centre's trail.
  JwtClaims auditor;
  auditor.sub = "jan.audytor";
  auditor.role = "auditor";
  v1::ListAuditEventsRequest by_app;
  by_app.set_actor_id("case-files");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(IsOk(tls_->Call(Token(auditor), &Audit::ListAuditEvents, by_app, &events)));
  ASSERT_EQ(events.events_size(), 2) << events.DebugString();
  for (const v1::AuditEvent& event : events.events()) {
    EXPECT_EQ(event.role(), v1::ROLE_APP);
    EXPECT_EQ(event.action(), "denied");
  }
}

TEST_P(AuthenticationTest, CertificateOfTheCaWithAnUnmappedNameIsUnauthenticated) {
  // The handshake succeeds (the CA is trusted); the host knows no app of that name.
  std::unique_ptr<Client> stranger = AppClient(pki_.unmapped_app);
  ExpectRefused(ListCases(*stranger, ""), "is not mapped to an app");
}

TEST_P(AuthenticationTest, CertificateOfAnotherCaFailsTheHandshake) {
  std::unique_ptr<Client> rogue = AppClient(pki_.rogue_app);
  EXPECT_TRUE(HasCode(ListCases(*rogue, ""), StatusCode::UNAVAILABLE));
  EXPECT_TRUE(HasCode(ListCases(*rogue, Token(JwtClaims())), StatusCode::UNAVAILABLE));
}

TEST_P(AuthenticationTest, PlaintextClientIsUnavailable) {
  Client plaintext(grpc::CreateChannel(target_, grpc::InsecureChannelCredentials()));
  EXPECT_TRUE(HasCode(ListCases(plaintext, Token(JwtClaims())), StatusCode::UNAVAILABLE));
}

// One backend: the test names end in "/sqlite" for the ctest filter.
INSTANTIATE_TEST_SUITE_P(Sqlite, AuthenticationTest, testing::Values(Backend::kSqlite),
                         BackendName);

}  // namespace
}  // namespace assist::it

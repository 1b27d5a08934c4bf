#include "auth/authenticator.hpp"

#include <gtest/gtest.h>

namespace assist::host {
namespace {

using Clock = std::chrono::system_clock;

assist::host::v1::HostConfig StaticConfig(bool allowed) {
  assist::host::v1::HostConfig config;
  config.set_allow_static_tokens(allowed);
  auto* token = config.add_static_tokens();
  token->set_token("secret-token-1");
  token->set_actor_id("anna");
  token->set_centre_id("mops-sopot");
  token->set_role(assist::v1::ROLE_ASSISTANT);
  auto* cert = config.add_client_certificates();
  cert->set_subject_common_name("case-files.mops-sopot");
  cert->set_actor_id("case-files");
  cert->set_centre_id("mops-sopot");
  cert->set_role(assist::v1::ROLE_APP);
  cert->add_scopes("GetCase");
  return config;
}

const Identity* Who(const std::variant<Identity, std::string>& result) {
  return std::get_if<Identity>(&result);
}

TEST(AuthenticatorTest, MapsAStaticBearerTokenToItsIdentityInDevelopmentMode) {
  Authenticator auth(StaticConfig(true));
  auto result = auth.FromAuthorizationHeader("Bearer secret-token-1", Clock::now());
  ASSERT_NE(Who(result), nullptr);
  EXPECT_EQ(Who(result)->actor_id, "anna");
  EXPECT_EQ(Who(result)->centre_id, "mops-sopot");
  EXPECT_EQ(Who(result)->role, assist::v1::ROLE_ASSISTANT);
  EXPECT_EQ(Who(result)->authenticated_by, "static-token");

  EXPECT_EQ(Who(auth.FromAuthorizationHeader("Bearer secret-token-2", Clock::now())), nullptr);
  EXPECT_EQ(Who(auth.FromAuthorizationHeader("secret-token-1", Clock::now())), nullptr);
  EXPECT_EQ(Who(auth.FromAuthorizationHeader("Basic secret-token-1", Clock::now())), nullptr);
  EXPECT_EQ(Who(auth.FromAuthorizationHeader("", Clock::now())), nullptr);
}

TEST(AuthenticatorTest, IgnoresStaticTokensOutsideDevelopmentMode) {
  Authenticator auth(StaticConfig(false));
  EXPECT_EQ(Who(auth.FromAuthorizationHeader("Bearer secret-token-1", Clock::now())), nullptr);
}

TEST(AuthenticatorTest, MapsAClientCertificateToAnAppWithItsScopes) {
  Authenticator auth(StaticConfig(false));
  auto result = auth.FromClientCertificate("case-files.mops-sopot");
  ASSERT_NE(Who(result), nullptr);
  EXPECT_EQ(Who(result)->role, assist::v1::ROLE_APP);
  EXPECT_EQ(Who(result)->scopes, std::vector<std::string>{"GetCase"});
  EXPECT_EQ(Who(auth.FromClientCertificate("someone-else")), nullptr);
}

}  // namespace
}  // namespace assist::host

#include "auth/authenticator.hpp"

#include <gtest/gtest.h>

namespace assist::host {
namespace {

TEST(AuthenticatorTest, MapsAStaticBearerTokenToItsIdentity) {
  assist::host::v1::HostConfig config;
  auto* token = config.add_static_tokens();
  token->set_token("secret-token-1");
  token->set_actor_id("anna");
  token->set_centre_id("mops-sopot");
  token->set_role(assist::v1::ROLE_ASSISTANT);
  Authenticator auth(config);

  auto who = auth.FromAuthorizationHeader("Bearer secret-token-1");
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->actor_id, "anna");
  EXPECT_EQ(who->centre_id, "mops-sopot");
  EXPECT_EQ(who->role, assist::v1::ROLE_ASSISTANT);

  EXPECT_FALSE(auth.FromAuthorizationHeader("Bearer secret-token-2"));
  EXPECT_FALSE(auth.FromAuthorizationHeader("secret-token-1"));
  EXPECT_FALSE(auth.FromAuthorizationHeader("Basic secret-token-1"));
  EXPECT_FALSE(auth.FromAuthorizationHeader(""));
}

}  // namespace
}  // namespace assist::host

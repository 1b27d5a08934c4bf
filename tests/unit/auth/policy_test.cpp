#include "auth/policy.hpp"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <set>

#include "assist/v1/cases.pb.h"
#include "assist/v1/platform.pb.h"

namespace assist::host {
namespace {

using namespace assist::v1;

// Every RPC of every public service has a line in the policy table, and nothing else does.
TEST(PolicyTest, CoversEveryRpcOfThePublicServices) {
  std::set<std::string> declared;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* name :
       {"assist.v1.PlatformService", "assist.v1.CaseService", "assist.v1.AuditService"}) {
    const auto* service = pool->FindServiceByName(name);
    ASSERT_NE(service, nullptr) << name;
    for (int i = 0; i < service->method_count(); ++i) declared.insert(service->method(i)->name());
  }
  std::set<std::string> in_policy;
  for (auto rpc : PolicyRpcs()) in_policy.insert(std::string(rpc));
  EXPECT_EQ(declared, in_policy);
}

TEST(PolicyTest, SeparatesTheDutiesOfTheRoles) {
  EXPECT_TRUE(RoleMayCall(ROLE_HEAD, "AssignAssistant"));
  EXPECT_FALSE(RoleMayCall(ROLE_ASSISTANT, "AssignAssistant"));
  EXPECT_FALSE(RoleMayCall(ROLE_SOCIAL_WORKER, "AssignAssistant"));
  EXPECT_TRUE(RoleMayCall(ROLE_SOCIAL_WORKER, "OpenCase"));
  EXPECT_FALSE(RoleMayCall(ROLE_ASSISTANT, "OpenCase"));
  EXPECT_TRUE(RoleMayCall(ROLE_ASSISTANT, "SubmitPlan"));
  EXPECT_FALSE(RoleMayCall(ROLE_AUDITOR, "SubmitPlan"));
  EXPECT_TRUE(RoleMayCall(ROLE_AUDITOR, "ListAuditEvents"));
  EXPECT_FALSE(RoleMayCall(ROLE_ASSISTANT, "ListAuditEvents"));
  EXPECT_TRUE(RoleMayCall(ROLE_OPERATOR, "CreateCentre"));
  EXPECT_FALSE(RoleMayCall(ROLE_HEAD, "CreateCentre"));
  EXPECT_FALSE(RoleMayCall(ROLE_OPERATOR, "GetCase"));  // runs the deployment, never sees people
  EXPECT_FALSE(RoleMayCall(ROLE_OPERATOR, "CreatePerson"));
  EXPECT_FALSE(RoleMayCall(ROLE_UNSPECIFIED, "ListAssistanceTypes"));
  EXPECT_FALSE(RoleMayCall(ROLE_HEAD, "NoSuchRpc"));
}

TEST(PolicyTest, AnAppCallsOnlyWhatItWasGranted) {
  EXPECT_FALSE(ScopeGranted(ROLE_APP, {}, "GetCase"));
  EXPECT_TRUE(ScopeGranted(ROLE_APP, {"GetCase"}, "GetCase"));
  EXPECT_FALSE(ScopeGranted(ROLE_APP, {"GetCase"}, "ListCases"));
  EXPECT_TRUE(ScopeGranted(ROLE_APP, {std::string(kAllScopes)}, "ListCases"));
  EXPECT_TRUE(ScopeGranted(ROLE_HEAD, {}, "GetCase"));  // staff: their role decides
}

}  // namespace
}  // namespace assist::host

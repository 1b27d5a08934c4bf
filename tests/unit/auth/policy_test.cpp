#include "auth/policy.hpp"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "assist/v1/cases.pb.h"
#include "assist/v1/platform.pb.h"
#include "assist/v1/staff.pb.h"

namespace assist::host {
namespace {

using namespace assist::v1;

// Every RPC of every public service has a line in the policy table, and nothing else does.
TEST(PolicyTest, CoversEveryRpcOfThePublicServices) {
  std::set<std::string> declared;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* name : {"assist.v1.PlatformService", "assist.v1.CaseService",
                           "assist.v1.AuditService", "assist.v1.StaffService"}) {
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
  EXPECT_TRUE(RoleMayCall(ROLE_HEAD, "VerifyAuditTrail"));
  EXPECT_TRUE(RoleMayCall(ROLE_AUDITOR, "VerifyAuditTrail"));
  EXPECT_FALSE(RoleMayCall(ROLE_SOCIAL_WORKER, "VerifyAuditTrail"));
  // The platform auditor reads and verifies the platform trail, and does nothing else; the
  // operator, whose calls that trail records, may not read it.
  EXPECT_TRUE(RoleMayCall(ROLE_PLATFORM_AUDITOR, "ListAuditEvents"));
  EXPECT_TRUE(RoleMayCall(ROLE_PLATFORM_AUDITOR, "VerifyAuditTrail"));
  EXPECT_FALSE(RoleMayCall(ROLE_OPERATOR, "ListAuditEvents"));
  EXPECT_FALSE(RoleMayCall(ROLE_OPERATOR, "VerifyAuditTrail"));
  for (auto rpc : PolicyRpcs()) {
    if (rpc == "ListAuditEvents" || rpc == "VerifyAuditTrail") continue;
    EXPECT_FALSE(RoleMayCall(ROLE_PLATFORM_AUDITOR, rpc)) << rpc;
  }
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

// docs/security.md publishes the role table between two markers; it must be the policy's own.
TEST(PolicyTest, TheRoleTableInTheDocsIsThePolicy) {
  std::ifstream in(std::string(ASSIST_SOURCE_DIR) + "/docs/security.md");
  ASSERT_TRUE(in) << "docs/security.md not found";
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string begin = "<!-- role-table: generated from host/src/auth/policy.cpp -->\n";
  const std::string end = "<!-- role-table end -->";
  const auto from = doc.find(begin);
  const auto to = doc.find(end);
  ASSERT_NE(from, std::string::npos) << "marker missing: " << begin;
  ASSERT_NE(to, std::string::npos) << "marker missing: " << end;
  EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), PolicyTableMarkdown())
      << "docs/security.md differs from the policy; put this between the markers:\n"
      << PolicyTableMarkdown();
}

}  // namespace
}  // namespace assist::host

#pragma once
// Role names as identity providers spell them in tokens ("head", "social_worker", ...).
#include <optional>
#include <string_view>

#include "assist/v1/common.pb.h"

namespace assist::host {

inline std::optional<assist::v1::Role> RoleFromName(std::string_view name) {
  using namespace assist::v1;
  if (name == "head") return ROLE_HEAD;
  if (name == "social_worker") return ROLE_SOCIAL_WORKER;
  if (name == "assistant") return ROLE_ASSISTANT;
  if (name == "auditor") return ROLE_AUDITOR;
  if (name == "app") return ROLE_APP;
  if (name == "operator") return ROLE_OPERATOR;
  if (name == "platform_auditor") return ROLE_PLATFORM_AUDITOR;
  return std::nullopt;
}

// The roles of the platform rather than of a centre: their identities have no centre_id, and
// what they do that concerns no centre is in the platform trail (audit rows with centre_id "").
inline bool RoleOfThePlatform(assist::v1::Role role) {
  return role == assist::v1::ROLE_OPERATOR || role == assist::v1::ROLE_PLATFORM_AUDITOR;
}

}  // namespace assist::host

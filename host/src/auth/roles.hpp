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
  return std::nullopt;
}

}  // namespace assist::host

#pragma once
#include <string>
#include <vector>

#include "assist/v1/common.pb.h"

namespace assist::host {

// Who a request runs as. Every query about people and cases is scoped by centre_id.
struct Identity {
  std::string actor_id;
  std::string centre_id;  // empty only for the operator
  assist::v1::Role role = assist::v1::ROLE_UNSPECIFIED;
  std::string request_id;  // for the audit trail; from x-request-id or generated
  // RPC names an app was granted; empty means everything its role allows.
  std::vector<std::string> scopes;
  std::string authenticated_by;  // "static-token", "jwt" or "client-certificate"
};

}  // namespace assist::host

#pragma once
// The id a call is known by: in the host's log, in its audit rows, in an INTERNAL error's message
// and in the `x-request-id` response metadata. A caller's own id (its `x-request-id`) is kept when
// it is well-formed, so one id follows a request through the caller's systems and ours; otherwise
// the host makes a random one, unique across restarts and hosts.
#include <grpcpp/grpcpp.h>

#include <string>
#include <string_view>

namespace assist::host {

// 1 to 128 characters of [A-Za-z0-9._:/-]: safe in a log line and in metadata.
bool WellFormedRequestId(std::string_view id);

// 32 hexadecimal digits (128 random bits).
std::string NewRequestId();

// The caller's well-formed x-request-id, or a new one.
std::string RequestIdOf(const grpc::ServerContextBase& context);

}  // namespace assist::host

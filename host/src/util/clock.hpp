#pragma once
#include <string>

namespace assist::host {

// RFC 3339 UTC with seconds, e.g. "2026-11-25T18:05:00Z".
std::string NowTimestamp();

}  // namespace assist::host

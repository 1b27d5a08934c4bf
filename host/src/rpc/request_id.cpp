#include "rpc/request_id.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

namespace assist::host {

bool WellFormedRequestId(std::string_view id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == ':' || c == '/' || c == '-';
  });
}

std::string NewRequestId() {
  // Unique, not secret: a per-thread generator seeded from the OS avoids a lock per call.
  thread_local std::mt19937_64 random(std::random_device{}() ^
                                      (static_cast<std::uint64_t>(std::random_device{}()) << 32));
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(random()),
                static_cast<unsigned long long>(random()));
  return text;
}

std::string RequestIdOf(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  if (auto given = metadata.find("x-request-id"); given != metadata.end()) {
    const std::string_view id(given->second.data(), given->second.size());
    if (WellFormedRequestId(id)) return std::string(id);
  }
  return NewRequestId();
}

}  // namespace assist::host

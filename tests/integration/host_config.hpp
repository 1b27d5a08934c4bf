#pragma once
// The text-format assist.host.v1.HostConfig a test host runs with, written by hand so that the
// tests do not link the host's config proto.
#include <string>
#include <string_view>

namespace assist::it {

struct DatabaseSetup {
  std::string backend;     // "sqlite" or "postgresql"
  std::string connection;  // file path or "host=... port=... dbname=... user=..."
};

// Listens on 127.0.0.1:0 (the host reports the port it got), with every identity in
// identities.hpp as a static token (allowed explicitly) and the two bootstrap centres.
std::string HostConfigText(const DatabaseSetup& database, std::string_view plugin_dir);

// `text` as a quoted text-format string literal.
std::string Quote(std::string_view text);

}  // namespace assist::it

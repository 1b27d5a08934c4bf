#pragma once
// The text-format assist.host.v1.HostConfig a test host runs with, written by hand so that the
// tests do not link the host's config proto.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assist::it {

struct DatabaseSetup {
  std::string backend;     // "sqlite" or "postgresql"
  std::string connection;  // file path or "host=... port=... dbname=... user=..."
  std::string options;     // more HostConfig.database fields, e.g. "lock_timeout_ms: 200"
};

// HostConfig.tls: file paths of PEM files.
struct TlsSetup {
  std::string cert_file;
  std::string key_file;
  std::string client_ca_file;  // empty: no client certificates asked for
  bool require_client_certificate = false;
};

// HostConfig.jwt_issuers.
struct JwtIssuerSetup {
  std::string issuer;
  std::string audience;
  std::string algorithm;  // "RS256" or "ES256"
  std::string public_key_file;
};

// HostConfig.client_certificates: an app known by its certificate's subject common name.
struct ClientCertificateSetup {
  std::string subject_common_name;
  std::string actor_id;
  std::string centre_id;
  std::string role;  // assist.v1.Role value name
  std::vector<std::string> scopes;
};

// How callers prove who they are. The default is the plaintext development setup every other
// test uses: the static tokens of identities.hpp, allowed.
struct SecuritySetup {
  // false: no static token in the file at all (the host refuses a file that lists them without
  // allowing them), so the development tokens of identities.hpp are just unknown strings.
  bool allow_static_tokens = true;
  std::optional<TlsSetup> tls;
  std::vector<JwtIssuerSetup> jwt_issuers;
  std::vector<ClientCertificateSetup> client_certificates;
};

// Listens on 127.0.0.1:0 (the host reports the port it got), with the two bootstrap centres and,
// if `security` allows them, every identity in identities.hpp as a static token; `security` adds
// TLS, JWT issuers and client certificates; `extra` (text format) is appended as it is, e.g.
// "max_queued_calls: 8".
std::string HostConfigText(const DatabaseSetup& database, std::string_view plugin_dir,
                           const SecuritySetup& security = {}, std::string_view extra = {});

// `text` as a quoted text-format string literal.
std::string Quote(std::string_view text);

}  // namespace assist::it

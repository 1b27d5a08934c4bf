#pragma once
// Keys and certificates made at test time with the openssl command line tool, into a test's own
// directory: a CA for apps and the server, the server's certificate (CN=localhost, SAN
// IP:127.0.0.1 and DNS:localhost), an app certificate signed by the CA, one with the same name
// signed by another CA, one of the CA with a name no app has, and two RSA key pairs for signing
// tokens (the issuer's and a wrong one).
#include <filesystem>
#include <string>

namespace assist::it {

inline constexpr std::string_view kAppCommonName = "case-files.mops-sopot";

struct KeyAndCert {
  std::filesystem::path key;
  std::filesystem::path cert;
};

struct TestPki {
  std::filesystem::path ca_cert;
  KeyAndCert server;
  KeyAndCert app;           // signed by ca_cert
  KeyAndCert rogue_app;     // the same common name, signed by another CA
  KeyAndCert unmapped_app;  // signed by ca_cert, a common name the host's config does not map
  std::filesystem::path jwt_private_key;
  std::filesystem::path jwt_public_key;
  std::filesystem::path wrong_private_key;
};

// Makes everything in `dir`; returns what failed (with openssl's output), or "" on success.
std::string MakeTestPki(const std::filesystem::path& dir, TestPki* pki);

// The whole file, or "" if it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

}  // namespace assist::it

#include "host_config.hpp"

#include <sstream>

#include "identities.hpp"

namespace assist::it {
namespace {

void WriteSecurity(const SecuritySetup& security, std::ostream& out) {
  out << "allow_static_tokens: " << (security.allow_static_tokens ? "true" : "false") << "\n";
  if (security.tls) {
    const TlsSetup& tls = *security.tls;
    out << "tls { cert_file: " << Quote(tls.cert_file) << " key_file: " << Quote(tls.key_file);
    if (!tls.client_ca_file.empty()) out << " client_ca_file: " << Quote(tls.client_ca_file);
    out << " require_client_certificate: " << (tls.require_client_certificate ? "true" : "false")
        << " }\n";
  }
  for (const JwtIssuerSetup& issuer : security.jwt_issuers) {
    out << "jwt_issuers { issuer: " << Quote(issuer.issuer)
        << " audience: " << Quote(issuer.audience) << " algorithm: " << Quote(issuer.algorithm)
        << " public_key_file: " << Quote(issuer.public_key_file) << " }\n";
  }
  for (const ClientCertificateSetup& app : security.client_certificates) {
    out << "client_certificates { subject_common_name: " << Quote(app.subject_common_name)
        << " actor_id: " << Quote(app.actor_id) << " centre_id: " << Quote(app.centre_id)
        << " role: " << app.role;
    for (const std::string& scope : app.scopes) out << " scopes: " << Quote(scope);
    out << " }\n";
  }
}

}  // namespace

std::string Quote(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '\n') {
      quoted += "\\n";
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

std::string HostConfigText(const DatabaseSetup& database, std::string_view plugin_dir,
                           const SecuritySetup& security, std::string_view extra) {
  std::ostringstream out;
  out << extra << "\n";
  out << "listen: \"127.0.0.1:0\"\n"
      << "plugin_dir: " << Quote(plugin_dir) << "\n"
      << "database { backend: " << Quote(database.backend)
      << " connection: " << Quote(database.connection) << " pool_size: 4 " << database.options
      << " }\n";
  WriteSecurity(security, out);
  for (const CentreSetup& centre : BootstrapCentres()) {
    out << "bootstrap_centres { id: " << Quote(centre.id) << " name: " << Quote(centre.name)
        << " municipality: " << Quote(centre.municipality);
    for (const std::string_view type : centre.enabled_types) {
      out << " enabled_types: " << Quote(type);
    }
    for (const StaffSetup& member : centre.staff) {
      out << " staff { login: " << Quote(member.login) << " full_name: " << Quote(member.full_name)
          << " function: " << member.function
          << " employment_form: EMPLOYMENT_FORM_EMPLOYMENT_CONTRACT";
      if (member.function == "STAFF_FUNCTION_ASSISTANT") {
        for (const std::string_view type : centre.enabled_types)
          out << " type_ids: " << Quote(type);
      }
      out << " }";
    }
    out << " }\n";
  }
  if (!security.allow_static_tokens) return out.str();
  for (const Identity& id : AllIdentities()) {
    out << "static_tokens { token: " << Quote(id.token) << " actor_id: " << Quote(id.actor_id);
    if (!id.centre_id.empty()) out << " centre_id: " << Quote(id.centre_id);
    out << " role: " << id.role;
    if (id.role == "ROLE_APP") out << " scopes: \"*\"";  // every RPC its role allows
    out << " }\n";
  }
  return out.str();
}

}  // namespace assist::it

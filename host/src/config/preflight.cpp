#include "config/preflight.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>

#include "config/config.hpp"
#include "util/files.hpp"

namespace assist::host {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string Read(const std::string& path, const std::string& what) {
  try {
    return ReadTextFile(path, what);
  } catch (const std::runtime_error& e) {
    throw ConfigError(e.what());
  }
}

Bio MemoryBio(const std::string& pem) {
  return Bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
}

// Loads the PEM certificates of `path`; at least one must be there.
std::vector<std::unique_ptr<X509, decltype(&X509_free)>> Certificates(const std::string& path,
                                                                      const std::string& what) {
  const std::string pem = Read(path, what);
  Bio bio = MemoryBio(pem);
  std::vector<std::unique_ptr<X509, decltype(&X509_free)>> certs;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    certs.emplace_back(cert, &X509_free);
  }
  if (certs.empty()) throw ConfigError(what + " " + path + ": no PEM certificate in it");
  return certs;
}

std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> PrivateKey(const std::string& path,
                                                               const std::string& what) {
  const std::string pem = Read(path, what);
  Bio bio = MemoryBio(pem);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  if (!key) throw ConfigError(what + " " + path + ": no unencrypted PEM private key in it");
  return key;
}

void CheckPublicKey(const std::string& pem, const std::string& what) {
  Bio bio = MemoryBio(pem);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  if (!key) throw ConfigError(what + ": not a PEM public key");
}

void CheckTls(const assist::host::v1::Tls& tls) {
  if (!tls.cert_file().empty()) {
    auto chain = Certificates(tls.cert_file(), "tls.cert_file");
    auto key = PrivateKey(tls.key_file(), "tls.key_file");
    if (X509_check_private_key(chain.front().get(), key.get()) != 1) {
      throw ConfigError("tls.key_file " + tls.key_file() +
                        " is not the key of the certificate in " + tls.cert_file());
    }
  }
  if (!tls.client_ca_file().empty()) Certificates(tls.client_ca_file(), "tls.client_ca_file");
}

void CheckPluginDir(const std::string& dir) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0) {
    throw ConfigError("plugin_dir " + dir + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(info.st_mode)) throw ConfigError("plugin_dir " + dir + ": not a directory");
}

}  // namespace

void CheckConfiguredFiles(const assist::host::v1::HostConfig& config) {
  CheckTls(config.tls());
  for (const auto& issuer : config.jwt_issuers()) {
    const std::string what = "public key of jwt issuer " + issuer.issuer();
    // The inline key wins over the file, as in the verifier.
    if (!issuer.public_key_pem().empty()) {
      CheckPublicKey(issuer.public_key_pem(), what + " (public_key_pem)");
    } else {
      CheckPublicKey(Read(issuer.public_key_file(), what), what + " " + issuer.public_key_file());
    }
  }
  CheckPluginDir(config.plugin_dir());
}

void CheckBootstrapTypes(const assist::host::v1::HostConfig& config,
                         const std::vector<std::string>& loaded_types) {
  std::string loaded;
  for (const auto& type : loaded_types) loaded += (loaded.empty() ? "" : ", ") + type;
  for (const auto& centre : config.bootstrap_centres()) {
    for (const auto& type : centre.enabled_types()) {
      if (std::find(loaded_types.begin(), loaded_types.end(), type) == loaded_types.end()) {
        throw ConfigError("bootstrap centre " + centre.id() + ": assistance type " + type +
                          " is not among the plugins that load from " + config.plugin_dir() + " (" +
                          (loaded.empty() ? "none" : loaded) + ")");
      }
    }
  }
}

LoadOptions PluginLoadOptions(const assist::host::v1::HostConfig& config) {
  LoadOptions options;
  options.probe_timeout = std::chrono::milliseconds(config.plugin_probe_timeout_ms());
  // Static tokens are allowed in development only (config.cpp): the same mode tolerates a
  // plugin directory others may write, with a warning.
  options.refuse_writable_by_others = !config.allow_static_tokens();
  return options;
}

void CheckConfigOffline(const assist::host::v1::HostConfig& config, std::ostream& out) {
  CheckConfiguredFiles(config);
  std::vector<LoadReport> reports;
  const auto plugins = LoadPlugins(config.plugin_dir(), reports, PluginLoadOptions(config));
  std::vector<std::string> loaded;
  for (const auto& report : reports) {
    if (report.loaded) {
      loaded.push_back(report.type_id);
      out << "plugin " << report.type_id << ": loads (" << report.path << ")\n";
    } else {
      out << "plugin " << report.path << ": refused: " << report.reason << "\n";
    }
  }
  CheckBootstrapTypes(config, loaded);
  out << "configuration ok: " << loaded.size() << " assistance type(s), "
      << config.bootstrap_centres_size() << " bootstrap centre(s); the database was not opened\n";
}

}  // namespace assist::host

#include "settings.hpp"

#include <charconv>

#include "failure.hpp"
#include "files.hpp"

namespace assistctl {
namespace {

// The first layer holding `key`, or nullptr.
const SettingLayer* Find(const std::vector<SettingLayer>& layers, const std::string& key) {
  for (const SettingLayer& layer : layers) {
    if (layer.values.count(key) != 0) return &layer;
  }
  return nullptr;
}

std::string PathIn(const SettingLayer& layer, const std::string& value) {
  const std::filesystem::path path(value);
  if (path.is_absolute() || layer.base_dir.empty()) return value;
  return (layer.base_dir / path).string();
}

bool ParseBool(const std::string& value, const std::string& where) {
  if (value == "true" || value == "yes" || value == "1" || value == "on") return true;
  if (value == "false" || value == "no" || value == "0" || value == "off") return false;
  throw UsageError("tls from " + where + ": \"" + value + "\" is not true or false");
}

std::chrono::seconds ParseTimeout(const std::string& value, const std::string& where) {
  int seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end != value.data() + value.size() || seconds < 1 || seconds > 3600) {
    throw UsageError("timeout from " + where + ": \"" + value +
                     "\" is not a number of seconds from 1 to 3600");
  }
  return std::chrono::seconds(seconds);
}

// The token and token_file settings together: the first layer naming either decides.
void ResolveToken(const std::vector<SettingLayer>& layers, ResolvedSettings& out) {
  for (const SettingLayer& layer : layers) {
    const auto token = layer.values.find("token");
    const auto file = layer.values.find("token_file");
    if (token == layer.values.end() && file == layer.values.end()) continue;
    if (token != layer.values.end() && file != layer.values.end()) {
      throw UsageError("both token and token_file are set in " + layer.name + ": keep one");
    }
    out.origin["token"] = layer.name;
    if (token != layer.values.end()) {
      out.settings.token = token->second;
      return;
    }
    std::string text = ReadLocalFile(PathIn(layer, file->second), "token file");
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
      text.pop_back();
    }
    if (text.empty()) throw UsageError("the token file " + file->second + " is empty");
    out.settings.token = text;
    return;
  }
}

}  // namespace

const std::vector<SettingKey>& SettingKeys() {
  static const std::vector<SettingKey> keys{
      {"address", "ASSIST_ADDRESS", "host:port of the assist-host (default 127.0.0.1:50051)"},
      {"token", "ASSIST_TOKEN", "bearer token"},
      {"token_file", "ASSIST_TOKEN_FILE", "file holding the bearer token"},
      {"tls", "ASSIST_TLS",
       "connect with TLS (file, env: true or false; implied by a CA or client cert)"},
      {"ca_file", "ASSIST_CA_FILE", "PEM file of the CA certificates to trust"},
      {"cert_file", "ASSIST_CERT_FILE", "PEM client certificate (mutual TLS)"},
      {"key_file", "ASSIST_KEY_FILE", "PEM private key of the client certificate"},
      {"server_name", "ASSIST_SERVER_NAME", "TLS server name to expect"},
      {"timeout", "ASSIST_TIMEOUT", "seconds to wait for each call (default 30)"},
  };
  return keys;
}

SettingValues FromEnvironment(const std::function<const char*(const char*)>& getenv) {
  SettingValues values;
  for (const SettingKey& key : SettingKeys()) {
    if (const char* value = getenv(key.env); value != nullptr && *value != '\0') {
      values[key.key] = value;
    }
  }
  return values;
}

ResolvedSettings Resolve(const std::vector<SettingLayer>& layers) {
  ResolvedSettings out;
  ConnectionSettings& s = out.settings;
  auto take = [&](const std::string& key, auto&& apply) {
    if (const SettingLayer* layer = Find(layers, key)) {
      out.origin[key] = layer->name;
      apply(*layer, layer->values.at(key));
    }
  };
  take("address", [&](const SettingLayer&, const std::string& v) { s.address = v; });
  take("tls", [&](const SettingLayer& l, const std::string& v) { s.tls = ParseBool(v, l.name); });
  take("ca_file", [&](const SettingLayer& l, const std::string& v) { s.ca_file = PathIn(l, v); });
  take("cert_file",
       [&](const SettingLayer& l, const std::string& v) { s.cert_file = PathIn(l, v); });
  take("key_file", [&](const SettingLayer& l, const std::string& v) { s.key_file = PathIn(l, v); });
  take("server_name", [&](const SettingLayer&, const std::string& v) { s.server_name = v; });
  take("timeout",
       [&](const SettingLayer& l, const std::string& v) { s.timeout = ParseTimeout(v, l.name); });
  ResolveToken(layers, out);

  if (s.address.empty()) throw UsageError("the address is empty");
  if (s.cert_file.empty() != s.key_file.empty()) {
    throw UsageError("a client certificate needs both cert_file and key_file");
  }
  if (!s.tls && (!s.ca_file.empty() || !s.cert_file.empty())) {
    s.tls = true;
    out.origin["tls"] = "implied by the TLS files";
  }
  for (const char c : s.token) {
    if (c < 0x21 || c > 0x7E) throw UsageError("the token holds a character a header cannot carry");
  }
  return out;
}

}  // namespace assistctl

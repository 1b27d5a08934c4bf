#pragma once
// Where assistctl finds the host and who it is. Each setting comes from the first source that has
// it: the command-line flag, then the environment (ASSIST_*), then the config file, then the
// built-in default. `token` and `token_file` count as one setting: the first source naming either
// wins.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "config_file.hpp"

namespace assistctl {

struct ConnectionSettings {
  std::string address = "127.0.0.1:50051";
  std::string token;      // sent as "authorization: Bearer <token>"; empty: none
  bool tls = false;       // also true when any of the three files is set
  std::string ca_file;    // PEM roots to trust; empty with TLS: the system's roots
  std::string cert_file;  // client certificate (mutual TLS), with key_file
  std::string key_file;
  std::string server_name;  // TLS name to expect instead of the address's host
  std::chrono::seconds timeout{30};
};

// The keys of the config file, each with its environment variable ("address", "ASSIST_ADDRESS").
struct SettingKey {
  const char* key;
  const char* env;
  const char* help;
};
const std::vector<SettingKey>& SettingKeys();

// One source of settings, e.g. {"flag", {...}}, {"environment", {...}}, {"config /x", {...}}.
// Relative file paths of a layer are taken from `base_dir` (the config file's directory), or
// from the working directory when it is empty.
struct SettingLayer {
  std::string name;
  SettingValues values;
  std::filesystem::path base_dir;
};

struct ResolvedSettings {
  ConnectionSettings settings;
  std::map<std::string, std::string> origin;  // key -> name of the layer it came from
};

// The ASSIST_* variables that are set (and not empty).
SettingValues FromEnvironment(const std::function<const char*(const char*)>& getenv);

// Merges `layers`, highest precedence first; reads token_file; checks values (a UsageError
// names the key and the layer: "timeout from environment: ...").
ResolvedSettings Resolve(const std::vector<SettingLayer>& layers);

}  // namespace assistctl

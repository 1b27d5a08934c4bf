#include "config_file.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <iostream>

#include "failure.hpp"
#include "files.hpp"
#include "settings.hpp"

namespace assistctl {
namespace {

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

bool IsKnownKey(std::string_view key) {
  const auto& keys = SettingKeys();
  return std::any_of(keys.begin(), keys.end(), [&](const SettingKey& k) { return k.key == key; });
}

}  // namespace

SettingValues ParseConfigText(std::string_view text, const std::string& origin) {
  SettingValues values;
  int number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = origin + ":" + std::to_string(number);
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) {
      throw UsageError(where + ": expected \"key = value\"");
    }
    const std::string key(Trim(line.substr(0, equals)));
    std::string_view value = Trim(line.substr(equals + 1));
    if (!IsKnownKey(key)) throw UsageError(where + ": unknown key \"" + key + "\"");
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    values[key] = std::string(value);
  }
  return values;
}

ConfigLocation LocateConfig(const std::string& explicit_path,
                            const std::function<const char*(const char*)>& getenv) {
  if (!explicit_path.empty()) return {explicit_path, true};
  if (const char* from_env = getenv("ASSISTCTL_CONFIG"); from_env && *from_env) {
    return {from_env, true};
  }
  if (const char* xdg = getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    return {std::filesystem::path(xdg) / "assistctl.conf", false};
  }
  if (const char* home = getenv("HOME"); home && *home) {
    return {std::filesystem::path(home) / ".config" / "assistctl.conf", false};
  }
  return {};
}

SettingValues ReadConfig(const ConfigLocation& location) {
  if (location.path.empty()) return {};
  std::error_code error;
  if (!location.required && !std::filesystem::exists(location.path, error)) return {};
  SettingValues values =
      ParseConfigText(ReadLocalFile(location.path, "config file"), location.path.string());
  struct stat info {};
  if (values.count("token") != 0 && stat(location.path.c_str(), &info) == 0 &&
      (info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    std::cerr << "assistctl: warning: " << location.path.string()
              << " holds a token and other users may read it (chmod 600 it)\n";
  }
  return values;
}

}  // namespace assistctl

#pragma once
// assistctl's config file: one "key = value" per line; blank lines and lines starting with '#'
// are ignored; values may be quoted with double quotes. Keys are those of settings.hpp.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace assistctl {

using SettingValues = std::map<std::string, std::string>;

// Parses `text`; an unknown key or a line without '=' is a UsageError naming `origin` and the
// line number.
SettingValues ParseConfigText(std::string_view text, const std::string& origin);

// Where the config file is: `explicit_path` (--config, or ASSISTCTL_CONFIG), else
// $XDG_CONFIG_HOME/assistctl.conf, else $HOME/.config/assistctl.conf. `required` is true for an
// explicit path: it must then exist.
struct ConfigLocation {
  std::filesystem::path path;
  bool required = false;
};
ConfigLocation LocateConfig(const std::string& explicit_path,
                            const std::function<const char*(const char*)>& getenv);

// Reads the file at `location`: nothing when an optional file does not exist; a UsageError when
// a required one does not, or it cannot be read. Warns on stderr when a file holding a token can
// be read by other users.
SettingValues ReadConfig(const ConfigLocation& location);

}  // namespace assistctl

#pragma once
// Checks of host-level request fields shared by the domain operations. Each adds to a Violations
// list so a request reports every bad field at once.
#include <assist/plugin/date.hpp>
#include <assist/plugin/validation.hpp>
#include <string>

#include "domain/errors.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

// "" means today; otherwise a real date not after today. Returns the effective date.
inline sdk::Date EffectiveDate(sdk::Violations& v, const std::string& text,
                               const std::string& field, const sdk::Date& today) {
  if (text.empty()) return today;
  auto date = v.OptionalDate(text, field);
  if (!date) return today;
  if (*date > today) {
    v.Add(field, "is in the future", "jest datą z przyszłości");
  }
  return *date;
}

// Identifiers chosen by people (centre ids, actor ids): short, printable, no spaces.
inline bool IsSafeId(const std::string& id, std::size_t max_len = 128) {
  if (id.empty() || id.size() > max_len) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == '@';
    if (!ok) return false;
  }
  return true;
}

// A filter naming an id (an actor id from the identity provider, a type id): empty for no filter,
// else at most `max_len` bytes, so that a hostile request cannot send megabytes into a query.
inline void CheckIdFilter(sdk::Violations& v, const std::string& id, const std::string& field,
                          std::size_t max_len = 256) {
  v.Require(id.size() <= max_len, field, "is longer than " + std::to_string(max_len) + " bytes",
            "jest dłuższy niż " + std::to_string(max_len) + " bajtów");
}

// The plugin of `type_id`; nullptr, with a violation of `field`, when none is loaded.
inline const LoadedPlugin* RequireLoadedType(sdk::Violations& v, const PluginRegistry& registry,
                                             const std::string& type_id, const std::string& field) {
  const LoadedPlugin* plugin = registry.Find(type_id);
  v.Require(plugin != nullptr, field, "no assistance type \"" + type_id + "\" is loaded",
            "rodzaj asysty \"" + type_id + "\" nie jest załadowany");
  return plugin;
}

// The plugin of the request's `type_id`; INVALID_ARGUMENT on type_id when none is loaded.
inline const LoadedPlugin& LoadedType(const PluginRegistry& registry, const std::string& type_id) {
  sdk::Violations v;
  const LoadedPlugin* plugin = RequireLoadedType(v, registry, type_id, "type_id");
  if (plugin == nullptr) ThrowInvalid(v.list());
  return *plugin;
}

}  // namespace assist::host

#pragma once
// Exports a plugin class from its shared library. Use once, at global scope, in one .cpp:
//   ASSIST_PLUGIN(assist::family::FamilyPlugin)
// It emits three symbols through Boost.DLL aliases:
//   assist_plugin_abi      the AbiStamp the host checks first (the version handshake);
//   assist_plugin_factory  a function creating the plugin; it never throws (nullptr on failure);
//   assist_plugin_error    why the factory last returned nullptr ("" if it has not), so that the
//                          host can say what the constructor threw (optional for the host).
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/version.hpp>
#include <boost/dll/alias.hpp>
#include <exception>
#include <string>

namespace assist::sdk {
using PluginFactory = Plugin*();
using PluginError = const char*();
}  // namespace assist::sdk

#define ASSIST_PLUGIN(PluginClass)                                            \
  namespace assist_plugin_export {                                            \
  const ::assist::sdk::AbiStamp abi_stamp = ::assist::sdk::CurrentAbiStamp(); \
  std::string& failure() {                                                    \
    static std::string text;                                                  \
    return text;                                                              \
  }                                                                           \
  ::assist::sdk::Plugin* create() noexcept {                                  \
    try {                                                                     \
      return new PluginClass();                                               \
    } catch (const std::exception& e) {                                       \
      try {                                                                   \
        failure() = e.what();                                                 \
      } catch (...) {                                                         \
      }                                                                       \
    } catch (...) {                                                           \
    }                                                                         \
    return nullptr;                                                           \
  }                                                                           \
  const char* error() noexcept { return failure().c_str(); }                  \
  }                                                                           \
  BOOST_DLL_ALIAS(assist_plugin_export::abi_stamp, assist_plugin_abi)         \
  BOOST_DLL_ALIAS(assist_plugin_export::create, assist_plugin_factory)        \
  BOOST_DLL_ALIAS(assist_plugin_export::error, assist_plugin_error)

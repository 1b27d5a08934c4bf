#pragma once
// Exports a plugin class from its shared library. Use once, at global scope, in one .cpp:
//   ASSIST_PLUGIN(assist::family::FamilyPlugin)
// It emits two symbols through Boost.DLL aliases:
//   assist_plugin_abi      the AbiStamp the host checks first (the version handshake);
//   assist_plugin_factory  a function creating the plugin; it never throws (nullptr on failure).
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/version.hpp>
#include <boost/dll/alias.hpp>

namespace assist::sdk {
using PluginFactory = Plugin*();
}

#define ASSIST_PLUGIN(PluginClass)                                                     \
  namespace assist_plugin_export {                                                     \
  const ::assist::sdk::AbiStamp abi_stamp = ::assist::sdk::CurrentAbiStamp();           \
  ::assist::sdk::Plugin* create() noexcept {                                           \
    try {                                                                               \
      return new PluginClass();                                                         \
    } catch (...) {                                                                     \
      return nullptr;                                                                   \
    }                                                                                   \
  }                                                                                     \
  }                                                                                     \
  BOOST_DLL_ALIAS(assist_plugin_export::abi_stamp, assist_plugin_abi)                  \
  BOOST_DLL_ALIAS(assist_plugin_export::create, assist_plugin_factory)

#pragma once
// Everything a plugin's code uses from the SDK (since SDK 1.2), in one include:
//   #include <assist/plugin/sdk.hpp>
// Not included: export.hpp (ASSIST_PLUGIN, for the one .cpp that exports the plugin class) and
// the test helpers under assist/plugin/testing/.
#include <assist/plugin/checks.hpp>
#include <assist/plugin/data.hpp>
#include <assist/plugin/date.hpp>
#include <assist/plugin/indicators.hpp>
#include <assist/plugin/message_cast.hpp>
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/reporting.hpp>
#include <assist/plugin/schedule.hpp>
#include <assist/plugin/status.hpp>
#include <assist/plugin/store.hpp>
#include <assist/plugin/typed.hpp>
#include <assist/plugin/typed_plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <assist/plugin/version.hpp>

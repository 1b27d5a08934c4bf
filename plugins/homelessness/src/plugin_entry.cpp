#include <assist/plugin/export.hpp>

#include "homelessness_plugin.hpp"

ASSIST_PLUGIN(assist::homelessness::HomelessnessPlugin)

#include <assist/plugin/export.hpp>

#include "disability_plugin.hpp"

ASSIST_PLUGIN(assist::disability::DisabilityPlugin)

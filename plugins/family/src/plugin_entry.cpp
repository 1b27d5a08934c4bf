#include <assist/plugin/export.hpp>

#include "family_plugin.hpp"

ASSIST_PLUGIN(assist::family::FamilyPlugin)

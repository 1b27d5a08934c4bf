#include <assist/plugin/export.hpp>

#include "streetwork_plugin.hpp"

ASSIST_PLUGIN(assist::streetwork::StreetworkPlugin)

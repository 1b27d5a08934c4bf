#include <assist/plugin/export.hpp>

#include "intercultural_plugin.hpp"

ASSIST_PLUGIN(assist::intercultural::InterculturalPlugin)

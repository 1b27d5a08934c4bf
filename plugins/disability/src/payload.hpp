#pragma once
// Turning the generic messages the host hands over into the plugin's own generated types.
#include <assist/plugin/message_cast.hpp>

namespace assist::disability {

using sdk::As;

}  // namespace assist::disability

#pragma once
#include <string>

namespace assist::host {

// The whole file; throws std::runtime_error naming `what` and the path when it cannot be read.
std::string ReadTextFile(const std::string& path, const std::string& what);

}  // namespace assist::host

#pragma once
// Reading the local files a command names (config, token, TLS PEM files, settings JSON).
#include <filesystem>
#include <string>

namespace assistctl {

// The whole file, or "-" for standard input; a UsageError "cannot read <what> <path>: <reason>".
std::string ReadLocalFile(const std::filesystem::path& path, const std::string& what);

}  // namespace assistctl

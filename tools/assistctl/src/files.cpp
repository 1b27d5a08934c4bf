#include "files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "failure.hpp"

namespace assistctl {

std::string ReadLocalFile(const std::filesystem::path& path, const std::string& what) {
  if (path == "-") {
    std::ostringstream all;
    all << std::cin.rdbuf();
    return all.str();
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw UsageError("cannot read " + what + " " + path.string() + ": it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError("cannot read " + what + " " + path.string() + ": " + std::strerror(errno));
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw UsageError("cannot read " + what + " " + path.string() + ": read error");
  return text;
}

}  // namespace assistctl

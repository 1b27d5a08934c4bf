#include "util/files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace assist::host {

std::string ReadTextFile(const std::string& path, const std::string& what) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + what + " " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace assist::host

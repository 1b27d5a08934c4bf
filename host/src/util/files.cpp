#include "util/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace assist::host {

std::string ReadTextFile(const std::string& path, const std::string& what) {
  // POSIX calls rather than a stream: the operator is told the OS reason (missing, not
  // permitted, a directory), not only that it failed.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  auto fail = [&](int error) {
    throw std::runtime_error("cannot read " + what + " " + path + ": " + std::strerror(error));
  };
  if (fd < 0) fail(errno);
  std::string text;
  char buffer[8192];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      fail(error);
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

}  // namespace assist::host

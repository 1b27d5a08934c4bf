#include "host_process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <exception>

#include "subprocess.hpp"

namespace assist::it {
namespace {

constexpr std::string_view kReadyLine = "assist-host: listening on ";

// The port in "...listening on 127.0.0.1:<port>\n", once the whole line has arrived.
std::optional<int> ParsePort(const std::string& output) {
  const std::size_t start = output.find(kReadyLine);
  if (start == std::string::npos) return std::nullopt;
  const std::size_t end = output.find('\n', start);
  if (end == std::string::npos) return std::nullopt;
  const std::string address =
      output.substr(start + kReadyLine.size(), end - start - kReadyLine.size());
  const std::size_t colon = address.rfind(':');
  if (colon == std::string::npos) return -1;
  try {
    const int port = std::stoi(address.substr(colon + 1));
    return port > 0 && port < 65536 ? port : -1;
  } catch (const std::exception&) {
    return -1;
  }
}

}  // namespace

HostProcess::~HostProcess() {
  if (running()) Stop();
}

std::optional<int> HostProcess::Start(const std::filesystem::path& binary,
                                      const std::filesystem::path& config,
                                      const std::filesystem::path& working_dir,
                                      std::chrono::seconds timeout) {
  if (running()) Stop();
  {
    // A HostProcess may run the host again after Stop() or Kill(): start from a clean slate.
    std::lock_guard lock(mutex_);
    output_.clear();
    closed_ = false;
  }
  reaped_ = false;
  error_.clear();
  try {
    std::vector<std::string> argv = launcher_;
    argv.insert(argv.end(), {binary.string(), "--config", config.string()});
    const Spawned child = Spawn(argv, working_dir);
    pid_ = child.pid;
    reader_ = std::thread([this, fd = child.output_fd] { ReadOutput(fd); });
  } catch (const std::exception& e) {
    error_ = e.what();
    return std::nullopt;
  }
  const std::optional<int> port = WaitForPort(timeout);
  if (port && *port > 0) return port;
  if (!port && exited()) {
    error_ = "assist-host exited before reporting \"" + std::string(kReadyLine) + "...\"";
  } else if (!port) {
    error_ = "assist-host did not report \"" + std::string(kReadyLine) + "...\" within " +
             std::to_string(timeout.count()) + " s";
  } else {
    error_ = "assist-host reported an address without a valid port";
  }
  error_ += " (" + Stop() + "); its output:\n" + output();
  return std::nullopt;
}

std::optional<int> HostProcess::WaitForPort(std::chrono::seconds timeout) {
  std::unique_lock lock(mutex_);
  std::optional<int> port;
  changed_.wait_for(lock, timeout, [&] {
    port = ParsePort(output_);
    return port.has_value() || closed_;
  });
  return port;
}

void HostProcess::ReadOutput(int fd) {
  std::string chunk;
  for (;;) {
    pollfd readable{fd, POLLIN, 0};
    const int ready = poll(&readable, 1, 100);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) {
      // Nothing to read. Once the host is reaped, stop waiting for an end of file that a
      // process it left behind could hold back forever.
      if (reaped_) break;
      continue;
    }
    chunk.clear();
    const bool more = ReadSome(fd, chunk);
    {
      std::lock_guard lock(mutex_);
      output_ += chunk;
      closed_ = !more;
    }
    changed_.notify_all();
    if (!more) break;
  }
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
  close(fd);
}

std::string HostProcess::Stop(std::chrono::seconds grace) {
  if (pid_ <= 0) return "not running";
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  int status = 0;
  std::string note;
  for (;;) {
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_ || (done < 0 && errno != EINTR)) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      note = " after SIGKILL: no exit within " + std::to_string(grace.count()) + " s of SIGTERM";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
  reaped_ = true;
  if (reader_.joinable()) reader_.join();
  return DescribeWaitStatus(status) + note;
}

void HostProcess::Signal(int signal) {
  if (pid_ > 0) kill(pid_, signal);
}

std::string HostProcess::Kill() {
  if (pid_ <= 0) return "not running";
  kill(pid_, SIGKILL);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  reaped_ = true;
  if (reader_.joinable()) reader_.join();
  return DescribeWaitStatus(status);
}

bool HostProcess::exited() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::string HostProcess::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

}  // namespace assist::it

#include "echo_process.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

extern char** environ;

namespace assist::bench {
namespace {

constexpr std::string_view kListening = "bench_echo_server: listening on ";

// The address of the first "listening on" line `fd` gives within 30 s; empty when the writer
// closed it first or took longer.
std::string ReadAddress(int fd) {
  std::string out;
  char buffer[256];
  for (int waited_ms = 0; waited_ms < 30000; waited_ms += 100) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return "";
    out.append(buffer, static_cast<std::size_t>(n));
    const auto at = out.find(kListening);
    const auto end = at == std::string::npos ? at : out.find('\n', at);
    if (end != std::string::npos) {
      return out.substr(at + kListening.size(), end - at - kListening.size());
    }
  }
  return "";
}

}  // namespace

EchoProcess::EchoProcess(const std::string& program, const std::vector<std::string>& args) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> words{program};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const int spawned = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawned != 0) {
    close(out[0]);
    pid_ = -1;
    throw std::runtime_error("cannot start " + program);
  }
  address_ = ReadAddress(out[0]);
  close(out[0]);
  if (address_.empty()) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw std::runtime_error(program + " did not say where it listens");
  }
}

EchoProcess::~EchoProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
}

}  // namespace assist::bench

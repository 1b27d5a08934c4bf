#include "subprocess.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace assist::it {
namespace {

std::runtime_error SysError(const std::string& what, int error) {
  return std::runtime_error(what + ": " + std::strerror(error));
}

// Owns a posix_spawn_file_actions_t.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

}  // namespace

Spawned Spawn(const std::vector<std::string>& argv, const std::filesystem::path& working_dir) {
  if (argv.empty()) throw std::invalid_argument("Spawn: empty argv");
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw SysError("pipe2", errno);

  FileActions actions;
  posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(actions.get(), fds[1], STDERR_FILENO);
  if (!working_dir.empty()) {
    posix_spawn_file_actions_addchdir_np(actions.get(), working_dir.c_str());
  }
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  Spawned child;
  const int error = posix_spawn(&child.pid, args[0], actions.get(), nullptr, args.data(), environ);
  close(fds[1]);
  if (error != 0) {
    close(fds[0]);
    throw SysError("posix_spawn " + argv[0], error);
  }
  child.output_fd = fds[0];
  return child;
}

bool ReadSome(int fd, std::string& into) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      into.append(buffer, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

RunResult Run(const std::vector<std::string>& argv) {
  const Spawned child = Spawn(argv);
  RunResult result;
  while (ReadSome(child.output_fd, result.output)) {
  }
  close(child.output_fd);
  int status = 0;
  while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string DescribeWaitStatus(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  }
  return "status " + std::to_string(status);
}

}  // namespace assist::it

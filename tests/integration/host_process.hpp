#pragma once
// The real assist-host binary as a child process. Start() writes nothing itself: it runs the host
// with a config file and waits for the line "assist-host: listening on 127.0.0.1:<port>" on the
// host's stdout. Everything the host prints is kept for failure messages.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace assist::it {

class HostProcess {
 public:
  HostProcess() = default;
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  // Runs `binary --config config` in working_dir (again, after Stop() or Kill()). Returns the
  // port it listens on, or nullopt (with error() set) when it exits or stays silent for `timeout`.
  std::optional<int> Start(const std::filesystem::path& binary, const std::filesystem::path& config,
                           const std::filesystem::path& working_dir,
                           std::chrono::seconds timeout = std::chrono::seconds(20));

  // Runs the host under `launcher` from the next Start() on, e.g. {"prlimit",
  // "--nofile=1024:1024"}.
  void set_launcher(std::vector<std::string> launcher) { launcher_ = std::move(launcher); }

  // SIGTERM, then SIGKILL after `grace`. Returns the waitpid status description ("exit 0").
  std::string Stop(std::chrono::seconds grace = std::chrono::seconds(10));
  // SIGKILL at once, as a crash or the OOM killer would: no shutdown code runs.
  std::string Kill();

  // Sends `signal` to the running host (e.g. SIGHUP); the host keeps running unless it dies of it.
  void Signal(int signal);

  bool running() const { return pid_ > 0; }
  std::string output() const;
  const std::string& error() const { return error_; }

 private:
  void ReadOutput(int fd);
  std::optional<int> WaitForPort(std::chrono::seconds timeout);
  bool exited() const;  // the host closed its output, i.e. it ended

  std::vector<std::string> launcher_;
  pid_t pid_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;                // guarded by mutex_
  bool closed_ = false;               // guarded by mutex_: the host closed its stdout (exited)
  std::atomic<bool> reaped_ = false;  // Stop() has collected the host's exit status
  std::string error_;
};

}  // namespace assist::it

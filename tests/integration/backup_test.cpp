// `assist-host backup --to FILE` while a host is writing: the copy passes integrity_check, and a
// new host started on it finds every write acknowledged before the backup began. SQLite only
// (PostgreSQL is backed up with pg_dump, docs/operations.md).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "client.hpp"
#include "host_config.hpp"
#include "host_process.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "subprocess.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"

namespace assist::it {
namespace {

namespace fs = std::filesystem;
namespace v1 = assist::v1;

class BackupTest : public testing::TestWithParam<Backend> {};

// People created by `writers` threads until stopped; the ids of acknowledged calls, in order.
class Writers {
 public:
  Writers(Client& client, int writers) {
    for (int w = 0; w < writers; ++w) {
      threads_.emplace_back([this, &client, w] {
        for (int i = 0; !stop_; ++i) {
          v1::CreatePersonRequest request;
          request.set_given_name("Osoba" + std::to_string(w));
          request.set_family_name("Kopia" + std::to_string(i));
          request.set_birth_date("1980-01-01");
          v1::Person person;
          if (client.Call(Sopot().worker, &Cases::CreatePerson, request, &person).ok()) {
            std::lock_guard lock(mutex_);
            acknowledged_.push_back(person.id());
          }
        }
      });
    }
  }
  ~Writers() { Stop(); }

  std::vector<long long> Acknowledged() {
    std::lock_guard lock(mutex_);
    return acknowledged_;
  }
  void Stop() {
    stop_ = true;
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
  }

 private:
  std::atomic<bool> stop_ = false;
  std::mutex mutex_;
  std::vector<long long> acknowledged_;  // guarded by mutex_
  std::vector<std::thread> threads_;
};

Client Connect(int port) {
  return Client(
      grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials()));
}

TEST_P(BackupTest, ABackupUnderWriteLoadHoldsEveryAcknowledgedWrite) {
  ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  TempDir dir("assist-backup");
  const fs::path live = dir.path() / "live.db";
  const fs::path config = dir.path() / "live.textproto";
  std::ofstream(config) << HostConfigText({"sqlite", live.string(), ""}, ASSIST_PLUGIN_DIR);
  const fs::path copy = dir.path() / "backup.db";

  std::vector<long long> before;
  {
    HostProcess host;
    const auto port = host.Start(ASSIST_HOST_BINARY, config, dir.path());
    ASSERT_TRUE(port.has_value()) << host.error();
    Client client = Connect(*port);
    Writers writers(client, 2);
    while (writers.Acknowledged().size() < 200) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    before = writers.Acknowledged();
    const RunResult backup = ::assist::it::Run(
        {ASSIST_HOST_BINARY, "backup", "--config", config.string(), "--to", copy.string()});
    const std::size_t during = writers.Acknowledged().size() - before.size();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    writers.Stop();
    ASSERT_EQ(backup.exit_code, 0) << backup.output;
    EXPECT_NE(backup.output.find("integrity ok"), std::string::npos) << backup.output;
    EXPECT_GT(during, 0u) << "no write was acknowledged while the backup ran: not under load";
    ASSERT_EQ(host.Stop(), "exit 0");
  }
  // Checked by another SQLite than the host's own code.
  const RunResult integrity =
      ::assist::it::Run({"/usr/bin/python3", "-c",
                         "import sqlite3,sys; print(sqlite3.connect(sys.argv[1])"
                         ".execute('pragma integrity_check').fetchone()[0])",
                         copy.string()});
  EXPECT_EQ(integrity.output, "ok\n");
  const RunResult again = ::assist::it::Run(
      {ASSIST_HOST_BINARY, "backup", "--config", config.string(), "--to", copy.string()});
  EXPECT_EQ(again.exit_code, 1) << "an existing backup was overwritten: " << again.output;

  // Restore: a new host whose database is the copy.
  const fs::path restored_dir = dir.path() / "restored";
  fs::create_directory(restored_dir);
  fs::copy_file(copy, restored_dir / "assist.db");
  const fs::path restored_config = restored_dir / "host.textproto";
  std::ofstream(restored_config) << HostConfigText(
      {"sqlite", (restored_dir / "assist.db").string(), ""}, ASSIST_PLUGIN_DIR);
  HostProcess restored;
  const auto port = restored.Start(ASSIST_HOST_BINARY, restored_config, restored_dir);
  ASSERT_TRUE(port.has_value()) << restored.error();
  {
    Client client = Connect(*port);
    std::size_t missing = 0;
    for (const long long id : before) {
      v1::GetPersonRequest request;
      request.set_id(id);
      v1::Person person;
      if (!client.Call(Sopot().worker, &Cases::GetPerson, request, &person).ok()) ++missing;
    }
    EXPECT_EQ(missing, 0u) << "of " << before.size() << " writes acknowledged before the backup";
  }
  EXPECT_EQ(restored.Stop(), "exit 0");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, BackupTest, testing::Values(Backend::kSqlite), BackendName);

}  // namespace
}  // namespace assist::it

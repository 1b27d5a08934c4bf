#pragma once
// What the fault tests (fault_test.cpp) need besides a host and a client: a PostgreSQL cluster of
// their own that they may stop and start under a running host, a small tmpfs to fill, plain SQL
// on the test's database (libpq or the sqlite3 C API, not the host's code), the gRPC health
// status, and calls with a short deadline of their own.
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "client.hpp"
#include "host_config.hpp"
#include "identities.hpp"
#include "temp_dir.hpp"

namespace assist::it {

// A throwaway PostgreSQL cluster of one test (tools/pg_throwaway.sh in a temp dir of its own),
// never the shared cluster of the ctest fixture: Pause() stops the server (pg_ctl stop -m fast)
// and Resume() starts it again on the same port and data. Stopped and deleted on destruction.
class OwnPgCluster {
 public:
  OwnPgCluster();
  ~OwnPgCluster();
  OwnPgCluster(const OwnPgCluster&) = delete;
  OwnPgCluster& operator=(const OwnPgCluster&) = delete;

  bool ready() const { return !conninfo_.empty(); }
  bool missing() const { return missing_; }  // no PostgreSQL server binaries here
  const std::string& problem() const { return problem_; }
  const std::string& conninfo() const { return conninfo_; }  // superuser, database "assist"

  // "" on success, else what pg_ctl said.
  std::string Pause();
  std::string Resume();

 private:
  std::string PgCtl(const std::vector<std::string>& args);

  std::unique_ptr<TempDir> dir_;
  std::string conninfo_;
  std::string port_;
  std::string pg_ctl_;  // the pg_ctl next to the running postgres binary
  bool missing_ = false;
  std::string problem_;
};

// A tmpfs of `size_kib` KiB mounted on `path` (created if missing) for the life of the object;
// unmounted on destruction, lazily if something still holds a file on it.
class TmpfsMount {
 public:
  TmpfsMount(std::filesystem::path path, int size_kib);
  ~TmpfsMount();
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& problem() const { return problem_; }

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
  std::string problem_;
};

// Rows of a query, each column as text (NULL as ""), straight from the database: libpq for
// "postgresql" (connection: its conninfo), the sqlite3 C API for "sqlite" (connection: the file).
// Opens a connection per call. Throws std::runtime_error with the database's message.
using Rows = std::vector<std::vector<std::string>>;
Rows Query(const DatabaseSetup& database, const std::string& sql);

// "ok" lines of PRAGMA integrity_check of a SQLite file, joined ("ok" when sound).
std::string SqliteIntegrity(const std::string& file);

// grpc.health.v1.Health/Check of the whole server (service ""): "SERVING", "NOT_SERVING",
// "UNKNOWN", "SERVICE_UNKNOWN", or the failed call's status.
std::string HealthStatus(Client& client);

// A CaseService call as `who` with its own deadline (the client's 30 s would outlast the tests'
// time bounds when a host hangs).
template <typename Request, typename Response>
grpc::Status CallWithin(Client& client, const Identity& who, std::chrono::milliseconds deadline,
                        grpc::Status (Cases::*method)(grpc::ClientContext*, const Request&,
                                                      Response*),
                        const Request& request, Response* response) {
  grpc::ClientContext context;
  Authorize(context, who.token);
  context.set_deadline(std::chrono::system_clock::now() + deadline);
  return (client.cases().*method)(&context, request, response);
}

// A plaintext channel to a host that reported `port`, connected (nullptr: not within `wait`).
std::unique_ptr<Client> ConnectedClient(int port,
                                        std::chrono::milliseconds wait = std::chrono::seconds(10));

}  // namespace assist::it

#include "fault_support.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "rpc_status.hpp"
#include "subprocess.hpp"

namespace assist::it {
namespace {

namespace fs = std::filesystem;

constexpr int kNoPostgres = 77;  // pg_throwaway.sh: no server binaries on this machine

std::string FirstLine(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The value of `key` in "key=value key=value".
std::string ConninfoValue(const std::string& conninfo, const std::string& key) {
  const std::string prefix = key + "=";
  std::size_t at = conninfo.find(prefix);
  while (at != std::string::npos && at != 0 && conninfo[at - 1] != ' ') {
    at = conninfo.find(prefix, at + 1);
  }
  if (at == std::string::npos) return "";
  const std::size_t start = at + prefix.size();
  return conninfo.substr(start, conninfo.find(' ', start) - start);
}

// pg_ctl of the installation whose postgres serves `data`: next to the binary of the postmaster
// named in postmaster.pid, so that stop and start use the very version the script chose.
std::string PgCtlOf(const fs::path& data) {
  const std::string pid = FirstLine(data / "postmaster.pid");
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/" + pid + "/exe", error);
  if (!pid.empty() && !error) {
    const fs::path pg_ctl = exe.parent_path() / "pg_ctl";
    if (fs::exists(pg_ctl)) return pg_ctl.string();
  }
  if (const char* bin = std::getenv("PGBIN"); bin != nullptr && *bin != '\0') {
    return (fs::path(bin) / "pg_ctl").string();
  }
  return "";
}

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultCloser {
  void operator()(PGresult* result) const { PQclear(result); }
};

Rows QueryPostgresql(const std::string& conninfo, const std::string& sql) {
  const std::unique_ptr<PGconn, ConnCloser> conn(
      PQconnectdb((conninfo + " connect_timeout=10").c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error("connecting to " + conninfo + ": " + PQerrorMessage(conn.get()));
  }
  const std::unique_ptr<PGresult, ResultCloser> result(PQexec(conn.get(), sql.c_str()));
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
  }
  Rows rows;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    auto& out = rows.emplace_back();
    for (int column = 0; column < PQnfields(result.get()); ++column) {
      out.emplace_back(PQgetvalue(result.get(), row, column));
    }
  }
  return rows;
}

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementCloser {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

Rows QuerySqlite(const std::string& file, const std::string& sql) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  const std::unique_ptr<sqlite3, SqliteCloser> db(raw);
  if (opened != SQLITE_OK) {
    throw std::runtime_error("opening " + file + ": " +
                             (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(opened)));
  }
  sqlite3_busy_timeout(db.get(), 10000);
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &prepared, nullptr) != SQLITE_OK) {
    throw std::runtime_error(sql + ": " + sqlite3_errmsg(db.get()));
  }
  const std::unique_ptr<sqlite3_stmt, StatementCloser> statement(prepared);
  Rows rows;
  for (;;) {
    const int step = sqlite3_step(statement.get());
    if (step == SQLITE_DONE) break;
    if (step != SQLITE_ROW) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db.get()));
    auto& out = rows.emplace_back();
    for (int column = 0; column < sqlite3_column_count(statement.get()); ++column) {
      const unsigned char* text = sqlite3_column_text(statement.get(), column);
      out.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
  }
  return rows;
}

}  // namespace

OwnPgCluster::OwnPgCluster() : dir_(std::make_unique<TempDir>("assist-fault-pg")) {
  const RunResult run = Run({ASSIST_PG_THROWAWAY, "start", dir_->path().string(), "auto"});
  if (run.exit_code != 0) {
    missing_ = run.exit_code == kNoPostgres;
    problem_ = std::string(ASSIST_PG_THROWAWAY) + " start failed (exit " +
               std::to_string(run.exit_code) + "):\n" + run.output;
    return;
  }
  const std::string conninfo = FirstLine(dir_->path() / "conninfo");
  port_ = ConninfoValue(conninfo, "port");
  pg_ctl_ = PgCtlOf(dir_->path() / "data");
  if (conninfo.empty() || port_.empty() || pg_ctl_.empty()) {
    problem_ = "the throwaway cluster in " + dir_->path().string() +
               " left no usable conninfo, port or pg_ctl (conninfo: '" + conninfo + "')";
    return;
  }
  conninfo_ = conninfo;
}

OwnPgCluster::~OwnPgCluster() {
  // The script stops the server if it runs (a paused one has no postmaster.pid) and deletes the
  // data; the temp dir goes with the logs.
  const RunResult run = Run({ASSIST_PG_THROWAWAY, "stop", dir_->path().string()});
  if (run.exit_code != 0) {
    std::fprintf(stderr, "pg_throwaway.sh stop %s: %s\n", dir_->path().c_str(), run.output.c_str());
  }
}

std::string OwnPgCluster::PgCtl(const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  if (geteuid() == 0) {
    // As root the cluster belongs to 'postgres', which may not enter the current directory.
    argv = {"/bin/sh", "-c", "cd / && exec runuser -u postgres -- \"$@\"", "sh", pg_ctl_};
  } else {
    argv = {pg_ctl_};
  }
  argv.insert(argv.end(), args.begin(), args.end());
  const RunResult run = Run(argv);
  if (run.exit_code == 0) return "";
  std::string command;
  for (const std::string& arg : args) command += " " + arg;
  return "pg_ctl" + command + ": exit " + std::to_string(run.exit_code) + ": " + run.output;
}

std::string OwnPgCluster::Pause() {
  return PgCtl({"-D", (dir_->path() / "data").string(), "-m", "fast", "-w", "-t", "30", "stop"});
}

std::string OwnPgCluster::Resume() {
  // The options tools/pg_throwaway.sh starts the server with, on the port it chose.
  const std::string root = dir_->path().string();
  return PgCtl({"-D", root + "/data", "-l", root + "/server.log", "-w", "-t", "30", "-o",
                "-p " + port_ + " -k " + root +
                    " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                    " -c full_page_writes=off",
                "start"});
}

TmpfsMount::TmpfsMount(std::filesystem::path path, int size_kib) : path_(std::move(path)) {
  std::error_code error;
  fs::create_directories(path_, error);
  if (error) {
    problem_ = "mkdir " + path_.string() + ": " + error.message();
    return;
  }
  const std::string options = "size=" + std::to_string(size_kib) + "k,mode=0700";
  if (mount("tmpfs", path_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
    problem_ = "mount -t tmpfs -o " + options + " " + path_.string() + ": " + std::strerror(errno);
    return;
  }
  mounted_ = true;
}

TmpfsMount::~TmpfsMount() {
  if (!mounted_) return;
  if (umount2(path_.c_str(), 0) != 0 && umount2(path_.c_str(), MNT_DETACH) != 0) {
    std::fprintf(stderr, "umount %s: %s\n", path_.c_str(), std::strerror(errno));
  }
}

Rows Query(const DatabaseSetup& database, const std::string& sql) {
  if (database.backend == "postgresql") return QueryPostgresql(database.connection, sql);
  if (database.backend == "sqlite") return QuerySqlite(database.connection, sql);
  throw std::invalid_argument("Query: unknown backend '" + database.backend + "'");
}

std::string SqliteIntegrity(const std::string& file) {
  std::string lines;
  for (const auto& row : QuerySqlite(file, "PRAGMA integrity_check")) {
    if (!lines.empty()) lines += "\n";
    lines += row.empty() ? "" : row[0];
  }
  return lines;
}

std::string HealthStatus(Client& client) {
  std::string response;
  const grpc::Status status = client.CallPath("/grpc.health.v1.Health/Check", "", "", &response);
  if (!status.ok()) return Describe(status);
  if (response.empty()) return "UNKNOWN";  // HealthCheckResponse{status: 0}
  if (response.size() == 2 && response[0] == '\x08') {
    switch (response[1]) {
      case 1:
        return "SERVING";
      case 2:
        return "NOT_SERVING";
      case 3:
        return "SERVICE_UNKNOWN";
      default:
        break;
    }
  }
  return "unparsed HealthCheckResponse of " + std::to_string(response.size()) + " bytes";
}

std::unique_ptr<Client> ConnectedClient(int port, std::chrono::milliseconds wait) {
  auto channel =
      grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + wait)) {
    return nullptr;
  }
  return std::make_unique<Client>(std::move(channel));
}

}  // namespace assist::it

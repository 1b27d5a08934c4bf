#include "pg_cluster.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "subprocess.hpp"

namespace assist::it {
namespace {

constexpr int kNoPostgres = 77;  // pg_throwaway.sh: no server binaries on this machine

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

PgServer Ready(std::string conninfo) { return {PgServer::State::kReady, std::move(conninfo), ""}; }

}  // namespace

PgCluster& PgCluster::Instance() {
  static PgCluster cluster;
  return cluster;
}

const PgServer& PgCluster::Get() {
  std::lock_guard lock(mutex_);
  if (!looked_) {
    server_ = Find();
    looked_ = true;
  }
  return server_;
}

PgServer PgCluster::Find() {
  if (std::string conninfo = Env("ASSIST_TEST_PG"); !conninfo.empty()) return Ready(conninfo);
  if (const std::string file = Env("ASSIST_TEST_PG_FILE"); !file.empty()) {
    if (std::string conninfo = FirstLine(file); !conninfo.empty()) return Ready(conninfo);
  }
  return StartOwn();
}

PgServer PgCluster::StartOwn() {
  own_dir_ = std::make_unique<TempDir>("assist-it-pg");
  const RunResult run = Run({ASSIST_PG_THROWAWAY, "start", own_dir_->path().string(), "auto"});
  if (run.exit_code == 0) {
    const std::string conninfo = FirstLine((own_dir_->path() / "conninfo").string());
    if (!conninfo.empty()) return Ready(conninfo);
  }
  own_dir_.reset();
  if (run.exit_code == kNoPostgres) {
    return {PgServer::State::kMissing, "",
            "PostgreSQL is not installed (no initdb/pg_ctl; install 'postgresql', set PGBIN, or "
            "point ASSIST_TEST_PG at a server): " +
                run.output};
  }
  return {PgServer::State::kBroken, "",
          std::string(ASSIST_PG_THROWAWAY) + " start failed (exit " +
              std::to_string(run.exit_code) + "):\n" + run.output};
}

void PgCluster::Shutdown() {
  std::lock_guard lock(mutex_);
  if (!own_dir_) return;
  const RunResult run = Run({ASSIST_PG_THROWAWAY, "stop", own_dir_->path().string()});
  if (run.exit_code != 0) std::cerr << "pg_throwaway.sh stop: " << run.output << "\n";
  own_dir_.reset();
}

}  // namespace assist::it

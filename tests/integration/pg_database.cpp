#include "pg_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace assist::it {
namespace {

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
using Conn = std::unique_ptr<PGconn, ConnCloser>;

// Runs one statement in the maintenance database "postgres"; returns libpq's error or "".
std::string Execute(const std::string& server_conninfo, const std::string& sql) {
  const Conn conn(PQconnectdb(WithDbName(server_conninfo, "postgres").c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) return PQerrorMessage(conn.get());
  PGresult* result = PQexec(conn.get(), sql.c_str());
  std::string error;
  if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
  PQclear(result);
  return error;
}

}  // namespace

std::string WithDbName(std::string_view conninfo, std::string_view dbname) {
  std::istringstream in{std::string(conninfo)};
  std::string out;
  std::string pair;
  while (in >> pair) {
    if (pair.rfind("dbname=", 0) == 0) continue;
    out += pair + " ";
  }
  return out + "dbname=" + std::string(dbname);
}

std::string CreateDatabase(const std::string& server_conninfo) {
  static std::atomic<int> counter{0};
  const std::string name =
      "assist_it_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  // The name is built from digits only; CREATE DATABASE takes no bind parameters.
  if (std::string error = Execute(server_conninfo, "CREATE DATABASE " + name); !error.empty()) {
    throw std::runtime_error("CREATE DATABASE " + name + ": " + error);
  }
  return name;
}

void DropDatabase(const std::string& server_conninfo, const std::string& name) {
  const std::string error = Execute(server_conninfo, "DROP DATABASE IF EXISTS " + name);
  if (!error.empty()) std::cerr << "DROP DATABASE " << name << ": " << error << "\n";
}

}  // namespace assist::it

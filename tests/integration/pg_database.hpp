#pragma once
// A fresh PostgreSQL database per test, created and dropped through libpq.
#include <string>
#include <string_view>

namespace assist::it {

// `conninfo` ("key=value key=value", no quoted values) with dbname set to `dbname`.
std::string WithDbName(std::string_view conninfo, std::string_view dbname);

// Creates a database with a name unique to this process and returns its name. Throws
// std::runtime_error with libpq's message on failure.
std::string CreateDatabase(const std::string& server_conninfo);

// Drops it; failures are reported on stderr only (the cluster is thrown away anyway).
void DropDatabase(const std::string& server_conninfo, const std::string& name);

}  // namespace assist::it

#pragma once
#include <assist/plugin/data.hpp>
#include <vector>

namespace assist::host {

// The host's own tables (owner "core" in schema_migrations).
std::vector<sdk::Migration> CoreMigrations();

}  // namespace assist::host

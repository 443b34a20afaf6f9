#pragma once

// The `sige` command line: serve, init, user add, audit verify, backup. The composition
// root (server/main.cpp) passes in how to open a database from a URL, so that nothing here
// names a concrete backend.

#include <functional>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace sige::cli {

/// Opens the database named by `url` ("sqlite:DIR/sige.db", later "postgresql://...").
/// Throws storage::StorageError (in Spanish) when it cannot.
using OpenDatabase = std::function<std::unique_ptr<storage::Database>(const std::string& url)>;

/// Runs the command line; returns the process exit code.
int Main(int argc, char** argv, const OpenDatabase& open_database);

}  // namespace sige::cli

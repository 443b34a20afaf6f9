#pragma once

// The PostgreSQL backend: the only code in sige that includes <libpq-fe.h>. A pool of
// connections; reads run in REPEATABLE READ READ ONLY transactions (one snapshot), writes
// in READ COMMITTED with row locks where the repositories ask for them (FOR UPDATE), so
// several `sige serve` nodes can share one database.

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace sige::storage::postgres {

struct Options {
    std::string url;           ///< postgresql://user@host:port/database (libpq syntax)
    int max_connections = 32;  ///< the pool never opens more; callers wait for one
};

/// Connects to the database at `options.url`. Throws StorageError (in Spanish) when it
/// cannot.
std::unique_ptr<Database> Open(const Options& options);

/// Creates an empty database `name` (lower-case letters, digits, _) on the server that
/// `server_url` reaches. For tests and `sige migrate`.
void CreateDatabase(const std::string& server_url, const std::string& name);

/// Rewrites `?` placeholders as $1, $2, ... outside quoted strings (exposed for tests).
std::string NumberPlaceholders(std::string_view sql);

}  // namespace sige::storage::postgres

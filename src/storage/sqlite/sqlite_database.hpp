#pragma once

// The SQLite backend: the only code in sige that includes <sqlite3.h>. One writer
// connection behind a mutex (writes are short; serialising them in process means they
// never fight over the lock) and a pool of reader connections, each reading a WAL
// snapshot while the writer works.

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace sige::storage::sqlite {

struct Options {
    std::string path;  ///< the database file; created with its directory's permissions
    /// FULL: a commit survives power loss (the default, see docs/OPERATIONS.md).
    /// NORMAL: a commit may be lost on power loss, never corrupted. OFF: bulk loading only.
    std::string synchronous = "FULL";
};

/// Opens (creating if needed) the database at `options.path`. Throws StorageError when it
/// cannot be opened or is not a sige database.
std::unique_ptr<Database> Open(const Options& options);

}  // namespace sige::storage::sqlite

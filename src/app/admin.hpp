#pragma once

// Administrative use cases behind the `sige` commands: verifying the audit chain, backing
// up an installation, and creating the demo data.

#include <cstdint>
#include <filesystem>
#include <string>

#include "app/env.hpp"

namespace sige::app {

struct AuditReport {
    bool ok = true;
    std::int64_t events = 0;     ///< events checked
    std::int64_t first_bad = 0;  ///< seq of the first event that breaks the chain
    std::string problem;         ///< what is wrong there, in Spanish
    std::string head_hash;       ///< hash of the last event (anchor it elsewhere)
};

/// Recomputes the chain from the first event: every seq follows the one before, every
/// prev_hash is the hash before, every hash matches its event, and the head row names the
/// last event. Reads in batches; runs beside a live server.
AuditReport VerifyAuditChain(storage::Database& db);

struct BackupReport {
    std::int64_t blobs = 0;
    std::int64_t bytes = 0;
};

/// Copies the database (online, one consistent snapshot) and every blob it names into
/// `dir`, which becomes a data directory: `sige serve --data DIR` serves the copy.
/// Throws on I/O errors; refuses a `dir` that already holds a database.
BackupReport Backup(storage::Database& db,
                    const storage::BlobStore& blobs,
                    const std::filesystem::path& dir);

/// Fills a fresh installation with the demo of API.md: two organisations with their unit
/// trees and desks, the type catalogue, one user per profile with `password`.
void CreateDemoData(Env& env, const std::string& password);

/// True when the database holds no organisation yet.
bool IsEmpty(storage::Database& db);

}  // namespace sige::app

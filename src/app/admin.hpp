#pragma once

// Administrative use cases behind the `sige` commands: verifying the audit chain, backing
// up an installation, and creating the demo data.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/env.hpp"
#include "storage/copy.hpp"

namespace sige::app {

struct AuditReport {
    bool ok = true;
    std::int64_t events = 0;     ///< events checked
    std::int64_t first_bad = 0;  ///< seq of the first event that breaks the chain
    std::string problem;         ///< what is wrong there, in Spanish
    std::int64_t head_seq = 0;   ///< the last event...
    std::string head_hash;       ///< ...and its hash (anchor them elsewhere)
    int anchors_checked = 0;
};

/// An event's hash noted outside the system (a report, a letter, a notary's record). The
/// chain alone shows that no event was changed without recomputing every later hash; an
/// anchor also shows that nobody recomputed them, i.e. replaced the history since.
struct AuditAnchor {
    std::int64_t seq = 0;
    std::string hash;
};

/// Parses "SEQ:HASH" (a positive number, 64 hexadecimal digits); nullopt when malformed.
std::optional<AuditAnchor> ParseAuditAnchor(std::string_view text);

/// Recomputes the chain from the first event: every seq follows the one before, every
/// prev_hash is the hash before, every hash matches its event, and the head row names the
/// last event; each anchor's event still has the anchored hash. Reads in batches; runs
/// beside a live server.
AuditReport VerifyAuditChain(storage::Database& db, const std::vector<AuditAnchor>& anchors = {});

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

struct MigrationReport {
    std::vector<storage::TableCount> tables;
    std::int64_t blobs_copied = 0;
    AuditReport audit;  ///< the chain verified on the target
};

/// Copies a whole installation into an empty database (`sige migrate`): every record with
/// its id, the audit chain, and the attachments into `to_blobs` when it is another store.
/// Then verifies: the same row counts, the target's chain whole and ending at the source's
/// head, every attachment's bytes present. Throws (in Spanish) on any difference.
MigrationReport MigrateInstallation(
    storage::Database& from,
    storage::Database& to,
    const storage::BlobStore& from_blobs,
    const storage::BlobStore& to_blobs,
    const std::function<void(const storage::TableCount&)>& progress);

/// Fills a fresh installation with the demo of API.md: two organisations with their unit
/// trees and desks, the type catalogue, one user per profile with `password`.
void CreateDemoData(Env& env, const std::string& password);

/// True when the database holds no organisation yet.
bool IsEmpty(storage::Database& db);

}  // namespace sige::app

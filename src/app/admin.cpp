#include "app/admin.hpp"

#include <fstream>

#include "app/catalog.hpp"
#include "domain/audit.hpp"
#include "storage/audit_store.hpp"
#include "storage/catalog_store.hpp"
#include "storage/document_store.hpp"

namespace sige::app {

namespace fs = std::filesystem;

AuditReport VerifyAuditChain(storage::Database& db) {
    AuditReport report;
    std::string prev = domain::kGenesisHash;
    std::int64_t last = 0;
    storage::AuditHead head;
    for (;;) {
        auto tx = db.BeginRead();
        storage::AuditLog log(*tx);
        if (last == 0) {
            head = log.Head();
        }
        auto batch = log.After(last, 5000);
        if (batch.empty()) {
            break;
        }
        for (const auto& e : batch) {
            if (e.seq > head.seq) {
                break;  // appended after we read the head: checked next time
            }
            ++report.events;
            std::string problem;
            if (e.seq != last + 1) {
                problem = "falta el evento " + std::to_string(last + 1);
            } else if (e.prev_hash != prev) {
                problem = "no enlaza con el evento anterior (prev_hash distinto)";
            } else if (domain::ChainHash(e) != e.hash) {
                problem = "su contenido no coincide con su hash: fue modificado";
            }
            if (!problem.empty()) {
                report.ok = false;
                report.first_bad = e.seq != last + 1 ? last + 1 : e.seq;
                report.problem = problem;
                return report;
            }
            prev = e.hash;
            last = e.seq;
        }
        if (last >= head.seq) {
            break;
        }
    }
    if (last != head.seq || prev != head.hash) {
        report.ok = false;
        report.first_bad = last + 1;
        report.problem = "la cabeza de la cadena (evento " + std::to_string(head.seq) +
                         ") no coincide con el último evento (" + std::to_string(last) + ")";
        return report;
    }
    report.head_hash = prev;
    return report;
}

BackupReport Backup(storage::Database& db, const storage::BlobStore& blobs, const fs::path& dir) {
    if (fs::exists(dir / "sige.db")) {
        throw std::runtime_error("ya hay una base de datos en " + (dir / "sige.db").string());
    }
    fs::create_directories(dir);
    // The database first: every blob it names was durable before its row was committed,
    // so copying the blobs afterwards finds them all.
    db.BackupTo(dir.string());
    std::vector<std::string> hashes;
    {
        auto tx = db.BeginRead();
        hashes = storage::Attachments(*tx).AllHashes();
    }
    storage::BlobStore target(dir / "blobs");
    BackupReport report;
    for (const auto& h : hashes) {
        if (target.Exists(h)) {
            continue;
        }
        // Through a blob writer: the copy is fsynced, and its hash proves the source whole.
        std::ifstream in(blobs.PathOf(h), std::ios::binary);
        if (!in) {
            throw std::runtime_error("falta el archivo adjunto " + h + " en el almacén");
        }
        auto writer = target.StartWrite();
        std::vector<char> buffer(1 << 16);
        while (in) {
            in.read(buffer.data(), std::streamsize(buffer.size()));
            writer->Write(buffer.data(), std::size_t(in.gcount()));
        }
        auto info = writer->Commit();
        if (info.sha256 != h) {
            throw std::runtime_error("el archivo adjunto " + h + " está dañado en el almacén");
        }
        ++report.blobs;
        report.bytes += info.size;
    }
    return report;
}

bool IsEmpty(storage::Database& db) {
    auto tx = db.BeginRead();
    return storage::Organizations(*tx).List().empty();
}

}  // namespace sige::app

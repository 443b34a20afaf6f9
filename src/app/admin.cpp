#include "app/admin.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <map>

#include "app/catalog.hpp"
#include "domain/audit.hpp"
#include "storage/audit_store.hpp"
#include "storage/catalog_store.hpp"
#include "storage/document_store.hpp"

namespace sige::app {

namespace fs = std::filesystem;

std::optional<AuditAnchor> ParseAuditAnchor(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        return std::nullopt;
    }
    AuditAnchor a;
    const std::string_view seq = text.substr(0, colon);
    const auto [end, ec] = std::from_chars(seq.data(), seq.data() + seq.size(), a.seq);
    if (ec != std::errc() || end != seq.data() + seq.size() || a.seq <= 0) {
        return std::nullopt;
    }
    a.hash = std::string(text.substr(colon + 1));
    std::transform(a.hash.begin(), a.hash.end(), a.hash.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (a.hash.size() != 64 || a.hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
        return std::nullopt;
    }
    return a;
}

AuditReport VerifyAuditChain(storage::Database& db, const std::vector<AuditAnchor>& anchors) {
    AuditReport report;
    std::map<std::int64_t, std::string> anchored;
    for (const auto& a : anchors) {
        anchored[a.seq] = a.hash;
    }
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
            if (problem.empty()) {
                if (auto a = anchored.find(e.seq); a != anchored.end()) {
                    if (a->second != e.hash) {
                        problem = "no tiene el hash anotado (" + a->second.substr(0, 12) +
                                  "…): la cadena fue reescrita desde que se anotó";
                    } else {
                        ++report.anchors_checked;
                    }
                }
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
    if (auto beyond = anchored.upper_bound(head.seq); beyond != anchored.end()) {
        // Nothing is ever deleted: an anchored event that is gone means the history was
        // replaced by a shorter one.
        report.ok = false;
        report.first_bad = beyond->first;
        report.problem = "no existe, y estaba anotado: la cadena fue truncada o reemplazada";
        return report;
    }
    report.head_seq = last;
    report.head_hash = prev;
    return report;
}

namespace {

/// Copies every blob the database names from one store into another that lacks it, through
/// the blob writer: each copy is fsynced, and its hash proves the source whole.
BackupReport CopyBlobs(storage::Database& db,
                       const storage::BlobStore& from,
                       const storage::BlobStore& to) {
    std::vector<std::string> hashes;
    {
        auto tx = db.BeginRead();
        hashes = storage::Attachments(*tx).AllHashes();
    }
    BackupReport report;
    for (const auto& h : hashes) {
        if (to.Exists(h)) {
            continue;
        }
        std::ifstream in(from.PathOf(h), std::ios::binary);
        if (!in) {
            throw std::runtime_error("falta el archivo adjunto " + h + " en el almacén");
        }
        auto writer = to.StartWrite();
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

}  // namespace

BackupReport Backup(storage::Database& db, const storage::BlobStore& blobs, const fs::path& dir) {
    if (fs::exists(dir / "sige.db")) {
        throw std::runtime_error("ya hay una base de datos en " + (dir / "sige.db").string());
    }
    // The database first (the backend creates `dir`, or refuses before creating anything): every
    // blob it names was durable before its row was committed, so copying the blobs afterwards finds
    // them all.
    db.BackupTo(dir.string());
    return CopyBlobs(db, blobs, storage::BlobStore(dir / "blobs"));
}

MigrationReport MigrateInstallation(
    storage::Database& from,
    storage::Database& to,
    const storage::BlobStore& from_blobs,
    const storage::BlobStore& to_blobs,
    const std::function<void(const storage::TableCount&)>& progress) {
    MigrationReport report;
    report.tables = storage::CopyInstallation(from, to, progress);
    for (const auto& t : report.tables) {
        if (t.source != t.target) {
            throw std::runtime_error("la tabla " + t.table + " tiene " + std::to_string(t.source) +
                                     " filas en el origen y " + std::to_string(t.target) +
                                     " en el destino");
        }
    }
    report.audit = VerifyAuditChain(to);
    const AuditReport source = VerifyAuditChain(from);
    if (!report.audit.ok || report.audit.head_hash != source.head_hash) {
        throw std::runtime_error("la cadena de auditoría copiada no coincide con la de origen: " +
                                 report.audit.problem);
    }
    if (from_blobs.root() != to_blobs.root()) {
        report.blobs_copied = CopyBlobs(to, from_blobs, to_blobs).blobs;
    }
    auto tx = to.BeginRead();
    for (const auto& h : storage::Attachments(*tx).AllHashes()) {
        if (!to_blobs.Exists(h)) {
            throw std::runtime_error("falta el archivo adjunto " + h + " en " +
                                     to_blobs.root().string());
        }
    }
    return report;
}

bool IsEmpty(storage::Database& db) {
    auto tx = db.BeginRead();
    return storage::Organizations(*tx).List().empty();
}

}  // namespace sige::app

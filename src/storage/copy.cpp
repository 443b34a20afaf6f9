#include "storage/copy.hpp"

namespace sige::storage {

namespace {

struct Table {
    const char* name;
    const char* order;    // a total order of the rows, for batching
    const char* columns;  // every column, as both schemas spell them
    bool identity;        // its id comes from a sequence on PostgreSQL
};

// Parents before children, so that every foreign key finds its row.
constexpr Table kTables[] = {
    {"organization", "id", "id, code, name, time_zone, created_at", true},
    {"unit", "id", "id, organization_id, parent_id, code, name, is_desk, active", true},
    {"app_user", "id",
     "id, username, name, email, profile, unit_id, password_hash, active, sees_subunits, "
     "created_at, updated_at",
     true},
    {"dossier_type", "id", "id, organization_id, code, name, origin, active", true},
    {"dossier_counter", "organization_id, year", "organization_id, year, last_number", false},
    {"delivery_note", "id",
     "id, code, number, year, from_unit_id, to_unit_id, created_by, created_at", true},
    {"dossier", "id",
     "id, organization_id, code, number, letters, year, type_id, summary, origin, reserved, "
     "priority, instrument_number, folios, volumes, procedure_id, applicant_name, "
     "applicant_id_type, applicant_id_number, applicant_email, applicant_phone, "
     "applicant_address, state, state_before_archive, registered_unit_id, desk_unit_id, "
     "custody_unit_id, custody_permission, custody_since, pending_transfer_id, created_by, "
     "created_at, updated_at, tracking_token, pin, annulment_requested_at, "
     "annulment_requested_by, annulment_request_reason, annulled_at, annulled_by, "
     "annulment_reason, applicant_consent",
     true},
    {"transfer", "id",
     "id, dossier_id, from_unit_id, to_unit_id, action, permission, from_permission, "
     "folios_added, volumes_added, notes, state, sent_at, sent_by, received_at, received_by, "
     "reverted_at, reverted_by, revert_reason, delivery_note_id",
     true},
    {"attachment", "id",
     "id, dossier_id, name, content_type, size, sha256, version, uploaded_by, created_at", true},
    {"annotation", "id",
     "id, dossier_id, text, author_id, unit_id, created_at, removed_at, removed_by", true},
    {"submission_counter", "organization_id, year", "organization_id, year, last_number", false},
    {"submission", "id",
     "id, organization_id, type_id, procedure_id, summary, applicant_name, applicant_id_type, "
     "applicant_id_number, applicant_email, applicant_phone, applicant_address, "
     "applicant_consent, state, number, upload_token_hash, tracking_token, client, created_at, "
     "submitted_at, decided_at, decided_by, observation, correction_deadline, rejection_reason, "
     "dossier_id",
     true},
    {"submission_attachment", "id",
     "id, submission_id, name, content_type, size, sha256, created_at", true},
    {"outbox", "id",
     "id, created_at, dossier_id, event, to_address, subject, text_body, html_body, "
     "attachment_name, attachment_type, attachment_sha256, message_id, state, attempts, "
     "next_attempt_at, claimed_by, claimed_until, sent_at, last_error",
     true},
    {"audit_event", "seq",
     "seq, at, actor_id, actor, action, entity, entity_id, dossier_id, client, before_json, "
     "after_json, prev_hash, hash",
     false},
};

constexpr int kBatch = 2000;

std::int64_t Count(Database& db, const char* table) {
    auto tx = db.BeginRead();
    return tx->QueryOne(std::string("SELECT COUNT(*) FROM ") + table)->Int(0);
}

std::size_t ColumnCount(const char* columns) {
    std::size_t n = 1;
    for (const char* p = columns; *p; ++p) {
        n += *p == ',';
    }
    return n;
}

void CopyTable(Database& from, Database& to, const Table& t) {
    const std::string select =
        std::string("SELECT ") + t.columns + " FROM " + t.name + " ORDER BY " + t.order;
    const std::string insert = std::string("INSERT INTO ") + t.name + " (" + t.columns +
                               ") VALUES (" + Placeholders(ColumnCount(t.columns)) + ")";
    // Batches by offset on a single read snapshot: the source may be in use while copied.
    auto source = from.BeginRead();
    for (std::int64_t offset = 0;; offset += kBatch) {
        auto rows = source->Query(select + " LIMIT ? OFFSET ?", {kBatch, offset});
        if (rows.empty()) {
            break;
        }
        auto tx = to.BeginWrite();
        for (const auto& row : rows) {
            tx->Execute(insert, row.values());
        }
        tx->Commit();
    }
}

}  // namespace

std::vector<TableCount> CopyInstallation(Database& from,
                                         Database& to,
                                         const std::function<void(const TableCount&)>& progress) {
    for (const auto& t : kTables) {
        if (Count(to, t.name) != 0) {
            throw StorageError(std::string("la base de destino no está vacía (tabla ") + t.name +
                               "): migre a una base nueva");
        }
    }
    std::vector<TableCount> counts;
    for (const auto& t : kTables) {
        CopyTable(from, to, t);
        TableCount c{t.name, Count(from, t.name), Count(to, t.name)};
        counts.push_back(c);
        if (progress) {
            progress(c);
        }
    }
    {
        auto head = from.BeginRead();
        auto row = head->QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1");
        auto tx = to.BeginWrite();
        tx->Execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1",
                    {row->Int(0), row->Text(1)});
        for (const auto& t : kTables) {
            if (t.identity) {
                if (auto sql = to.dialect().ResetIdentity(t.name); !sql.empty()) {
                    tx->Query(sql);
                }
            }
        }
        tx->Commit();
    }
    return counts;
}

}  // namespace sige::storage

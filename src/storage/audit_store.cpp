#include "storage/audit_store.hpp"

#include <algorithm>
#include <string_view>

namespace sige::storage {

using domain::AuditEvent;

namespace {

constexpr std::string_view kColumns =
    "seq, at, actor_id, actor, action, entity, entity_id, dossier_id, client, before_json, "
    "after_json, prev_hash, hash";

AuditEvent ReadEvent(const Row& r) {
    AuditEvent e;
    e.seq = r.Int(0);
    e.at = r.Time(1);
    e.actor_id = r.OptId<UserId>(2);
    e.actor = r.Text(3);
    e.action = r.Text(4);
    e.entity = r.Text(5);
    e.entity_id = r.Int(6);
    e.dossier_id = r.OptId<DossierId>(7);
    e.client = r.Text(8);
    e.before = r.Text(9);
    e.after = r.Text(10);
    e.prev_hash = r.Text(11);
    e.hash = r.Text(12);
    return e;
}

}  // namespace

void AuditLog::Append(std::vector<AuditEvent>& events) {
    if (events.empty()) {
        return;
    }
    auto head = tx_.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1" +
                             std::string(tx_.dialect().ForUpdate()));
    std::int64_t seq = head->Int(0);
    std::string hash = head->Text(1);
    for (auto& e : events) {
        e.seq = ++seq;
        e.prev_hash = hash;
        e.hash = domain::ChainHash(e);
        hash = e.hash;
    }
    // Several rows per statement: a batch of read events is a few round trips, not one per
    // event (on PostgreSQL each statement is one).
    constexpr std::size_t kRowsPerStatement = 32;
    constexpr std::string_view kRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    std::vector<Value> params;
    for (std::size_t first = 0; first < events.size(); first += kRowsPerStatement) {
        const std::size_t n = std::min(kRowsPerStatement, events.size() - first);
        std::string sql = "INSERT INTO audit_event (" + std::string(kColumns) + ") VALUES ";
        params.clear();
        for (std::size_t i = first; i < first + n; ++i) {
            const AuditEvent& e = events[i];
            sql += i == first ? "" : ", ";
            sql += kRow;
            params.insert(
                params.end(),
                {Value(e.seq), Value(e.at), Value(e.actor_id), Value(e.actor), Value(e.action),
                 Value(e.entity), Value(e.entity_id), Value(e.dossier_id), Value(e.client),
                 Value(e.before), Value(e.after), Value(e.prev_hash), Value(e.hash)});
        }
        tx_.Execute(sql, params);
    }
    tx_.Execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {seq, hash});
}

AuditHead AuditLog::Head() {
    auto r = tx_.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1");
    return {r->Int(0), r->Text(1)};
}

std::vector<AuditEvent> AuditLog::After(std::int64_t after_seq, int limit) {
    std::vector<AuditEvent> out;
    for (const auto& r : tx_.Query("SELECT " + std::string(kColumns) +
                                       " FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?",
                                   {after_seq, limit})) {
        out.push_back(ReadEvent(r));
    }
    return out;
}

std::vector<AuditEvent> AuditLog::OfSubmission(std::int64_t submission) {
    std::vector<AuditEvent> out;
    for (const auto& r : tx_.Query("SELECT " + std::string(kColumns) +
                                       " FROM audit_event WHERE entity = 'submission' AND "
                                       "entity_id = ? ORDER BY seq",
                                   {submission})) {
        out.push_back(ReadEvent(r));
    }
    return out;
}

std::vector<AuditEvent> AuditLog::OfDossier(DossierId dossier, bool include_reads) {
    // Changes come from the partial index audit_dossier_changes (its condition is repeated
    // here word for word, so the planner uses it); reads are not indexed by dossier.
    const std::string where = include_reads ? " WHERE dossier_id = ?"
                                            : " WHERE dossier_id = ? AND action NOT LIKE '%.read'";
    std::vector<AuditEvent> out;
    for (const auto& r : tx_.Query(
             "SELECT " + std::string(kColumns) + " FROM audit_event" + where + " ORDER BY seq",
             {dossier})) {
        out.push_back(ReadEvent(r));
    }
    return out;
}

}  // namespace sige::storage

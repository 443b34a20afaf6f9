#include "storage/transfer_store.hpp"

namespace sige::storage {

using domain::DeliveryNote;
using domain::Transfer;

namespace {

constexpr std::string_view kColumns =
    "id, dossier_id, from_unit_id, to_unit_id, action, permission, from_permission, "
    "folios_added, volumes_added, notes, state, sent_at, sent_by, received_at, received_by, "
    "reverted_at, reverted_by, revert_reason, delivery_note_id";

Transfer ReadTransfer(const Row& r) {
    Transfer t;
    t.id = r.GetId<TransferId>(0);
    t.dossier_id = r.GetId<DossierId>(1);
    t.from_unit_id = r.GetId<UnitId>(2);
    t.to_unit_id = r.GetId<UnitId>(3);
    t.action = domain::ParseTransferAction(r.Text(4)).value_or(domain::TransferAction::kAttend);
    t.permission = domain::ParsePermission(r.Text(5)).value_or(domain::Permission::kRead);
    t.from_permission = domain::ParsePermission(r.Text(6)).value_or(domain::Permission::kRead);
    t.folios_added = int(r.Int(7));
    t.volumes_added = int(r.Int(8));
    t.notes = r.Text(9);
    const std::string state = r.Text(10);
    t.state = state == "received"   ? domain::TransferState::kReceived
              : state == "reverted" ? domain::TransferState::kReverted
                                    : domain::TransferState::kPending;
    t.sent_at = r.Time(11);
    t.sent_by = r.GetId<UserId>(12);
    t.received_at = r.OptTime(13);
    t.received_by = r.OptId<UserId>(14);
    t.reverted_at = r.OptTime(15);
    t.reverted_by = r.OptId<UserId>(16);
    t.revert_reason = r.Text(17);
    t.delivery_note_id = r.OptId<DeliveryNoteId>(18);
    return t;
}

std::string Select(std::string_view rest) {
    return "SELECT " + std::string(kColumns) + " FROM transfer " + std::string(rest);
}

/// " AND <column> IN (?, ...)" and its values; empty for every unit.
std::string UnitCondition(Transfers::End end,
                          const std::optional<std::vector<UnitId>>& units,
                          std::vector<Value>& values) {
    if (!units) {
        return "";
    }
    if (units->empty()) {
        return " AND 0 = 1";
    }
    for (auto u : *units) {
        values.emplace_back(u);
    }
    return std::string(end == Transfers::End::kTo ? " AND to_unit_id IN ("
                                                  : " AND from_unit_id IN (") +
           Placeholders(units->size()) + ")";
}

}  // namespace

std::optional<Transfer> Transfers::Find(TransferId id) {
    auto r = tx_.QueryOne(Select("WHERE id = ?"), {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadTransfer(*r);
}

TransferId Transfers::Insert(const Transfer& t) {
    auto r = tx_.QueryOne(
        "INSERT INTO transfer (dossier_id, from_unit_id, to_unit_id, action, permission, "
        "from_permission, folios_added, volumes_added, notes, state, sent_at, sent_by, "
        "delivery_note_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {t.dossier_id, t.from_unit_id, t.to_unit_id, domain::ToString(t.action),
         domain::ToString(t.permission), domain::ToString(t.from_permission), t.folios_added,
         t.volumes_added, t.notes, domain::ToString(t.state), t.sent_at, t.sent_by,
         t.delivery_note_id});
    return r->GetId<TransferId>(0);
}

void Transfers::Update(const Transfer& t) {
    tx_.Execute(
        "UPDATE transfer SET state = ?, received_at = ?, received_by = ?, reverted_at = ?, "
        "reverted_by = ?, revert_reason = ? WHERE id = ?",
        {domain::ToString(t.state), t.received_at, t.received_by, t.reverted_at, t.reverted_by,
         t.revert_reason, t.id});
}

std::vector<Transfer> Transfers::OfDossier(DossierId dossier) {
    std::vector<Transfer> out;
    for (const auto& r : tx_.Query(Select("WHERE dossier_id = ? ORDER BY id"), {dossier})) {
        out.push_back(ReadTransfer(r));
    }
    return out;
}

std::optional<TransferId> Transfers::LatestActive(DossierId dossier) {
    auto r = tx_.QueryOne(
        "SELECT id FROM transfer WHERE dossier_id = ? AND state <> 'reverted' "
        "ORDER BY id DESC LIMIT 1",
        {dossier});
    if (!r) {
        return std::nullopt;
    }
    return r->GetId<TransferId>(0);
}

std::vector<Transfer> Transfers::Pending(End end,
                                         const std::optional<std::vector<UnitId>>& units,
                                         int limit,
                                         int offset) {
    std::vector<Value> v;
    std::string cond = UnitCondition(end, units, v);
    v.emplace_back(limit);
    v.emplace_back(offset);
    std::vector<Transfer> out;
    for (const auto& r : tx_.Query(
             Select("WHERE state = 'pending'" + cond + " ORDER BY sent_at, id LIMIT ? OFFSET ?"),
             v)) {
        out.push_back(ReadTransfer(r));
    }
    return out;
}

std::int64_t Transfers::CountPending(End end, const std::optional<std::vector<UnitId>>& units) {
    std::vector<Value> v;
    std::string cond = UnitCondition(end, units, v);
    return tx_.Query("SELECT COUNT(*) FROM transfer WHERE state = 'pending'" + cond, v)
        .front()
        .Int(0);
}

std::vector<Transfer> Transfers::OfDeliveryNote(DeliveryNoteId note) {
    std::vector<Transfer> out;
    for (const auto& r : tx_.Query(Select("WHERE delivery_note_id = ? ORDER BY id"), {note})) {
        out.push_back(ReadTransfer(r));
    }
    return out;
}

std::optional<DeliveryNote> DeliveryNotes::Find(DeliveryNoteId id) {
    auto r = tx_.QueryOne(
        "SELECT id, code, from_unit_id, to_unit_id, created_by, created_at FROM delivery_note "
        "WHERE id = ?",
        {id});
    if (!r) {
        return std::nullopt;
    }
    DeliveryNote n;
    n.id = r->GetId<DeliveryNoteId>(0);
    n.code = r->Text(1);
    n.from_unit_id = r->GetId<UnitId>(2);
    n.to_unit_id = r->GetId<UnitId>(3);
    n.created_by = r->GetId<UserId>(4);
    n.created_at = r->Time(5);
    for (const auto& t : Transfers(tx_).OfDeliveryNote(n.id)) {
        n.transfer_ids.push_back(t.id);
    }
    return n;
}

void DeliveryNotes::Insert(DeliveryNote& n, int year) {
    // Notes are numbered per sending unit and year. Two senders of one unit at once would
    // collide on the unique key; writes are serialised (SQLite) or the caller retries.
    auto last = tx_.QueryOne(
        "SELECT COALESCE(MAX(number), 0) FROM delivery_note WHERE from_unit_id = ? AND year = ?",
        {n.from_unit_id, year});
    const std::int64_t number = last->Int(0) + 1;
    n.code = "R-" + std::to_string(number) + "-" + std::to_string(year);
    auto r = tx_.QueryOne(
        "INSERT INTO delivery_note (code, number, year, from_unit_id, to_unit_id, created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {n.code, number, year, n.from_unit_id, n.to_unit_id, n.created_by, n.created_at});
    n.id = r->GetId<DeliveryNoteId>(0);
}

}  // namespace sige::storage

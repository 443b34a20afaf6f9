#include "app/transfers.hpp"

#include "app/audit_trail.hpp"
#include "app/common.hpp"
#include "app/mail.hpp"
#include "domain/access_policy.hpp"
#include "storage/catalog_store.hpp"
#include "storage/dossier_store.hpp"
#include "storage/transfer_store.hpp"

namespace sige::app {

using domain::Dossier;
using domain::Transfer;

namespace {

/// Prefixes the fields of a validation error (or sets the field) with `where`, so that a
/// bulk operation says which element failed: "ids[2]".
Error At(Error e, const std::string& where) {
    if (e.fields.empty()) {
        e.fields.push_back({where, e.message_key, e.args});
    } else {
        for (auto& f : e.fields) {
            f.field = where + "." + f.field;
        }
    }
    return e;
}

/// Checks the destination exists and is active.
Status CheckDestination(storage::Transaction& tx, UnitId to) {
    auto unit = storage::Units(tx).Find(to);
    if (!unit) {
        return Error::Field("to_unit", "unit.unknown");
    }
    if (!unit->active) {
        return Error::Field("to_unit", "unit.inactive");
    }
    return Ok();
}

/// Sends one dossier inside `tx`, recording it in `trail` and queuing the applicant's
/// notice (`mail` becomes true when one was queued). Shared by Send and SendBulk.
Result<Transfer> SendOne(storage::Transaction& tx,
                         Env& env,
                         const Caller& caller,
                         AuditTrail& trail,
                         DossierId id,
                         const domain::TransferRequest& request,
                         std::optional<DeliveryNoteId> note,
                         Timestamp now,
                         bool& mail) {
    auto d = LoadVisibleDossier(tx, caller, id, /*for_update=*/true);
    if (!d) {
        return d.error();
    }
    SIGE_TRY(domain::CanTransfer(caller.actor, *d));
    auto t = domain::StartTransfer(*d, request, caller.actor.user.id, now);
    if (!t) {
        return t.error();
    }
    t->delivery_note_id = note;
    t->id = storage::Transfers(tx).Insert(*t);
    d->pending_transfer_id = t->id;
    storage::Dossiers(tx).Update(*d);
    trail.Add("transfer.sent", "transfer", t->id.value, id, {}, AuditSnapshot(*t));
    Names names(tx);
    if (QueueApplicantNotice(tx, names, env, *d, NoticeKind::kTransferred, t->to_unit_id)) {
        mail = true;
    }
    return t;
}

/// Receives one transfer inside `tx`. Shared by Receive and ReceiveMany.
Result<Transfer> ReceiveOne(storage::Transaction& tx,
                            const Caller& caller,
                            AuditTrail& trail,
                            TransferId id,
                            Timestamp now) {
    auto t = storage::Transfers(tx).Find(id);
    if (!t) {
        return Error(ErrorCode::kNotFound, "transfer.not_found");
    }
    auto d = LoadVisibleDossier(tx, caller, t->dossier_id, /*for_update=*/true);
    if (!d) {
        return d.error();
    }
    SIGE_TRY(domain::CanReceive(caller.actor, *t));
    const int folios_before = d->folios;
    SIGE_TRY(domain::ReceiveTransfer(*d, *t, caller.actor.user.id, now));
    storage::Transfers(tx).Update(*t);
    storage::Dossiers(tx).Update(*d);
    JsonObject before, after;
    before.Add("state", "pending").Add("folios", folios_before);
    after.Add("state", "received")
        .Add("custody_unit_id", d->custody_unit_id.value)
        .Add("folios", d->folios);
    trail.Add("transfer.received", "transfer", id.value, d->id, before, after);
    return std::move(*t);
}

/// Which pending transfers a caller may list: their unit's, or for ADMIN and AUTHORITY a
/// chosen unit's or everyone's.
Result<std::optional<std::vector<UnitId>>> TrayUnits(const domain::Actor& actor,
                                                     std::optional<UnitId> unit) {
    if (domain::SeesEverything(actor)) {
        if (unit) {
            return std::optional<std::vector<UnitId>>(std::vector<UnitId>{*unit});
        }
        return std::optional<std::vector<UnitId>>();
    }
    if (!actor.user.unit_id) {
        return Error(ErrorCode::kForbidden, "access.no_unit");
    }
    if (unit && *unit != *actor.user.unit_id) {
        return Error(ErrorCode::kForbidden, "access.other_unit");
    }
    return std::optional<std::vector<UnitId>>(std::vector<UnitId>{*actor.user.unit_id});
}

}  // namespace

Result<TransferView> Transfers::Send(const Caller& caller,
                                     DossierId dossier,
                                     const domain::TransferRequest& request) {
    SIGE_TRY(domain::ValidateTransferRequest(request).ToStatus());
    auto tx = env_.db.BeginWrite();
    SIGE_TRY(CheckDestination(*tx, request.to_unit));
    const Timestamp now = env_.clock.Now();
    AuditTrail trail(caller, now);
    bool mail = false;
    auto t = SendOne(*tx, env_, caller, trail, dossier, request, std::nullopt, now, mail);
    if (!t) {
        return t.error();
    }
    Names names(*tx);
    auto view = MakeTransferView(*tx, names, *t, now);
    trail.CommitWith(*tx);
    WakeMailSender(env_, mail);
    return view;
}

Result<DeliveryNoteView> Transfers::SendBulk(const Caller& caller,
                                             const std::vector<DossierId>& dossiers,
                                             const domain::TransferRequest& request) {
    if (dossiers.empty()) {
        return Error::Field("dossier_ids", "field.required");
    }
    SIGE_TRY(domain::ValidateTransferRequest(request).ToStatus());
    for (std::size_t i = 0; i < dossiers.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (dossiers[i] == dossiers[j]) {
                return Error::Field("dossier_ids[" + std::to_string(i) + "]", "transfer.repeated");
            }
        }
    }
    auto tx = env_.db.BeginWrite();
    SIGE_TRY(CheckDestination(*tx, request.to_unit));
    const Timestamp now = env_.clock.Now();

    // The note is numbered per sending unit: every dossier must leave from the same one.
    auto first = LoadVisibleDossier(*tx, caller, dossiers.front());
    if (!first) {
        return At(first.error(), "dossier_ids[0]");
    }
    domain::DeliveryNote note;
    note.from_unit_id = first->custody_unit_id;
    note.to_unit_id = request.to_unit;
    note.created_by = caller.actor.user.id;
    note.created_at = now;
    auto org = storage::Organizations(*tx).Find(first->organization_id);
    const TimeZone zone = TimeZone::Find(org ? org->time_zone : "").value_or(env_.zone);
    storage::DeliveryNotes(*tx).Insert(note, zone.Year(now));

    AuditTrail trail(caller, now);
    bool mail = false;
    std::vector<Transfer> sent;
    for (std::size_t i = 0; i < dossiers.size(); ++i) {
        const std::string where = "dossier_ids[" + std::to_string(i) + "]";
        auto t = SendOne(*tx, env_, caller, trail, dossiers[i], request, note.id, now, mail);
        if (!t) {
            return At(t.error(), where);
        }
        if (t->from_unit_id != note.from_unit_id) {  // only ADMIN can get here
            return Error::Field(where, "transfer.bulk_other_unit");
        }
        sent.push_back(std::move(*t));
        note.transfer_ids.push_back(sent.back().id);
    }
    JsonObject after;
    after.Add("code", note.code)
        .Add("to_unit_id", note.to_unit_id.value)
        .Add("transfers", std::int64_t(sent.size()));
    trail.Add("delivery_note.created", "delivery_note", note.id.value, std::nullopt, {}, after);

    Names names(*tx);
    DeliveryNoteView view;
    view.note = note;
    view.from_unit_name = names.Unit(note.from_unit_id);
    view.to_unit_name = names.Unit(note.to_unit_id);
    view.organization_name = names.Organization(first->organization_id);
    view.created_by_name = names.User(note.created_by);
    for (const auto& t : sent) {
        view.transfers.push_back(MakeTransferView(*tx, names, t, now));
    }
    trail.CommitWith(*tx);
    WakeMailSender(env_, mail);
    return view;
}

Result<Page<TransferView>> Transfers::Inbox(const Caller& caller,
                                            std::optional<UnitId> unit,
                                            int page,
                                            int per_page) {
    return Tray(caller, unit, page, per_page, /*inbox=*/true);
}

Result<Page<TransferView>> Transfers::Sent(const Caller& caller,
                                           std::optional<UnitId> unit,
                                           int page,
                                           int per_page) {
    return Tray(caller, unit, page, per_page, /*inbox=*/false);
}

Result<Page<TransferView>> Transfers::Tray(
    const Caller& caller, std::optional<UnitId> unit, int page, int per_page, bool inbox) {
    auto units = TrayUnits(caller.actor, unit);
    if (!units) {
        return units.error();
    }
    const auto end = inbox ? storage::Transfers::End::kTo : storage::Transfers::End::kFrom;
    auto tx = env_.db.BeginRead();
    storage::Transfers transfers(*tx);
    Page<TransferView> out;
    out.total = transfers.CountPending(end, *units);
    const Timestamp now = env_.clock.Now();
    Names names(*tx);
    for (const auto& t : transfers.Pending(end, *units, per_page, (page - 1) * per_page)) {
        out.items.push_back(MakeTransferView(*tx, names, t, now));
    }
    return out;
}

Result<TransferView> Transfers::Receive(const Caller& caller, TransferId id) {
    auto tx = env_.db.BeginWrite();
    const Timestamp now = env_.clock.Now();
    AuditTrail trail(caller, now);
    auto t = ReceiveOne(*tx, caller, trail, id, now);
    if (!t) {
        return t.error();
    }
    Names names(*tx);
    auto view = MakeTransferView(*tx, names, *t, now);
    trail.CommitWith(*tx);
    return view;
}

Result<std::vector<TransferView>> Transfers::ReceiveMany(const Caller& caller,
                                                         const std::vector<TransferId>& ids) {
    if (ids.empty()) {
        return Error::Field("ids", "field.required");
    }
    auto tx = env_.db.BeginWrite();
    const Timestamp now = env_.clock.Now();
    AuditTrail trail(caller, now);
    std::vector<Transfer> received;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto t = ReceiveOne(*tx, caller, trail, ids[i], now);
        if (!t) {
            return At(t.error(), "ids[" + std::to_string(i) + "]");
        }
        received.push_back(std::move(*t));
    }
    Names names(*tx);
    std::vector<TransferView> out;
    for (const auto& t : received) {
        out.push_back(MakeTransferView(*tx, names, t, now));
    }
    trail.CommitWith(*tx);
    return out;
}

Result<TransferView> Transfers::Revert(const Caller& caller,
                                       TransferId id,
                                       const std::string& reason) {
    SIGE_TRY(domain::CanRevert(caller.actor));
    auto tx = env_.db.BeginWrite();
    storage::Transfers transfers(*tx);
    auto t = transfers.Find(id);
    if (!t) {
        return Error(ErrorCode::kNotFound, "transfer.not_found");
    }
    auto d = LoadVisibleDossier(*tx, caller, t->dossier_id, /*for_update=*/true);
    if (!d) {
        return d.error();
    }
    const bool is_latest = transfers.LatestActive(d->id) == std::optional<TransferId>(t->id);
    const Timestamp now = env_.clock.Now();
    JsonObject before;
    before.Add("state", domain::ToString(t->state))
        .Add("custody_unit_id", d->custody_unit_id.value)
        .Add("folios", d->folios);
    SIGE_TRY(domain::RevertTransfer(*d, *t, is_latest, caller.actor.user.id, reason, now));
    transfers.Update(*t);
    storage::Dossiers(*tx).Update(*d);
    JsonObject after;
    after.Add("state", domain::ToString(t->state))
        .Add("custody_unit_id", d->custody_unit_id.value)
        .Add("folios", d->folios)
        .Add("reason", reason);
    AuditTrail trail(caller, now);
    trail.Add("transfer.reverted", "transfer", id.value, d->id, before, after);
    Names names(*tx);
    auto view = MakeTransferView(*tx, names, *t, now);
    trail.CommitWith(*tx);
    return view;
}

Result<std::vector<TransferView>> Transfers::OfDossier(const Caller& caller, DossierId dossier) {
    auto tx = env_.db.BeginRead();
    auto d = LoadVisibleDossier(*tx, caller, dossier);
    if (!d) {
        return d.error();
    }
    const Timestamp now = env_.clock.Now();
    Names names(*tx);
    std::vector<TransferView> out;
    for (const auto& t : storage::Transfers(*tx).OfDossier(dossier)) {
        out.push_back(MakeTransferView(*tx, names, t, now));
    }
    return out;
}

Result<DeliveryNoteView> Transfers::DeliveryNote(const Caller& caller, DeliveryNoteId id) {
    auto tx = env_.db.BeginRead();
    auto note = storage::DeliveryNotes(*tx).Find(id);
    if (!note) {
        return Error(ErrorCode::kNotFound, "delivery_note.not_found");
    }
    const auto& actor = caller.actor;
    if (!domain::SeesEverything(actor) && !actor.WorksIn(note->from_unit_id) &&
        !actor.WorksIn(note->to_unit_id)) {
        return Error(ErrorCode::kNotFound, "delivery_note.not_found");
    }
    const Timestamp now = env_.clock.Now();
    Names names(*tx);
    DeliveryNoteView view;
    view.note = *note;
    view.from_unit_name = names.Unit(note->from_unit_id);
    view.to_unit_name = names.Unit(note->to_unit_id);
    if (auto unit = storage::Units(*tx).Find(note->from_unit_id)) {
        view.organization_name = names.Organization(unit->organization_id);
    }
    view.created_by_name = names.User(note->created_by);
    for (const auto& t : storage::Transfers(*tx).OfDeliveryNote(id)) {
        view.transfers.push_back(MakeTransferView(*tx, names, t, now));
    }
    return view;
}

}  // namespace sige::app

#include "domain/transfer.hpp"

#include "core/text.hpp"
#include "domain/dossier.hpp"

namespace sige::domain {

Validation ValidateTransferRequest(const TransferRequest& r) {
    Validation v;
    if (!r.to_unit) {
        v.Add("to_unit", "field.required");
    }
    if (!r.action) {
        v.Add("action", "field.required");
    }
    if (r.folios_added < 0 || r.folios_added > kMaxFoliosAdded) {
        v.Add("folios_added", "field.range", {"0", std::to_string(kMaxFoliosAdded)});
    }
    if (r.volumes_added < 0 || r.volumes_added > kMaxVolumesAdded) {
        v.Add("volumes_added", "field.range", {"0", std::to_string(kMaxVolumesAdded)});
    }
    if (!text::IsValidUtf8(r.notes) || text::HasControlChars(r.notes, /*allow_newlines=*/true)) {
        v.Add("notes", "field.bad_characters");
    } else if (text::Utf8Length(r.notes) > std::size_t(kMaxNotesLength)) {
        v.Add("notes", "field.too_long", {std::to_string(kMaxNotesLength)});
    }
    return v;
}

Result<Transfer> StartTransfer(Dossier& d, const TransferRequest& r, UserId sender, Timestamp now) {
    SIGE_TRY(CheckChangeable(d));
    if (r.to_unit == d.custody_unit_id) {
        return Error::Field("to_unit", "transfer.same_unit");
    }
    Transfer t;
    t.dossier_id = d.id;
    t.from_unit_id = d.custody_unit_id;
    t.to_unit_id = r.to_unit;
    t.action = *r.action;
    t.permission = r.permission;
    t.from_permission = d.custody_permission;
    t.folios_added = r.folios_added;
    t.volumes_added = r.volumes_added;
    t.notes = r.notes;
    t.state = TransferState::kPending;
    t.sent_at = now;
    t.sent_by = sender;
    if (d.state == DossierState::kRegistered) {
        d.state = DossierState::kInProcess;
    }
    d.updated_at = now;
    return t;
}

Status ReceiveTransfer(Dossier& d, Transfer& t, UserId receiver, Timestamp now) {
    if (t.state == TransferState::kReceived) {
        return Error(ErrorCode::kConflict, "transfer.already_received");
    }
    if (t.state != TransferState::kPending || d.pending_transfer_id != t.id) {
        return Error(ErrorCode::kConflict, "transfer.not_pending");
    }
    t.state = TransferState::kReceived;
    t.received_at = now;
    t.received_by = receiver;
    d.custody_unit_id = t.to_unit_id;
    d.custody_permission = t.permission;
    d.custody_since = now;
    d.folios += t.folios_added;
    d.volumes += t.volumes_added;
    d.pending_transfer_id.reset();
    d.updated_at = now;
    return Ok();
}

Status RevertTransfer(
    Dossier& d, Transfer& t, bool is_latest, UserId by, const std::string& reason, Timestamp now) {
    if (auto problem = ReasonProblem(reason, "reason")) {
        return Error::Field(problem->field, problem->message_key, problem->args);
    }
    if (t.state == TransferState::kReverted) {
        return Error(ErrorCode::kConflict, "transfer.already_reverted");
    }
    if (!is_latest) {
        return Error(ErrorCode::kConflict, "transfer.not_latest");
    }
    if (d.state == DossierState::kAnnulled) {
        return Error(ErrorCode::kConflict, "dossier.annulled");
    }
    if (d.state == DossierState::kArchived) {
        return Error(ErrorCode::kConflict, "dossier.archived");
    }
    if (t.state == TransferState::kReceived) {
        d.custody_unit_id = t.from_unit_id;
        d.custody_permission = t.from_permission;
        d.custody_since = now;
        d.folios = std::max(0, d.folios - t.folios_added);
        d.volumes = std::max(0, d.volumes - t.volumes_added);
    } else {
        d.pending_transfer_id.reset();
    }
    t.state = TransferState::kReverted;
    t.reverted_at = now;
    t.reverted_by = by;
    t.revert_reason = reason;
    d.updated_at = now;
    return Ok();
}

}  // namespace sige::domain

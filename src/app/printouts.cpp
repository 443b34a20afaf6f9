#include "app/printouts.hpp"

#include "app/audit_trail.hpp"
#include "app/common.hpp"
#include "app/transfers.hpp"
#include "core/messages_es.hpp"
#include "domain/access_policy.hpp"
#include "render/pdf.hpp"
#include "storage/catalog_store.hpp"

namespace sige::app {

namespace {

/// Times on paper are in the organisation's own zone.
std::string IdTypeLabel(domain::IdType t) {
    switch (t) {
        case domain::IdType::kDni:
            return MessageEs("printout.applicant_dni");
        case domain::IdType::kRuc:
            return MessageEs("printout.applicant_ruc");
        case domain::IdType::kCe:
            return MessageEs("printout.applicant_ce");
        case domain::IdType::kPassport:
            return MessageEs("printout.applicant_passport");
    }
    return "";
}

}  // namespace

Pdf ReceiptPdf(storage::Transaction& tx, Names& names, const Env& env, const domain::Dossier& d) {
    render::ReceiptData r;
    r.organization = names.Organization(d.organization_id);
    r.desk = names.Unit(d.desk_unit_id);
    r.code = d.code;
    r.registered = ZoneOf(tx, d.organization_id, env.zone).FormatHuman(d.created_at);
    r.type = names.Type(d.type_id);
    r.origin = MessageEs(d.origin == domain::Origin::kExternal ? "printout.external"
                                                               : "printout.internal");
    if (d.applicant) {
        r.applicant = d.applicant->name;
        r.applicant_id = IdTypeLabel(d.applicant->id_type) + " " + d.applicant->id_number;
    }
    r.summary = d.summary;
    r.folios = d.folios;
    r.volumes = d.volumes;
    r.reserved = d.reserved;
    r.urgent = d.priority == domain::Priority::kUrgent;
    r.registered_by = names.User(d.created_by);
    r.tracking_base = env.public_url + "/t";
    r.tracking_url = r.tracking_base + "/" + d.tracking_token;
    r.pin = d.pin;
    return Pdf{"cargo-" + d.code + ".pdf", render::RenderReceiptPdf(r)};
}

Result<Pdf> Printouts::Receipt(const Caller& caller, DossierId id) {
    auto tx = env_.db.BeginRead();
    auto d = LoadVisibleDossier(*tx, caller, id);
    if (!d) {
        return d.error();
    }
    if (!domain::CanSeeTrackingSecrets(caller.actor, *d)) {
        return Error(ErrorCode::kForbidden, "access.receipt");
    }
    Names names(*tx);
    env_.reads.Push(MakeEvent(caller, env_.clock.Now(), "receipt.read", "dossier", id.value, id));
    return ReceiptPdf(*tx, names, env_, *d);
}

Result<Pdf> Printouts::DeliveryNote(const Caller& caller, DeliveryNoteId id) {
    auto view = Transfers(env_).DeliveryNote(caller, id);
    if (!view) {
        return view.error();
    }
    render::DeliveryNoteData n;
    n.organization = view->organization_name;
    n.code = view->note.code;
    n.from_unit = view->from_unit_name;
    n.to_unit = view->to_unit_name;
    n.created_by = view->created_by_name;
    {
        auto tx = env_.db.BeginRead();
        auto unit = storage::Units(*tx).Find(view->note.from_unit_id);
        const TimeZone zone = unit ? ZoneOf(*tx, unit->organization_id, env_.zone) : env_.zone;
        n.created = zone.FormatHuman(view->note.created_at);
    }
    for (const auto& t : view->transfers) {
        n.lines.push_back(
            {t.dossier_code, t.dossier_summary,
             MessageEs("transfer_action." + std::string(domain::ToString(t.transfer.action))),
             MessageEs(t.transfer.permission == domain::Permission::kWrite
                           ? "printout.permission_write"
                           : "printout.permission_read"),
             t.transfer.folios_added});
    }
    return Pdf{"remito-" + n.code + ".pdf", render::RenderDeliveryNotePdf(n)};
}

}  // namespace sige::app

#include "http/dto.hpp"

namespace sige::http {

namespace {

json::value Ref(std::int64_t id, const std::string& name) {
    return json::object{{"id", id}, {"name", name}};
}

json::value OptTime(const std::optional<Timestamp>& t, const TimeZone& zone) {
    if (!t) {
        return nullptr;
    }
    return json::value(zone.FormatIso(*t));
}

template <class IdT>
json::value OptId(const std::optional<IdT>& id) {
    if (!id) {
        return nullptr;
    }
    return json::value(id->value);
}

json::value ParseStored(const std::string& text) {
    if (text.empty()) {
        return nullptr;
    }
    json::error_code ec;
    auto v = json::parse(text, ec);
    return ec ? json::value(text) : v;
}

}  // namespace

json::value ApplicantJson(const std::optional<domain::Applicant>& a, bool limited) {
    if (!a) {
        return nullptr;
    }
    json::object o{{"name", a->name},
                   {"id_type", std::string(domain::ToString(a->id_type))},
                   {"id_number", a->id_number}};
    if (!limited) {
        o["email"] = a->email;
        o["phone"] = a->phone;
        o["address"] = a->address;
        o["consent"] = a->consent;
    }
    return o;
}

json::object DossierJson(const app::DossierView& v, const TimeZone& zone) {
    const auto& d = v.dossier;
    json::object o;
    o["id"] = d.id.value;
    o["code"] = d.code;
    o["number"] = d.number;
    o["letters"] = d.letters;
    o["year"] = d.year;
    o["organization_id"] = d.organization_id.value;
    o["organization"] = Ref(d.organization_id.value, v.organization_name);
    o["type_id"] = d.type_id.value;
    o["type"] = Ref(d.type_id.value, v.type_name);
    o["summary"] = d.summary;
    o["origin"] = std::string(domain::ToString(d.origin));
    o["reserved"] = d.reserved;
    o["priority"] = std::string(domain::ToString(d.priority));
    if (!v.limited) {
        o["instrument_number"] = d.instrument_number;
    }
    o["folios"] = d.folios;
    o["volumes"] = d.volumes;
    o["procedure_id"] = d.procedure_id ? json::value(*d.procedure_id) : json::value(nullptr);
    o["applicant"] = ApplicantJson(d.applicant, v.limited);
    o["state"] = std::string(domain::ToString(d.state));
    o["custody_unit_id"] = d.custody_unit_id.value;
    o["custody_unit"] = Ref(d.custody_unit_id.value, v.custody_unit_name);
    o["custody_permission"] = std::string(domain::ToString(d.custody_permission));
    o["custody_since"] = zone.FormatIso(d.custody_since);
    o["registered_unit_id"] = d.registered_unit_id.value;
    o["registered_unit"] = Ref(d.registered_unit_id.value, v.registered_unit_name);
    o["desk_unit_id"] = d.desk_unit_id.value;
    o["desk_unit"] = Ref(d.desk_unit_id.value, v.desk_unit_name);
    o["in_transit"] = d.InTransit();
    if (v.pending_transfer) {
        const auto& t = *v.pending_transfer;
        o["pending_transfer"] =
            json::object{{"id", t.id.value},
                         {"to_unit", Ref(t.to_unit_id.value, v.pending_to_unit_name)},
                         {"sent_at", zone.FormatIso(t.sent_at)},
                         {"action", std::string(domain::ToString(t.action))}};
    } else {
        o["pending_transfer"] = nullptr;
    }
    o["created_at"] = zone.FormatIso(d.created_at);
    o["updated_at"] = zone.FormatIso(d.updated_at);
    o["created_by"] = d.created_by.value;
    if (d.annulment_requested_at) {
        o["annulment_request"] = json::object{{"at", zone.FormatIso(*d.annulment_requested_at)},
                                              {"by", OptId(d.annulment_requested_by)},
                                              {"reason", d.annulment_request_reason}};
    } else {
        o["annulment_request"] = nullptr;
    }
    if (d.annulled_at) {
        o["annulment"] = json::object{{"at", zone.FormatIso(*d.annulled_at)},
                                      {"by", OptId(d.annulled_by)},
                                      {"reason", d.annulment_reason}};
    } else {
        o["annulment"] = nullptr;
    }
    json::array actions;
    for (const auto& a : v.allowed_actions) {
        actions.emplace_back(a);
    }
    o["allowed_actions"] = std::move(actions);
    if (v.show_secrets) {
        o["tracking_token"] = d.tracking_token;
        o["pin"] = d.pin;
    }
    return o;
}

json::object TransferJson(const app::TransferView& v, const TimeZone& zone) {
    const auto& t = v.transfer;
    json::object o;
    o["id"] = t.id.value;
    o["dossier_id"] = t.dossier_id.value;
    o["dossier_code"] = v.dossier_code;
    o["dossier_summary"] = v.dossier_summary;
    o["from_unit_id"] = t.from_unit_id.value;
    o["from_unit"] = Ref(t.from_unit_id.value, v.from_unit_name);
    o["to_unit_id"] = t.to_unit_id.value;
    o["to_unit"] = Ref(t.to_unit_id.value, v.to_unit_name);
    o["action"] = std::string(domain::ToString(t.action));
    o["permission"] = std::string(domain::ToString(t.permission));
    o["folios_added"] = t.folios_added;
    o["volumes_added"] = t.volumes_added;
    o["notes"] = t.notes;
    o["state"] = std::string(domain::ToString(t.state));
    o["sent_at"] = zone.FormatIso(t.sent_at);
    o["sent_by"] = t.sent_by.value;
    o["sent_by_name"] = v.sent_by_name;
    o["received_at"] = OptTime(t.received_at, zone);
    o["received_by"] = OptId(t.received_by);
    o["reverted_at"] = OptTime(t.reverted_at, zone);
    o["revert_reason"] = t.revert_reason;
    o["delivery_note_id"] = OptId(t.delivery_note_id);
    if (v.waiting_seconds) {
        o["waiting_seconds"] = *v.waiting_seconds;
    }
    return o;
}

json::object DeliveryNoteJson(const app::DeliveryNoteView& v, const TimeZone& zone) {
    json::array transfers;
    for (const auto& t : v.transfers) {
        transfers.push_back(TransferJson(t, zone));
    }
    return json::object{{"id", v.note.id.value},
                        {"delivery_note_id", v.note.id.value},
                        {"code", v.note.code},
                        {"organization_name", v.organization_name},
                        {"from_unit", Ref(v.note.from_unit_id.value, v.from_unit_name)},
                        {"to_unit", Ref(v.note.to_unit_id.value, v.to_unit_name)},
                        {"created_at", zone.FormatIso(v.note.created_at)},
                        {"created_by", v.note.created_by.value},
                        {"created_by_name", v.created_by_name},
                        {"transfers", std::move(transfers)}};
}

json::object AttachmentJson(const domain::Attachment& a, const TimeZone& zone) {
    return json::object{{"id", a.id.value},
                        {"dossier_id", a.dossier_id.value},
                        {"name", a.name},
                        {"content_type", a.content_type},
                        {"size", a.size},
                        {"sha256", a.sha256},
                        {"version", a.version},
                        {"uploaded_by", a.uploaded_by.value},
                        {"created_at", zone.FormatIso(a.created_at)}};
}

json::object AnnotationJson(const domain::Annotation& n, const TimeZone& zone) {
    return json::object{{"id", n.id.value},
                        {"dossier_id", n.dossier_id.value},
                        {"text", n.text},
                        {"author", n.author_name},
                        {"author_id", n.author_id.value},
                        {"created_at", zone.FormatIso(n.created_at)}};
}

json::object HistoryJson(const domain::AuditEvent& e, const TimeZone& zone) {
    json::object details;
    if (!e.before.empty()) {
        details["before"] = ParseStored(e.before);
    }
    if (!e.after.empty()) {
        details["after"] = ParseStored(e.after);
    }
    return json::object{{"seq", e.seq},
                        {"at", zone.FormatIso(e.at)},
                        {"actor", e.actor},
                        {"action", e.action},
                        {"entity", e.entity},
                        {"entity_id", e.entity_id},
                        {"details", std::move(details)}};
}

json::object UserJson(const app::UserView& v, const TimeZone& zone) {
    const auto& u = v.user;
    json::object o;
    o["id"] = u.id.value;
    o["username"] = u.username;
    o["name"] = u.name;
    o["email"] = u.email;
    o["profile"] = std::string(domain::ToString(u.profile));
    o["unit_id"] = OptId(u.unit_id);
    o["unit"] = u.unit_id ? Ref(u.unit_id->value, v.unit_name) : json::value(nullptr);
    o["organization_id"] = OptId(v.organization_id);
    o["active"] = u.active;
    o["sees_subunits"] = u.sees_subunits;
    o["created_at"] = zone.FormatIso(u.created_at);
    return o;
}

json::object MeJson(const app::UserView& v) {
    const auto& u = v.user;
    json::object o;
    o["user"] = json::object{{"id", u.id.value},
                             {"username", u.username},
                             {"name", u.name},
                             {"email", u.email},
                             {"profile", std::string(domain::ToString(u.profile))}};
    o["unit"] = u.unit_id ? Ref(u.unit_id->value, v.unit_name) : json::value(nullptr);
    o["organization"] = v.organization_id ? Ref(v.organization_id->value, v.organization_name)
                                          : json::value(nullptr);
    o["handles_submissions"] = v.handles_submissions;
    return o;
}

json::object UnitJson(const domain::Unit& u) {
    return json::object{{"id", u.id.value},
                        {"name", u.name},
                        {"code", u.code},
                        {"organization_id", u.organization_id.value},
                        {"parent_id", OptId(u.parent_id)},
                        {"is_desk", u.is_desk},
                        {"active", u.active}};
}

json::object OrganizationJson(const domain::Organization& o) {
    return json::object{
        {"id", o.id.value}, {"code", o.code}, {"name", o.name}, {"time_zone", o.time_zone}};
}

json::object DossierTypeJson(const domain::DossierType& t) {
    return json::object{{"id", t.id.value},
                        {"code", t.code},
                        {"name", t.name},
                        {"origin", std::string(domain::ToString(t.origin))},
                        {"organization_id", t.organization_id.value},
                        {"active", t.active}};
}

domain::DossierInput ReadDossierInput(FieldReader& f) {
    domain::DossierInput in;
    in.type_id = f.Id<DossierTypeId>("type_id");
    in.summary = f.Text("summary");
    in.origin = f.Enum<domain::Origin>("origin", domain::ParseOrigin, "external, internal");
    in.reserved = f.Bool("reserved");
    in.priority = f.Enum<domain::Priority>("priority", domain::ParsePriority, "normal, urgent");
    in.letters = f.Text("letters");
    in.instrument_number = f.Text("instrument_number");
    in.folios = f.Int("folios");
    in.volumes = f.Int("volumes");
    in.procedure_id = f.Integer("procedure_id");
    if (const auto* a = f.Object("applicant")) {
        FieldReader af(*a, f.validation(), f.Path("applicant"));
        domain::Applicant applicant;
        applicant.name = af.Text("name").value_or("");
        af.Require("id_type");
        auto id_type =
            af.Enum<domain::IdType>("id_type", domain::ParseIdType, "DNI, RUC, CE, PASSPORT");
        applicant.id_type = id_type.value_or(domain::IdType::kDni);
        applicant.id_number = af.Text("id_number").value_or("");
        applicant.email = af.Text("email").value_or("");
        applicant.phone = af.Text("phone").value_or("");
        applicant.address = af.Text("address").value_or("");
        applicant.consent = af.Bool("consent").value_or(false);
        in.applicant = std::move(applicant);
    }
    return in;
}

domain::TransferRequest ReadTransferRequest(FieldReader& f) {
    domain::TransferRequest r;
    r.to_unit = f.Id<UnitId>("to_unit").value_or(UnitId());
    r.action = f.Enum<domain::TransferAction>(
        "action", domain::ParseTransferAction,
        "attend, opinion, sign, archive, knowledge, report, review, notify");
    r.permission = f.Enum<domain::Permission>("permission", domain::ParsePermission, "READ, WRITE")
                       .value_or(domain::Permission::kWrite);
    r.folios_added = f.Int("folios_added").value_or(0);
    r.volumes_added = f.Int("volumes_added").value_or(0);
    r.notes = f.Text("notes").value_or("");
    return r;
}

app::UserInput ReadUserInput(FieldReader& f) {
    app::UserInput in;
    in.username = f.Text("username");
    in.name = f.Text("name");
    in.email = f.Text("email");
    in.profile = f.Enum<domain::Profile>("profile", domain::ParseProfile,
                                         "ADMIN, DESK, OFFICE, LOADER, VIEWER, AUTHORITY");
    if (f.IsNull("unit_id")) {
        in.unit_id = std::optional<UnitId>();
    } else if (auto unit = f.Id<UnitId>("unit_id")) {
        in.unit_id = std::optional<UnitId>(*unit);
    }
    in.password = f.Text("password");
    in.active = f.Bool("active");
    in.sees_subunits = f.Bool("sees_subunits");
    return in;
}

app::UnitInput ReadUnitInput(FieldReader& f) {
    app::UnitInput in;
    in.organization_id = f.Id<OrganizationId>("organization_id");
    if (f.IsNull("parent_id")) {
        in.parent_id = std::optional<UnitId>();
    } else if (auto parent = f.Id<UnitId>("parent_id")) {
        in.parent_id = std::optional<UnitId>(*parent);
    }
    in.code = f.Text("code");
    in.name = f.Text("name");
    in.is_desk = f.Bool("is_desk");
    in.active = f.Bool("active");
    return in;
}

}  // namespace sige::http

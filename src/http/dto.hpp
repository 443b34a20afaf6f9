#pragma once

// The API's JSON shapes (API.md "Core fields"): views to JSON, JSON to inputs. Field names
// are fixed once published; new ones may be added.

#include "app/catalog.hpp"
#include "app/views.hpp"
#include "domain/dossier.hpp"
#include "domain/transfer.hpp"
#include "http/json_io.hpp"

namespace sige::http {

/// The applicant of a dossier or submission; `limited` leaves out contact data (VIEWER),
/// null when there is none.
json::value ApplicantJson(const std::optional<domain::Applicant>& applicant, bool limited);
json::object DossierJson(const app::DossierView& view, const TimeZone& zone);
json::object TransferJson(const app::TransferView& view, const TimeZone& zone);
json::object DeliveryNoteJson(const app::DeliveryNoteView& view, const TimeZone& zone);
json::object AttachmentJson(const domain::Attachment& attachment, const TimeZone& zone);
json::object AnnotationJson(const domain::Annotation& annotation, const TimeZone& zone);
json::object HistoryJson(const domain::AuditEvent& event, const TimeZone& zone);
json::object UserJson(const app::UserView& view, const TimeZone& zone);
json::object MeJson(const app::UserView& view);
json::object UnitJson(const domain::Unit& unit);
json::object OrganizationJson(const domain::Organization& organization);
json::object DossierTypeJson(const domain::DossierType& type);

/// The dossier fields of a register or edit body (API.md "register").
domain::DossierInput ReadDossierInput(FieldReader& fields);
/// The fields of a transfer (API.md transfers).
domain::TransferRequest ReadTransferRequest(FieldReader& fields);
app::UserInput ReadUserInput(FieldReader& fields);
app::UnitInput ReadUnitInput(FieldReader& fields);

}  // namespace sige::http

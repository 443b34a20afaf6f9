#pragma once

// The nouns of sige (PRODUCT.md glossary): organisations and their unit trees, users and
// their profiles, dossier types, dossiers, transfers, delivery notes, attachments and
// annotations. Plain values: no storage, no I/O. Rules about them live beside them
// (dossier.hpp, transfer.hpp, access_policy.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace sige::domain {

// ---- profiles --------------------------------------------------------------------------

/// PRODUCT.md "Who uses it": what a user may do is decided by the profile, the unit and,
/// for changes, custody of the dossier.
enum class Profile { kAdmin, kDesk, kOffice, kLoader, kViewer, kAuthority };

std::string_view ToString(Profile p);  ///< "ADMIN", "DESK", ...
std::optional<Profile> ParseProfile(std::string_view s);

// ---- organisations ---------------------------------------------------------------------

struct Organization {
    OrganizationId id;
    std::string code;  ///< short acronym, e.g. "MDSI"
    std::string name;
    std::string time_zone = "America/Lima";
};

/// A node of an organisation's tree; a desk (mesa de partes) receives and sends formally.
struct Unit {
    UnitId id;
    OrganizationId organization_id;
    std::optional<UnitId> parent_id;
    std::string code;
    std::string name;
    bool is_desk = false;
    bool active = true;
};

struct User {
    UserId id;
    std::string username;
    std::string name;
    std::string email;
    Profile profile = Profile::kViewer;
    std::optional<UnitId> unit_id;  ///< none only for ADMIN
    bool active = true;
    /// PRODUCT.md: a user sees what is or was in their unit's custody, "and in the units
    /// below it, where configured": this is that configuration.
    bool sees_subunits = false;
    Timestamp created_at;
};

enum class Origin { kExternal, kInternal };
std::string_view ToString(Origin o);
std::optional<Origin> ParseOrigin(std::string_view s);

struct DossierType {
    DossierTypeId id;
    OrganizationId organization_id;
    std::string code;
    std::string name;
    Origin origin = Origin::kExternal;
    bool active = true;
};

// ---- dossiers --------------------------------------------------------------------------

/// PRODUCT.md §1: registered, in process, observed, resolved, archived, annulled.
enum class DossierState { kRegistered, kInProcess, kObserved, kResolved, kArchived, kAnnulled };
std::string_view ToString(DossierState s);
std::optional<DossierState> ParseDossierState(std::string_view s);

enum class Priority { kNormal, kUrgent };
std::string_view ToString(Priority p);
std::optional<Priority> ParsePriority(std::string_view s);

/// What the receiving unit may do with the dossier once it holds it.
enum class Permission { kRead, kWrite };
std::string_view ToString(Permission p);
std::optional<Permission> ParsePermission(std::string_view s);

enum class IdType { kDni, kRuc, kCe, kPassport };
std::string_view ToString(IdType t);
std::optional<IdType> ParseIdType(std::string_view s);

/// The person or company that filed an external dossier (administrado).
struct Applicant {
    std::string name;
    IdType id_type = IdType::kDni;
    std::string id_number;
    std::string email;
    std::string phone;
    std::string address;
    /// Agreed to be told of every movement by e-mail (needs `email`).
    bool consent = false;

    bool operator==(const Applicant&) const = default;
};

struct Dossier {
    DossierId id;
    OrganizationId organization_id;
    std::string code;  ///< number[-letters]-year, e.g. "1367-GSC-2026"
    std::int64_t number = 0;
    std::string letters;
    int year = 0;
    DossierTypeId type_id;
    std::string summary;  ///< extracto
    Origin origin = Origin::kExternal;
    bool reserved = false;
    Priority priority = Priority::kNormal;
    std::string instrument_number;
    int folios = 0;   ///< running total: each reception adds the transfer's folios
    int volumes = 0;  ///< running total, as folios
    std::optional<std::int64_t> procedure_id;
    std::optional<Applicant> applicant;

    DossierState state = DossierState::kRegistered;
    std::optional<DossierState> state_before_archive;
    UnitId registered_unit_id;  ///< the unit whose clerk registered it
    UnitId desk_unit_id;        ///< the desk in whose name (an office registers for its desk)
    UnitId custody_unit_id;     ///< who has it now
    Permission custody_permission = Permission::kWrite;
    Timestamp custody_since;
    std::optional<TransferId> pending_transfer_id;  ///< set while in transit

    UserId created_by;
    Timestamp created_at;
    Timestamp updated_at;
    std::string tracking_token;  ///< random, 128 bits; the QR points to /t/{token}
    std::string pin;             ///< 6 digits for tracking by code + PIN

    std::optional<Timestamp> annulment_requested_at;
    std::optional<UserId> annulment_requested_by;
    std::string annulment_request_reason;
    std::optional<Timestamp> annulled_at;
    std::optional<UserId> annulled_by;
    std::string annulment_reason;

    bool InTransit() const { return pending_transfer_id.has_value(); }
};

// ---- transfers -------------------------------------------------------------------------

/// What the receiver is asked to do (proveído).
enum class TransferAction {
    kAttend,     ///< para atención
    kOpinion,    ///< para opinión
    kSign,       ///< para firma
    kArchive,    ///< para archivo
    kKnowledge,  ///< para conocimiento
    kReport,     ///< para informe
    kReview,     ///< para revisión
    kNotify,     ///< para notificación
};
std::string_view ToString(TransferAction a);
std::optional<TransferAction> ParseTransferAction(std::string_view s);

enum class TransferState { kPending, kReceived, kReverted };
std::string_view ToString(TransferState s);

struct Transfer {
    TransferId id;
    DossierId dossier_id;
    UnitId from_unit_id;
    UnitId to_unit_id;
    TransferAction action = TransferAction::kAttend;
    Permission permission = Permission::kWrite;
    /// The permission the sending unit held; a revert after reception gives it back.
    Permission from_permission = Permission::kWrite;
    int folios_added = 0;
    int volumes_added = 0;
    std::string notes;
    TransferState state = TransferState::kPending;
    Timestamp sent_at;
    UserId sent_by;
    std::optional<Timestamp> received_at;
    std::optional<UserId> received_by;
    std::optional<Timestamp> reverted_at;
    std::optional<UserId> reverted_by;
    std::string revert_reason;
    std::optional<DeliveryNoteId> delivery_note_id;
};

/// Remito: one printable list of several transfers to the same unit.
struct DeliveryNote {
    DeliveryNoteId id;
    std::string code;  ///< number-year per sending unit, e.g. "R-12-2026"
    UnitId from_unit_id;
    UnitId to_unit_id;
    UserId created_by;
    Timestamp created_at;
    std::vector<TransferId> transfer_ids;
};

// ---- attachments and annotations -------------------------------------------------------

struct Attachment {
    AttachmentId id;
    DossierId dossier_id;
    std::string name;
    std::string content_type;  ///< sniffed from the content, not taken from the client
    std::int64_t size = 0;
    std::string sha256;
    int version = 1;  ///< uploads with the same name on the same dossier are new versions
    UserId uploaded_by;
    Timestamp created_at;
};

struct Annotation {
    AnnotationId id;
    DossierId dossier_id;
    std::string text;
    UserId author_id;
    std::string author_name;
    UnitId unit_id;
    Timestamp created_at;
    std::optional<Timestamp> removed_at;
    std::optional<UserId> removed_by;
};

}  // namespace sige::domain

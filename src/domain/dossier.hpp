#pragma once

// Rules of a dossier's own data and life cycle: what a registration or an edit must hold,
// how the code is written, and which states allow which change. Pure: time comes in as an
// argument and nothing is persisted here.

#include <optional>
#include <string>

#include "core/result.hpp"
#include "domain/model.hpp"

namespace sige::domain {

inline constexpr int kMinSummaryLength = 3;
inline constexpr int kMaxSummaryLength = 500;
inline constexpr int kMaxLettersLength = 10;
inline constexpr int kMaxInstrumentLength = 50;
inline constexpr int kMaxFolios = 1'000'000;
inline constexpr int kMaxVolumes = 1'000;
inline constexpr int kMaxReasonLength = 1'000;

/// The data a clerk types when registering or editing; absent fields are not given.
/// For an edit, only what is present changes.
struct DossierInput {
    std::optional<DossierTypeId> type_id;
    std::optional<std::string> summary;
    std::optional<Origin> origin;
    std::optional<bool> reserved;
    std::optional<Priority> priority;
    std::optional<std::string> letters;
    std::optional<std::string> instrument_number;
    std::optional<int> folios;
    std::optional<int> volumes;
    std::optional<std::int64_t> procedure_id;
    std::optional<Applicant> applicant;
};

/// Trims texts, upper-cases letters and document numbers. Call before validating.
void Normalize(DossierInput& input);

/// Every problem of a registration at once (field names as in the API): type and summary
/// and origin required; applicant required for external dossiers, with a valid identity
/// document; lengths and ranges of the rest.
Validation ValidateRegistration(const DossierInput& input);

/// Every problem of an edit of `current`: the origin and the letters of the code are
/// fixed once registered; an external dossier keeps an applicant.
Validation ValidateEdit(const DossierInput& input, const Dossier& current);

/// "1367-GSC-2026", or "1367-2026" without letters (SIGEXP: number, letters, year).
std::string FormatDossierCode(std::int64_t number, const std::string& letters, int year);

/// A new dossier from a validated registration at `unit`, in the name of `desk`. The caller
/// assigns id, number and code, tracking token and PIN. State registered; custody with
/// WRITE at `unit`.
Dossier NewDossier(const DossierInput& input,
                   OrganizationId organization,
                   UnitId unit,
                   UnitId desk,
                   UserId creator,
                   Timestamp now);

/// Copies the present fields of a validated edit onto `dossier`.
void ApplyEdit(Dossier& dossier, const DossierInput& input, Timestamp now);

/// kConflict unless `dossier` may change now: not annulled, not archived, not in transit.
Status CheckChangeable(const Dossier& dossier);

/// Archives: kConflict when annulled, already archived or in transit.
Status Archive(Dossier& dossier, Timestamp now);
/// The procedure concluded ("resuelto"): kConflict when annulled, archived, in transit or
/// already resolved.
Status Resolve(Dossier& dossier, Timestamp now);
/// Reopens an archived dossier in the state it had before; kConflict when not archived.
Status Unarchive(Dossier& dossier, Timestamp now);
/// Records a request to annul (with its reason); kConflict when annulled or already asked.
Status RequestAnnulment(Dossier& dossier, UserId by, const std::string& reason, Timestamp now);
/// PRODUCT.md: annulment is the only way a dossier leaves the system; nothing is deleted.
/// kConflict when already annulled or in transit. Without a reason, the request's is kept.
Status Annul(Dossier& dossier, UserId by, const std::string& reason, Timestamp now);

/// Problem with a free-text reason (annulment, revert): optional, at most kMaxReasonLength.
std::optional<FieldError> ReasonProblem(const std::string& reason, const std::string& field);

}  // namespace sige::domain

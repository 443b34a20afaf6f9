#pragma once

// The virtual desk (mesa de partes virtual): what a citizen files online, and the desk's
// answer. A submission is a draft while its files upload; submitting makes it exist for the
// desk, whole. The desk accepts it (a dossier is born), observes it (the citizen corrects
// and submits again) or rejects it. Pure: no storage, no clock reads.

#include <optional>
#include <string>

#include "core/result.hpp"
#include "domain/model.hpp"

namespace sige::domain {

enum class SubmissionState { kDraft, kSubmitted, kObserved, kRejected, kAccepted };
std::string_view ToString(SubmissionState s);
std::optional<SubmissionState> ParseSubmissionState(std::string_view s);

inline constexpr int kMaxSubmissionFiles = 10;
inline constexpr std::int64_t kMaxSubmissionFileBytes = 10LL * 1024 * 1024;
inline constexpr std::int64_t kMaxSubmissionTotalBytes = 30LL * 1024 * 1024;

struct Submission {
    std::int64_t id = 0;
    OrganizationId organization_id;
    DossierTypeId type_id;
    std::optional<std::int64_t> procedure_id;
    std::string summary;
    Applicant applicant;
    SubmissionState state = SubmissionState::kDraft;
    std::string number;  ///< "MV-12-2026", from submission on
    std::string upload_token_hash;
    std::string tracking_token;
    std::string client;
    Timestamp created_at;
    std::optional<Timestamp> submitted_at;
    std::optional<Timestamp> decided_at;
    std::optional<UserId> decided_by;
    std::string observation;
    std::optional<Timestamp> correction_deadline;
    std::string rejection_reason;
    std::optional<DossierId> dossier_id;
};

struct SubmissionFile {
    std::int64_t id = 0;
    std::int64_t submission_id = 0;
    std::string name;
    std::string content_type;
    std::int64_t size = 0;
    std::string sha256;
    Timestamp created_at;
};

/// What the citizen types in step 1 (API.md): applicant, type, summary, consent.
struct SubmissionInput {
    std::optional<Applicant> applicant;
    std::optional<DossierTypeId> type_id;
    std::optional<std::int64_t> procedure_id;
    std::optional<std::string> summary;
};

/// Every problem at once: an applicant with a valid identity document and an e-mail (the
/// acknowledgement goes there), a type, a summary.
Validation ValidateSubmission(SubmissionInput& input);

/// PRODUCT.md §6: the citizen files PDFs and images only, judged by their content.
bool IsAcceptedSubmissionFile(const std::string& sniffed_type);

/// kConflict unless the citizen's form may add files: only while a draft (step 2).
Status CheckCanAddFiles(const Submission& s);
/// kConflict unless the citizen may correct it now: observed, and the deadline not passed.
Status CheckCanCorrect(const Submission& s, Timestamp now);
/// A draft (or an observed submission, corrected) goes to the desk. kConflict otherwise.
Status Submit(Submission& s, Timestamp now);
/// The desk asks for a correction before `deadline`. kConflict unless submitted;
/// kInvalidInput for an empty reason or a deadline in the past.
Status Observe(
    Submission& s, const std::string& reason, Timestamp deadline, UserId by, Timestamp now);
/// The desk refuses it, with a reason. kConflict unless submitted or observed.
Status Reject(Submission& s, const std::string& reason, UserId by, Timestamp now);
/// The desk accepts it: a dossier was registered. kConflict unless submitted.
Status Accept(Submission& s, DossierId dossier, UserId by, Timestamp now);

}  // namespace sige::domain

#include "domain/submission.hpp"

#include <array>

#include "core/text.hpp"
#include "domain/dossier.hpp"

namespace sige::domain {

namespace {

constexpr std::array<std::pair<SubmissionState, std::string_view>, 5> kStates{{
    {SubmissionState::kDraft, "draft"},
    {SubmissionState::kSubmitted, "submitted"},
    {SubmissionState::kObserved, "observed"},
    {SubmissionState::kRejected, "rejected"},
    {SubmissionState::kAccepted, "accepted"},
}};

Status Reason(const std::string& reason) {
    if (text::Trim(reason).empty()) {
        return Error::Field("reason", "field.required");
    }
    if (auto problem = ReasonProblem(reason, "reason")) {
        return Error::Field(problem->field, problem->message_key, problem->args);
    }
    return Ok();
}

}  // namespace

std::string_view ToString(SubmissionState s) {
    for (const auto& [state, name] : kStates) {
        if (state == s) {
            return name;
        }
    }
    return {};
}

std::optional<SubmissionState> ParseSubmissionState(std::string_view s) {
    for (const auto& [state, name] : kStates) {
        if (name == s) {
            return state;
        }
    }
    return std::nullopt;
}

Validation ValidateSubmission(SubmissionInput& in) {
    // The dossier rules check the applicant and the summary the same way as at the desk.
    DossierInput as_dossier;
    as_dossier.type_id = in.type_id;
    as_dossier.summary = in.summary;
    as_dossier.origin = Origin::kExternal;
    as_dossier.applicant = in.applicant;
    Normalize(as_dossier);
    in.summary = as_dossier.summary;
    in.applicant = as_dossier.applicant;
    Validation v = ValidateRegistration(as_dossier);
    if (in.applicant && in.applicant->email.empty()) {
        Validation with_email;
        with_email.Add("applicant.email", "submission.email_required");
        if (!v.ok()) {
            for (const auto& f : v.ToError().fields) {
                with_email.Add(f.field, f.message_key, f.args);
            }
        }
        return with_email;
    }
    return v;
}

bool IsAcceptedSubmissionFile(const std::string& type) {
    return type == "application/pdf" || type == "image/jpeg" || type == "image/png";
}

Status CheckCanAddFiles(const Submission& s) {
    if (s.state == SubmissionState::kDraft) {
        return Ok();
    }
    return Error(ErrorCode::kConflict, "submission.closed");
}

Status CheckCanCorrect(const Submission& s, Timestamp now) {
    if (s.state != SubmissionState::kObserved) {
        return Error(ErrorCode::kConflict, "submission.closed");
    }
    if (s.correction_deadline && now > *s.correction_deadline) {
        return Error(ErrorCode::kConflict, "submission.deadline_passed");
    }
    return Ok();
}

Status Submit(Submission& s, Timestamp now) {
    if (s.state != SubmissionState::kDraft && s.state != SubmissionState::kObserved) {
        return Error(ErrorCode::kConflict, "submission.closed");
    }
    s.state = SubmissionState::kSubmitted;
    s.submitted_at = now;
    return Ok();
}

Status Observe(
    Submission& s, const std::string& reason, Timestamp deadline, UserId by, Timestamp now) {
    SIGE_TRY(Reason(reason));
    if (deadline <= now) {
        return Error::Field("deadline", "submission.deadline_past");
    }
    if (s.state != SubmissionState::kSubmitted) {
        return Error(ErrorCode::kConflict, "submission.not_waiting");
    }
    s.state = SubmissionState::kObserved;
    s.observation = text::Trim(reason);
    s.correction_deadline = deadline;
    s.decided_at = now;
    s.decided_by = by;
    return Ok();
}

Status Reject(Submission& s, const std::string& reason, UserId by, Timestamp now) {
    SIGE_TRY(Reason(reason));
    if (s.state != SubmissionState::kSubmitted && s.state != SubmissionState::kObserved) {
        return Error(ErrorCode::kConflict, "submission.not_waiting");
    }
    s.state = SubmissionState::kRejected;
    s.rejection_reason = text::Trim(reason);
    s.decided_at = now;
    s.decided_by = by;
    return Ok();
}

Status Accept(Submission& s, DossierId dossier, UserId by, Timestamp now) {
    if (s.state != SubmissionState::kSubmitted) {
        return Error(ErrorCode::kConflict, "submission.not_waiting");
    }
    s.state = SubmissionState::kAccepted;
    s.dossier_id = dossier;
    s.decided_at = now;
    s.decided_by = by;
    return Ok();
}

}  // namespace sige::domain

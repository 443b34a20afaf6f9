#pragma once

// The virtual desk (PRODUCT.md §6): a citizen files online without an account, in three
// steps (draft, uploads, submit); the desk of the organisation accepts (a dossier is born
// and keeps the citizen's tracking link), observes (the citizen corrects through the link)
// or rejects. Every step is in the audit record; the citizen is told each by e-mail.

#include <filesystem>
#include <string>
#include <vector>

#include "app/documents.hpp"
#include "app/env.hpp"
#include "app/views.hpp"
#include "core/result.hpp"
#include "domain/submission.hpp"
#include "storage/blob_store.hpp"

namespace sige::app {

struct DraftCreated {
    std::int64_t id = 0;
    std::string upload_token;  ///< proves the uploads and the submit come from the same form
};

struct SubmissionReceipt {
    std::string number;
    std::string tracking_token;
    std::string tracking_url;
};

struct SubmissionView {
    domain::Submission submission;
    std::string organization_name;
    std::string type_name;
    std::vector<domain::SubmissionFile> files;
};

struct AcceptResult {
    DossierId dossier_id;
    std::string code;
    std::string pin;
    std::string tracking_token;
};

class VirtualDesk {
public:
    explicit VirtualDesk(Env& env) : env_(env) {}

    // ---- the citizen ---------------------------------------------------------------------

    /// Step 1: a draft from the form. kInvalidInput naming each field; kThrottled past 20
    /// drafts per client address and hour.
    Result<DraftCreated> CreateDraft(const std::string& client, domain::SubmissionInput input);
    /// Before an upload's bytes are read: the token matches, the draft takes files, the name
    /// is acceptable, the declared size fits. kNotFound, kForbidden, kConflict, kTooLarge.
    Status CheckUpload(std::int64_t id,
                       const std::string& upload_token,
                       const std::string& name,
                       std::optional<std::int64_t> declared_size);
    /// Step 2: records an uploaded file (PDF or image, judged by its content).
    Result<domain::SubmissionFile> FinishUpload(std::int64_t id,
                                                const std::string& upload_token,
                                                const std::string& name,
                                                storage::BlobStore::Writer& blob);
    /// Step 3: the submission exists for the desk, whole: its number, the tracking link and
    /// an e-mailed acknowledgement.
    Result<SubmissionReceipt> Submit(std::int64_t id,
                                     const std::string& upload_token,
                                     const std::string& client);

    /// Corrections of an observed submission, authorised by its tracking token.
    Status CheckCorrection(const std::string& tracking_token,
                           const std::string& name,
                           std::optional<std::int64_t> declared_size);
    Result<domain::SubmissionFile> FinishCorrection(const std::string& tracking_token,
                                                    const std::string& name,
                                                    storage::BlobStore::Writer& blob);
    /// The corrected submission goes back to the desk's tray.
    Result<SubmissionReceipt> Resubmit(const std::string& tracking_token,
                                       const std::string& client);

    // ---- the desk ------------------------------------------------------------------------

    /// Submissions waiting (or in `state`) at the caller's organisation (ADMIN: `organization`
    /// or all), oldest first.
    Result<Page<SubmissionView>> List(const Caller& caller,
                                      std::optional<OrganizationId> organization,
                                      std::optional<domain::SubmissionState> state,
                                      int page,
                                      int per_page);
    Result<SubmissionView> Get(const Caller& caller, std::int64_t id);
    /// Registers the dossier (code, PIN; the tracking token stays the citizen's), copies the
    /// files as its attachments, e-mails the receipt.
    Result<AcceptResult> Accept(const Caller& caller, std::int64_t id);
    /// Asks for a correction before the end of `deadline_day` ("YYYY-MM-DD", local day).
    Result<SubmissionView> Observe(const Caller& caller,
                                   std::int64_t id,
                                   const std::string& reason,
                                   const std::string& deadline_day);
    Result<SubmissionView> Reject(const Caller& caller, std::int64_t id, const std::string& reason);
    /// A submitted file, for the desk to look at before deciding.
    Result<AttachmentContent> OpenFile(const Caller& caller, std::int64_t id, std::int64_t file);

    /// Removes drafts never submitted, older than `age` (they are not records); returns how
    /// many. Run at start and then hourly.
    int PurgeDrafts(std::chrono::seconds age);

private:
    Env& env_;
};

}  // namespace sige::app

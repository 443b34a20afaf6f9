#include "app/virtual_desk.hpp"

#include "app/audit_trail.hpp"
#include "app/common.hpp"
#include "app/mail.hpp"
#include "app/printouts.hpp"
#include "core/crypto.hpp"
#include "domain/access_policy.hpp"
#include "domain/dossier.hpp"
#include "storage/catalog_store.hpp"
#include "storage/document_store.hpp"
#include "storage/dossier_store.hpp"
#include "storage/submission_store.hpp"

namespace sige::app {

using domain::Submission;
using domain::SubmissionState;

namespace {

constexpr int kDraftsPerClientHour = 20;

/// The citizen, as the audit record names them.
Caller Citizen(const std::string& client) {
    Caller c;
    c.actor.user.username = "ciudadano";
    c.client = client;
    return c;
}

std::string Megabytes(std::int64_t bytes) {
    return std::to_string(bytes / (1024 * 1024));
}

Error TooLarge(const char* key, std::int64_t bytes) {
    Error e = Error::Field("body", key, {Megabytes(bytes)});
    e.code = ErrorCode::kTooLarge;
    return e;
}

/// The submission behind an upload token: kNotFound when it does not exist (or is a draft
/// purged), kForbidden when the token does not match.
Result<Submission> WithToken(storage::Transaction& tx,
                             std::int64_t id,
                             const std::string& token,
                             bool for_update) {
    storage::Submissions submissions(tx);
    auto s = for_update ? submissions.FindForUpdate(id) : submissions.Find(id);
    if (!s) {
        return Error(ErrorCode::kNotFound, "submission.not_found");
    }
    if (token.empty() ||
        !crypto::ConstantTimeEquals(crypto::Sha256Hex(token), s->upload_token_hash)) {
        return Error(ErrorCode::kForbidden, "submission.upload_token");
    }
    return std::move(*s);
}

/// The submission behind a tracking token, for corrections.
Result<Submission> WithTrackingToken(storage::Transaction& tx, const std::string& token) {
    auto s = storage::Submissions(tx).FindByTrackingToken(token);
    if (!s || s->state == SubmissionState::kDraft) {
        return Error(ErrorCode::kNotFound, "submission.not_found");
    }
    return std::move(*s);
}

/// Whether one more file of `size` bytes fits (count, per-file and total limits).
Status CheckFileFits(storage::Transaction& tx,
                     const Submission& s,
                     std::optional<std::int64_t> size) {
    auto files = storage::Submissions(tx).Files(s.id);
    if (int(files.size()) >= domain::kMaxSubmissionFiles) {
        return Error::Field("body", "submission.too_many_files",
                            {std::to_string(domain::kMaxSubmissionFiles)});
    }
    if (!size) {
        return Ok();
    }
    if (*size > domain::kMaxSubmissionFileBytes) {
        return TooLarge("submission.file_too_large", domain::kMaxSubmissionFileBytes);
    }
    std::int64_t total = *size;
    for (const auto& f : files) {
        total += f.size;
    }
    if (total > domain::kMaxSubmissionTotalBytes) {
        return TooLarge("submission.total_too_large", domain::kMaxSubmissionTotalBytes);
    }
    return Ok();
}

/// Whether the citizen may add a file now: a draft through its form, or an observed
/// submission through its tracking link before the deadline.
Status CheckState(const Submission& s, bool correction, Timestamp now) {
    return correction ? domain::CheckCanCorrect(s, now) : domain::CheckCanAddFiles(s);
}

/// Stores an uploaded file of a submission after checking its real type and size.
Result<domain::SubmissionFile> AddFile(Env& env,
                                       storage::Transaction& tx,
                                       const Submission& s,
                                       bool correction,
                                       const std::string& name,
                                       storage::BlobStore::Writer& blob,
                                       const Caller& citizen) {
    SIGE_TRY(CheckState(s, correction, env.clock.Now()));
    SIGE_TRY(CheckAttachmentName(name));
    if (blob.size() == 0) {
        return Error::Field("body", "attachment.empty");
    }
    SIGE_TRY(CheckFileFits(tx, s, blob.size()));
    const std::string type = storage::SniffContentType(blob.temp_path());
    if (!domain::IsAcceptedSubmissionFile(type)) {
        return Error::Field("body", "submission.file_type");
    }
    const storage::BlobInfo info = blob.Commit();
    domain::SubmissionFile f{0, s.id, name, type, info.size, info.sha256, env.clock.Now()};
    f.id = storage::Submissions(tx).AddFile(f);
    AuditTrail trail(citizen, f.created_at);
    JsonObject after;
    after.Add("name", name)
        .Add("content_type", type)
        .Add("size", info.size)
        .Add("sha256", info.sha256);
    trail.Add("submission.file_added", "submission", s.id, s.dossier_id, {}, after);
    trail.CommitWith(tx);
    return f;
}

SubmissionView MakeView(storage::Transaction& tx, Names& names, const Submission& s) {
    SubmissionView v{s, names.Organization(s.organization_id), names.Type(s.type_id), {}};
    v.files = storage::Submissions(tx).Files(s.id);
    return v;
}

/// The notice about a submission (always sent: the citizen gave the address for this).
notify::Notice SubmissionNotice(storage::Transaction& tx,
                                Names& names,
                                const Env& env,
                                const Submission& s) {
    notify::Notice n = BaseNotice(tx, names, env, s.organization_id, s.applicant, s.tracking_token);
    n.number = s.number;
    n.summary = s.summary;
    return n;
}

/// The desk's part: the submission, checked against the caller's right to handle it.
Result<Submission> ForDesk(storage::Transaction& tx,
                           const Caller& caller,
                           std::int64_t id,
                           bool for_update) {
    storage::Submissions submissions(tx);
    auto s = for_update ? submissions.FindForUpdate(id) : submissions.Find(id);
    if (!s || s->state == SubmissionState::kDraft) {
        return Error(ErrorCode::kNotFound, "submission.not_found");
    }
    SIGE_TRY(domain::CanHandleSubmissions(caller.actor,
                                          storage::Units(tx).MainDesk(s->organization_id)));
    return std::move(*s);
}

}  // namespace

Result<DraftCreated> VirtualDesk::CreateDraft(const std::string& client,
                                              domain::SubmissionInput input) {
    SIGE_TRY(domain::ValidateSubmission(input).ToStatus());
    const Timestamp now = env_.clock.Now();
    auto tx = env_.db.BeginWrite();
    storage::Submissions submissions(*tx);
    if (submissions.CountCreatedBy(client, now - std::chrono::hours(1)) >= kDraftsPerClientHour) {
        Error e(ErrorCode::kThrottled, "auth.throttled");
        e.retry_after_seconds = 3600;
        return e;
    }
    auto type = storage::DossierTypes(*tx).Find(*input.type_id);
    if (!type || !type->active || type->origin != domain::Origin::kExternal) {
        return Error::Field("type_id", "dossier.type_unknown");
    }
    if (input.procedure_id) {
        return Error::Field("procedure_id", "dossier.procedure_unknown");
    }
    DraftCreated out;
    out.upload_token = crypto::RandomToken(24);
    Submission s;
    s.organization_id = type->organization_id;
    s.type_id = type->id;
    s.summary = *input.summary;
    s.applicant = *input.applicant;
    s.state = SubmissionState::kDraft;
    s.upload_token_hash = crypto::Sha256Hex(out.upload_token);
    s.tracking_token = crypto::RandomToken(16);
    s.client = client;
    s.created_at = now;
    out.id = submissions.Insert(s);
    // Drafts are not audited: until submitted, nothing has reached the desk.
    tx->Commit();
    return out;
}

Status VirtualDesk::CheckUpload(std::int64_t id,
                                const std::string& upload_token,
                                const std::string& name,
                                std::optional<std::int64_t> size) {
    auto tx = env_.db.BeginRead();
    auto s = WithToken(*tx, id, upload_token, false);
    if (!s) {
        return s.error();
    }
    SIGE_TRY(CheckAttachmentName(name));
    SIGE_TRY(CheckState(*s, /*correction=*/false, env_.clock.Now()));
    return CheckFileFits(*tx, *s, size);
}

Result<domain::SubmissionFile> VirtualDesk::FinishUpload(std::int64_t id,
                                                         const std::string& upload_token,
                                                         const std::string& name,
                                                         storage::BlobStore::Writer& blob) {
    auto tx = env_.db.BeginWrite();
    auto s = WithToken(*tx, id, upload_token, true);
    if (!s) {
        return s.error();
    }
    return AddFile(env_, *tx, *s, /*correction=*/false, name, blob, Citizen(s->client));
}

Result<SubmissionReceipt> VirtualDesk::Submit(std::int64_t id,
                                              const std::string& upload_token,
                                              const std::string& client) {
    auto tx = env_.db.BeginWrite();
    auto s = WithToken(*tx, id, upload_token, true);
    if (!s) {
        return s.error();
    }
    if (s->state != SubmissionState::kDraft) {
        return Error(ErrorCode::kConflict, "submission.closed");
    }
    const Timestamp now = env_.clock.Now();
    SIGE_TRY(domain::Submit(*s, now));
    const int year = ZoneOf(*tx, s->organization_id, env_.zone).Year(now);
    storage::Submissions submissions(*tx);
    s->number = "MV-" + std::to_string(submissions.NextNumber(s->organization_id, year)) + "-" +
                std::to_string(year);
    submissions.Update(*s);
    Names names(*tx);
    QueueEmail(*tx, env_, notify::SubmissionReceivedEmail(SubmissionNotice(*tx, names, env_, *s)),
               "submission.submitted", std::nullopt, nullptr);
    AuditTrail trail(Citizen(client), now);
    JsonObject after;
    after.Add("number", s->number)
        .Add("summary", s->summary)
        .Add("type_id", s->type_id.value)
        .Add("applicant", s->applicant.name)
        .Add("files", std::int64_t(submissions.Files(s->id).size()));
    trail.Add("submission.submitted", "submission", s->id, std::nullopt, {}, after);
    trail.CommitWith(*tx);
    WakeMailSender(env_, true);
    return SubmissionReceipt{s->number, s->tracking_token,
                             env_.public_url + "/t/" + s->tracking_token};
}

Status VirtualDesk::CheckCorrection(const std::string& token,
                                    const std::string& name,
                                    std::optional<std::int64_t> size) {
    auto tx = env_.db.BeginRead();
    auto s = WithTrackingToken(*tx, token);
    if (!s) {
        return s.error();
    }
    SIGE_TRY(CheckAttachmentName(name));
    SIGE_TRY(CheckState(*s, /*correction=*/true, env_.clock.Now()));
    return CheckFileFits(*tx, *s, size);
}

Result<domain::SubmissionFile> VirtualDesk::FinishCorrection(const std::string& token,
                                                             const std::string& name,
                                                             storage::BlobStore::Writer& blob) {
    auto tx = env_.db.BeginWrite();
    auto s = WithTrackingToken(*tx, token);
    if (!s) {
        return s.error();
    }
    return AddFile(env_, *tx, *s, /*correction=*/true, name, blob, Citizen(s->client));
}

Result<SubmissionReceipt> VirtualDesk::Resubmit(const std::string& token,
                                                const std::string& client) {
    auto tx = env_.db.BeginWrite();
    auto found = WithTrackingToken(*tx, token);
    if (!found) {
        return found.error();
    }
    auto s = storage::Submissions(*tx).FindForUpdate(found->id);
    const Timestamp now = env_.clock.Now();
    SIGE_TRY(domain::CheckCanCorrect(*s, now));
    SIGE_TRY(domain::Submit(*s, now));
    storage::Submissions(*tx).Update(*s);
    AuditTrail trail(Citizen(client), now);
    JsonObject after;
    after.Add("state", "submitted");
    trail.Add("submission.corrected", "submission", s->id, std::nullopt, {}, after);
    trail.CommitWith(*tx);
    return SubmissionReceipt{s->number, s->tracking_token,
                             env_.public_url + "/t/" + s->tracking_token};
}

Result<Page<SubmissionView>> VirtualDesk::List(const Caller& caller,
                                               std::optional<OrganizationId> organization,
                                               std::optional<SubmissionState> state,
                                               int page,
                                               int per_page) {
    auto tx = env_.db.BeginRead();
    if (!caller.actor.IsAdmin()) {
        // Everyone else sees the tray of their own organisation, if they work at its main desk.
        if (!caller.actor.user.unit_id) {
            return Error(ErrorCode::kForbidden, "access.no_unit");
        }
        auto unit = storage::Units(*tx).Find(*caller.actor.user.unit_id);
        if (!unit || (organization && *organization != unit->organization_id)) {
            return Error(ErrorCode::kForbidden, "access.other_unit");
        }
        organization = unit->organization_id;
        SIGE_TRY(domain::CanHandleSubmissions(caller.actor,
                                              storage::Units(*tx).MainDesk(*organization)));
    }
    storage::Submissions submissions(*tx);
    Page<SubmissionView> out;
    out.total = submissions.Count(organization, state);
    Names names(*tx);
    for (const auto& s : submissions.List(organization, state, per_page, (page - 1) * per_page)) {
        out.items.push_back(MakeView(*tx, names, s));
    }
    return out;
}

Result<SubmissionView> VirtualDesk::Get(const Caller& caller, std::int64_t id) {
    auto tx = env_.db.BeginRead();
    auto s = ForDesk(*tx, caller, id, false);
    if (!s) {
        return s.error();
    }
    Names names(*tx);
    return MakeView(*tx, names, *s);
}

Result<AcceptResult> VirtualDesk::Accept(const Caller& caller, std::int64_t id) {
    auto tx = env_.db.BeginWrite();
    auto s = ForDesk(*tx, caller, id, true);
    if (!s) {
        return s.error();
    }
    if (s->state != SubmissionState::kSubmitted) {
        return Error(ErrorCode::kConflict, "submission.not_waiting");
    }
    auto desk = storage::Units(*tx).MainDesk(s->organization_id);
    auto type = storage::DossierTypes(*tx).Find(s->type_id);
    if (!type || !type->active) {
        return Error::Field("type_id", "dossier.type_inactive");
    }
    const Timestamp now = env_.clock.Now();
    domain::DossierInput input;
    input.type_id = s->type_id;
    input.summary = s->summary;
    input.origin = domain::Origin::kExternal;
    input.applicant = s->applicant;
    input.folios = 0;
    input.volumes = 0;
    domain::Dossier d =
        domain::NewDossier(input, s->organization_id, *desk, *desk, caller.actor.user.id, now);
    d.year = ZoneOf(*tx, s->organization_id, env_.zone).Year(now);
    storage::Dossiers dossiers(*tx);
    d.number = dossiers.NextNumber(d.organization_id, d.year);
    d.code = domain::FormatDossierCode(d.number, d.letters, d.year);
    // The citizen's link keeps working: the dossier takes over the submission's token.
    d.tracking_token = s->tracking_token;
    d.pin = crypto::RandomDigits(6);
    d.id = dossiers.Insert(d);
    storage::Attachments attachments(*tx);
    for (const auto& f : storage::Submissions(*tx).Files(s->id)) {
        domain::Attachment a;
        a.dossier_id = d.id;
        a.name = f.name;
        a.content_type = f.content_type;
        a.size = f.size;
        a.sha256 = f.sha256;
        a.version = attachments.NextVersion(d.id, f.name);
        a.uploaded_by = caller.actor.user.id;
        a.created_at = now;
        attachments.Insert(a);
    }
    SIGE_TRY(domain::Accept(*s, d.id, caller.actor.user.id, now));
    storage::Submissions(*tx).Update(*s);

    Names names(*tx);
    notify::Notice n = SubmissionNotice(*tx, names, env_, *s);
    n.code = d.code;
    n.pin = d.pin;
    const Pdf receipt = ReceiptPdf(*tx, names, env_, d);
    QueueEmail(*tx, env_, notify::AcceptedEmail(n), "submission.accepted", d.id, &receipt);

    AuditTrail trail(caller, now);
    JsonObject accepted;
    accepted.Add("state", "accepted").Add("dossier_id", d.id.value).Add("code", d.code);
    trail.Add("submission.accepted", "submission", s->id, d.id, {}, accepted);
    trail.Add("dossier.registered", "dossier", d.id.value, d.id, {}, AuditSnapshot(d));
    trail.CommitWith(*tx);
    WakeMailSender(env_, true);
    return AcceptResult{d.id, d.code, d.pin, d.tracking_token};
}

Result<SubmissionView> VirtualDesk::Observe(const Caller& caller,
                                            std::int64_t id,
                                            const std::string& reason,
                                            const std::string& deadline_day) {
    auto tx = env_.db.BeginWrite();
    auto s = ForDesk(*tx, caller, id, true);
    if (!s) {
        return s.error();
    }
    const TimeZone zone = ZoneOf(*tx, s->organization_id, env_.zone);
    auto day = zone.StartOfDay(deadline_day);
    if (!day) {
        return Error::Field("deadline",
                            deadline_day.empty() ? "field.required" : "field.type_date");
    }
    const Timestamp deadline = *day + std::chrono::hours(24) - std::chrono::microseconds(1);
    const Timestamp now = env_.clock.Now();
    SIGE_TRY(domain::Observe(*s, reason, deadline, caller.actor.user.id, now));
    storage::Submissions(*tx).Update(*s);
    Names names(*tx);
    notify::Notice n = SubmissionNotice(*tx, names, env_, *s);
    n.reason = s->observation;
    n.deadline = zone.FormatHuman(deadline).substr(0, 10);
    QueueEmail(*tx, env_, notify::ObservedEmail(n), "submission.observed", std::nullopt, nullptr);
    AuditTrail trail(caller, now);
    JsonObject after;
    after.Add("state", "observed").Add("reason", s->observation).Add("deadline", n.deadline);
    trail.Add("submission.observed", "submission", s->id, std::nullopt, {}, after);
    auto view = MakeView(*tx, names, *s);
    trail.CommitWith(*tx);
    WakeMailSender(env_, true);
    return view;
}

Result<SubmissionView> VirtualDesk::Reject(const Caller& caller,
                                           std::int64_t id,
                                           const std::string& reason) {
    auto tx = env_.db.BeginWrite();
    auto s = ForDesk(*tx, caller, id, true);
    if (!s) {
        return s.error();
    }
    const Timestamp now = env_.clock.Now();
    SIGE_TRY(domain::Reject(*s, reason, caller.actor.user.id, now));
    storage::Submissions(*tx).Update(*s);
    Names names(*tx);
    notify::Notice n = SubmissionNotice(*tx, names, env_, *s);
    n.reason = s->rejection_reason;
    QueueEmail(*tx, env_, notify::RejectedEmail(n), "submission.rejected", std::nullopt, nullptr);
    AuditTrail trail(caller, now);
    JsonObject after;
    after.Add("state", "rejected").Add("reason", s->rejection_reason);
    trail.Add("submission.rejected", "submission", s->id, std::nullopt, {}, after);
    auto view = MakeView(*tx, names, *s);
    trail.CommitWith(*tx);
    WakeMailSender(env_, true);
    return view;
}

Result<AttachmentContent> VirtualDesk::OpenFile(const Caller& caller,
                                                std::int64_t id,
                                                std::int64_t file) {
    auto tx = env_.db.BeginRead();
    auto s = ForDesk(*tx, caller, id, false);
    if (!s) {
        return s.error();
    }
    for (const auto& f : storage::Submissions(*tx).Files(s->id)) {
        if (f.id == file) {
            domain::Attachment a;
            a.name = f.name;
            a.content_type = f.content_type;
            a.size = f.size;
            a.sha256 = f.sha256;
            a.created_at = f.created_at;
            return AttachmentContent{a, env_.blobs.PathOf(f.sha256)};
        }
    }
    return Error(ErrorCode::kNotFound, "attachment.not_found");
}

int VirtualDesk::PurgeDrafts(std::chrono::seconds age) {
    auto tx = env_.db.BeginWrite();
    int n = storage::Submissions(*tx).PurgeDrafts(env_.clock.Now() - age);
    tx->Commit();
    return n;
}

}  // namespace sige::app

#include "app/documents.hpp"

#include "app/audit_trail.hpp"
#include "app/common.hpp"
#include "core/text.hpp"
#include "domain/access_policy.hpp"
#include "domain/dossier.hpp"
#include "storage/document_store.hpp"

namespace sige::app {

namespace {

Status CheckUploadIn(storage::Transaction& tx,
                     const Caller& caller,
                     DossierId id,
                     const std::string& name) {
    auto d = LoadVisibleDossier(tx, caller, id);
    if (!d) {
        return d.error();
    }
    SIGE_TRY(domain::CanUpload(caller.actor, *d));
    SIGE_TRY(domain::CheckChangeable(*d));
    return CheckAttachmentName(name);
}

}  // namespace

Status CheckAttachmentName(const std::string& name) {
    if (name.empty()) {
        return Error::Field("name", "field.required");
    }
    if (!text::IsValidUtf8(name) || text::HasControlChars(name) ||
        name.find_first_of("/\\") != std::string::npos || name == "." || name == "..") {
        return Error::Field("name", "attachment.bad_name");
    }
    if (text::Utf8Length(name) > std::size_t(kMaxAttachmentNameLength)) {
        return Error::Field("name", "field.too_long", {std::to_string(kMaxAttachmentNameLength)});
    }
    return Ok();
}

Status Documents::CheckUpload(const Caller& caller, DossierId dossier, const std::string& name) {
    auto tx = env_.db.BeginRead();
    return CheckUploadIn(*tx, caller, dossier, name);
}

Result<domain::Attachment> Documents::FinishUpload(const Caller& caller,
                                                   DossierId dossier,
                                                   const std::string& name,
                                                   storage::BlobStore::Writer& blob) {
    const std::string content_type = storage::SniffContentType(blob.temp_path());
    // ARCHITECTURE.md: the blob is durable before the row that names it is committed.
    const storage::BlobInfo info = blob.Commit();

    auto tx = env_.db.BeginWrite();
    SIGE_TRY(CheckUploadIn(*tx, caller, dossier, name));
    storage::Attachments attachments(*tx);
    domain::Attachment a;
    a.dossier_id = dossier;
    a.name = name;
    a.content_type = content_type;
    a.size = info.size;
    a.sha256 = info.sha256;
    a.version = attachments.NextVersion(dossier, name);
    a.uploaded_by = caller.actor.user.id;
    a.created_at = env_.clock.Now();
    a.id = attachments.Insert(a);

    AuditTrail trail(caller, a.created_at);
    JsonObject after;
    after.Add("name", a.name)
        .Add("content_type", a.content_type)
        .Add("size", a.size)
        .Add("sha256", a.sha256)
        .Add("version", a.version);
    trail.Add("attachment.uploaded", "attachment", a.id.value, dossier, {}, after);
    trail.CommitWith(*tx);
    return a;
}

Result<std::vector<domain::Attachment>> Documents::ListAttachments(const Caller& caller,
                                                                   DossierId dossier) {
    auto tx = env_.db.BeginRead();
    auto d = LoadVisibleDossier(*tx, caller, dossier);
    if (!d) {
        return d.error();
    }
    return storage::Attachments(*tx).OfDossier(dossier);
}

Result<AttachmentContent> Documents::OpenAttachment(const Caller& caller, AttachmentId id) {
    auto tx = env_.db.BeginRead();
    auto a = storage::Attachments(*tx).Find(id);
    if (!a) {
        return Error(ErrorCode::kNotFound, "attachment.not_found");
    }
    auto d = LoadVisibleDossier(*tx, caller, a->dossier_id);
    if (!d) {
        return d.error();
    }
    auto path = env_.blobs.PathOf(a->sha256);
    env_.reads.Push(MakeEvent(caller, env_.clock.Now(), "attachment.read", "attachment", id.value,
                              a->dossier_id));
    return AttachmentContent{std::move(*a), std::move(path)};
}

Result<std::vector<domain::Annotation>> Documents::ListAnnotations(const Caller& caller,
                                                                   DossierId dossier) {
    auto tx = env_.db.BeginRead();
    auto d = LoadVisibleDossier(*tx, caller, dossier);
    if (!d) {
        return d.error();
    }
    return storage::Annotations(*tx).OfDossier(dossier, /*include_removed=*/false);
}

Result<domain::Annotation> Documents::Annotate(const Caller& caller,
                                               DossierId dossier,
                                               const std::string& raw_text) {
    const std::string text = text::Trim(raw_text);
    if (text.empty()) {
        return Error::Field("text", "field.required");
    }
    if (!text::IsValidUtf8(text) || text::HasControlChars(text, /*allow_newlines=*/true)) {
        return Error::Field("text", "field.bad_characters");
    }
    if (text::Utf8Length(text) > std::size_t(kMaxAnnotationLength)) {
        return Error::Field("text", "field.too_long", {std::to_string(kMaxAnnotationLength)});
    }
    auto tx = env_.db.BeginWrite();
    auto d = LoadVisibleDossier(*tx, caller, dossier);
    if (!d) {
        return d.error();
    }
    SIGE_TRY(domain::CanAnnotate(caller.actor, *d));
    if (d->state == domain::DossierState::kAnnulled) {
        return Error(ErrorCode::kConflict, "dossier.annulled");
    }
    domain::Annotation n;
    n.dossier_id = dossier;
    n.text = text;
    n.author_id = caller.actor.user.id;
    n.author_name = caller.actor.user.name;
    n.unit_id = caller.actor.user.unit_id.value_or(UnitId());
    n.created_at = env_.clock.Now();
    n.id = storage::Annotations(*tx).Insert(n);

    AuditTrail trail(caller, n.created_at);
    JsonObject after;
    after.Add("text", n.text);
    trail.Add("annotation.added", "annotation", n.id.value, dossier, {}, after);
    trail.CommitWith(*tx);
    return n;
}

Status Documents::RemoveAnnotation(const Caller& caller, AnnotationId id) {
    auto tx = env_.db.BeginWrite();
    storage::Annotations annotations(*tx);
    auto n = annotations.Find(id);
    if (!n || n->removed_at) {
        return Error(ErrorCode::kNotFound, "annotation.not_found");
    }
    auto d = LoadVisibleDossier(*tx, caller, n->dossier_id);
    if (!d) {
        return d.error();
    }
    SIGE_TRY(domain::CanRemoveAnnotation(caller.actor, *n));
    const Timestamp now = env_.clock.Now();
    annotations.MarkRemoved(id, caller.actor.user.id, now);
    AuditTrail trail(caller, now);
    JsonObject before;
    before.Add("text", n->text);
    trail.Add("annotation.removed", "annotation", id.value, n->dossier_id, before, {});
    trail.CommitWith(*tx);
    return Ok();
}

}  // namespace sige::app

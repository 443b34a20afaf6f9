#include "storage/document_store.hpp"

namespace sige::storage {

using domain::Annotation;
using domain::Attachment;

namespace {

constexpr std::string_view kAttachmentColumns =
    "id, dossier_id, name, content_type, size, sha256, version, uploaded_by, created_at";

Attachment ReadAttachment(const Row& r) {
    Attachment a;
    a.id = r.GetId<AttachmentId>(0);
    a.dossier_id = r.GetId<DossierId>(1);
    a.name = r.Text(2);
    a.content_type = r.Text(3);
    a.size = r.Int(4);
    a.sha256 = r.Text(5);
    a.version = int(r.Int(6));
    a.uploaded_by = r.GetId<UserId>(7);
    a.created_at = r.Time(8);
    return a;
}

constexpr std::string_view kAnnotationColumns =
    "n.id, n.dossier_id, n.text, n.author_id, u.name, n.unit_id, n.created_at, n.removed_at, "
    "n.removed_by";

Annotation ReadAnnotation(const Row& r) {
    Annotation n;
    n.id = r.GetId<AnnotationId>(0);
    n.dossier_id = r.GetId<DossierId>(1);
    n.text = r.Text(2);
    n.author_id = r.GetId<UserId>(3);
    n.author_name = r.Text(4);
    n.unit_id = r.OptId<UnitId>(5).value_or(UnitId());
    n.created_at = r.Time(6);
    n.removed_at = r.OptTime(7);
    n.removed_by = r.OptId<UserId>(8);
    return n;
}

}  // namespace

std::optional<Attachment> Attachments::Find(AttachmentId id) {
    auto r = tx_.QueryOne(
        "SELECT " + std::string(kAttachmentColumns) + " FROM attachment WHERE id = ?", {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadAttachment(*r);
}

std::vector<Attachment> Attachments::OfDossier(DossierId dossier) {
    std::vector<Attachment> out;
    for (const auto& r :
         tx_.Query("SELECT " + std::string(kAttachmentColumns) +
                       " FROM attachment WHERE dossier_id = ? ORDER BY name, version",
                   {dossier})) {
        out.push_back(ReadAttachment(r));
    }
    return out;
}

int Attachments::NextVersion(DossierId dossier, const std::string& name) {
    auto r = tx_.QueryOne(
        "SELECT COALESCE(MAX(version), 0) FROM attachment WHERE dossier_id = ? AND name = ?",
        {dossier, name});
    return int(r->Int(0)) + 1;
}

AttachmentId Attachments::Insert(const Attachment& a) {
    auto r = tx_.QueryOne(
        "INSERT INTO attachment (dossier_id, name, content_type, size, sha256, version, "
        "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {a.dossier_id, a.name, a.content_type, a.size, a.sha256, a.version, a.uploaded_by,
         a.created_at});
    return r->GetId<AttachmentId>(0);
}

std::vector<std::string> Attachments::AllHashes() {
    std::vector<std::string> out;
    for (const auto& r : tx_.Query("SELECT DISTINCT sha256 FROM attachment ORDER BY sha256")) {
        out.push_back(r.Text(0));
    }
    return out;
}

std::optional<Annotation> Annotations::Find(AnnotationId id) {
    auto r = tx_.QueryOne("SELECT " + std::string(kAnnotationColumns) +
                              " FROM annotation n JOIN app_user u ON u.id = n.author_id "
                              "WHERE n.id = ?",
                          {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadAnnotation(*r);
}

std::vector<Annotation> Annotations::OfDossier(DossierId dossier, bool include_removed) {
    std::vector<Annotation> out;
    for (const auto& r : tx_.Query("SELECT " + std::string(kAnnotationColumns) +
                                       " FROM annotation n JOIN app_user u ON u.id = n.author_id "
                                       "WHERE n.dossier_id = ? AND (? = 1 OR n.removed_at IS NULL) "
                                       "ORDER BY n.id",
                                   {dossier, include_removed})) {
        out.push_back(ReadAnnotation(r));
    }
    return out;
}

AnnotationId Annotations::Insert(const Annotation& n) {
    std::optional<UnitId> unit;
    if (n.unit_id) {
        unit = n.unit_id;
    }
    auto r = tx_.QueryOne(
        "INSERT INTO annotation (dossier_id, text, author_id, unit_id, created_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        {n.dossier_id, n.text, n.author_id, unit, n.created_at});
    return r->GetId<AnnotationId>(0);
}

void Annotations::MarkRemoved(AnnotationId id, UserId by, Timestamp at) {
    tx_.Execute("UPDATE annotation SET removed_at = ?, removed_by = ? WHERE id = ?", {at, by, id});
}

}  // namespace sige::storage

#pragma once

// Repositories of what is attached to a dossier: attachments (rows; the bytes live in the
// BlobStore) and annotations.

#include <optional>
#include <vector>

#include "domain/model.hpp"
#include "storage/database.hpp"

namespace sige::storage {

class Attachments {
public:
    explicit Attachments(Transaction& tx) : tx_(tx) {}

    std::optional<domain::Attachment> Find(AttachmentId id);
    /// Every version of every attachment of a dossier, by name then version.
    std::vector<domain::Attachment> OfDossier(DossierId dossier);
    /// The next version number for `name` on `dossier` (1 for a new name).
    int NextVersion(DossierId dossier, const std::string& name);
    AttachmentId Insert(const domain::Attachment& attachment);
    /// Every distinct content hash referenced (for backups and integrity checks).
    std::vector<std::string> AllHashes();

private:
    Transaction& tx_;
};

class Annotations {
public:
    explicit Annotations(Transaction& tx) : tx_(tx) {}

    std::optional<domain::Annotation> Find(AnnotationId id);
    /// The notes of a dossier, oldest first; removed ones only when asked.
    std::vector<domain::Annotation> OfDossier(DossierId dossier, bool include_removed);
    AnnotationId Insert(const domain::Annotation& annotation);
    /// Marks a note removed (the row stays).
    void MarkRemoved(AnnotationId id, UserId by, Timestamp at);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

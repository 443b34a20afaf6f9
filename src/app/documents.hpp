#pragma once

// Use cases on what is attached to a dossier: attachments (uploaded as a stream into the
// blob store, then recorded) and internal annotations.

#include <filesystem>
#include <string>
#include <vector>

#include "app/env.hpp"
#include "core/result.hpp"
#include "domain/model.hpp"
#include "storage/blob_store.hpp"

namespace sige::app {

inline constexpr int kMaxAttachmentNameLength = 200;
inline constexpr int kMaxAnnotationLength = 4'000;

/// A file name a person can read and every file system can hold: 1 to 200 characters, no
/// path separators, no control characters, not "." or ".."; kInvalidInput (field "name").
Status CheckAttachmentName(const std::string& name);

struct AttachmentContent {
    domain::Attachment attachment;
    std::filesystem::path path;
};

class Documents {
public:
    explicit Documents(Env& env) : env_(env) {}

    /// Checks, before any byte is read, that the caller may upload to this dossier now and
    /// that `name` is acceptable; kNotFound, kForbidden, kConflict or kInvalidInput.
    Status CheckUpload(const Caller& caller, DossierId dossier, const std::string& name);
    /// Records an upload whose bytes are in `blob` (committed to the store here). The
    /// content type is sniffed from the bytes. A repeated name is a new version. Persists
    /// and audits; checks again everything CheckUpload checked.
    Result<domain::Attachment> FinishUpload(const Caller& caller,
                                            DossierId dossier,
                                            const std::string& name,
                                            storage::BlobStore::Writer& blob);
    Result<std::vector<domain::Attachment>> ListAttachments(const Caller& caller,
                                                            DossierId dossier);
    /// An attachment's row and file, for download (audited as a read).
    Result<AttachmentContent> OpenAttachment(const Caller& caller, AttachmentId id);

    Result<std::vector<domain::Annotation>> ListAnnotations(const Caller& caller,
                                                            DossierId dossier);
    Result<domain::Annotation> Annotate(const Caller& caller,
                                        DossierId dossier,
                                        const std::string& text);
    /// Marks a note removed; the removal is recorded and the text kept in the audit trail.
    Status RemoveAnnotation(const Caller& caller, AnnotationId id);

private:
    Env& env_;
};

}  // namespace sige::app

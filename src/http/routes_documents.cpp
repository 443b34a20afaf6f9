// Routes: attachments (streamed upload, list, download) and annotations.

#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

void AddDocumentRoutes(Router& router, Services& s) {
    const TimeZone& zone = s.env.zone;
    auto attachment_json = [&zone](const domain::Attachment& a) { return AttachmentJson(a, zone); };
    auto annotation_json = [&zone](const domain::Annotation& n) { return AnnotationJson(n, zone); };

    router.AddUpload(
        "POST", "/api/v1/dossiers/{id}/attachments",
        [&s, attachment_json](Request& req) {
            return WithId<DossierId>(req, [&](DossierId id) {
                if (req.upload == nullptr || req.upload->size() == 0) {
                    return ProblemResponse(Error::Field("body", "attachment.empty"));
                }
                return Answer(s.documents.FinishUpload(*req.caller, id,
                                                       req.Query("name").value_or(""), *req.upload),
                              201, attachment_json);
            });
        },
        // Before a single byte is stored: may this caller upload here, now?
        [&s](Request& req) -> std::optional<Response> {
            auto id = PathId<DossierId>(req);
            if (!id) {
                return ProblemResponse(id.error());
            }
            auto ok = s.documents.CheckUpload(*req.caller, *id, req.Query("name").value_or(""));
            if (!ok) {
                return ProblemResponse(ok.error());
            }
            return std::nullopt;
        });

    router.Add("GET", "/api/v1/dossiers/{id}/attachments", [&s, attachment_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return AnswerList(s.documents.ListAttachments(*req.caller, id), attachment_json);
        });
    });

    router.Add("GET", "/api/v1/attachments/{id}/content", [&s](Request& req) {
        return WithId<AttachmentId>(req, [&](AttachmentId id) {
            auto content = s.documents.OpenAttachment(*req.caller, id);
            if (!content) {
                return ProblemResponse(content.error());
            }
            return FileResponse(*content, req);
        });
    });

    router.Add("GET", "/api/v1/dossiers/{id}/annotations", [&s, annotation_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return AnswerList(s.documents.ListAnnotations(*req.caller, id), annotation_json);
        });
    });

    router.Add("POST", "/api/v1/dossiers/{id}/annotations", [&s, annotation_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return WithBody(
                req, [](FieldReader& f) { return f.Text("text").value_or(""); },
                [&](const std::string& text) {
                    return Answer(s.documents.Annotate(*req.caller, id, text), 201,
                                  annotation_json);
                });
        });
    });

    router.Add("DELETE", "/api/v1/annotations/{id}", [&s](Request& req) {
        return WithId<AnnotationId>(req, [&](AnnotationId id) {
            auto removed = s.documents.RemoveAnnotation(*req.caller, id);
            if (!removed) {
                return ProblemResponse(removed.error());
            }
            Response r;
            r.status = 204;
            r.content_type.clear();
            return r;
        });
    });
}

}  // namespace sige::http

// Routes: attachments (streamed upload, list, download) and annotations.

#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

namespace {

/// Types a browser may show in place without running anything from the file.
bool ShowInline(const std::string& type) {
    return type == "application/pdf" || type == "image/png" || type == "image/jpeg" ||
           type == "image/gif" || type == "image/webp" || type == "text/plain";
}

/// Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187).
std::string Disposition(const std::string& name, bool inline_view) {
    std::string ascii;
    std::string encoded;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (unsigned char c : name) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '.' || c == '-' || c == '_';
        ascii.push_back(plain ? char(c) : '_');
        if (plain) {
            encoded.push_back(char(c));
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 0xF];
        }
    }
    return std::string(inline_view ? "inline" : "attachment") + "; filename=\"" + ascii +
           "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

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
            const auto& a = content->attachment;
            Response r;
            const std::string etag = "\"" + a.sha256 + "\"";
            r.SetHeader("ETag", etag);
            r.SetHeader("Cache-Control", "private, no-cache");
            r.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            if (req.Header("if-none-match") == etag) {
                r.status = 304;
                r.content_type.clear();
                return r;
            }
            const bool inline_view = ShowInline(a.content_type) && !req.Query("download");
            r.content_type = a.content_type;
            r.SetHeader("Content-Disposition", Disposition(a.name, inline_view));
            r.file = content->path;
            return r;
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

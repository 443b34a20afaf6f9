#include "http/handlers.hpp"

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

Response FileResponse(const app::AttachmentContent& content, const Request& request) {
    const auto& a = content.attachment;
    Response r;
    const std::string etag = "\"" + a.sha256 + "\"";
    r.SetHeader("ETag", etag);
    r.SetHeader("Cache-Control", "private, no-cache");
    r.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    if (request.Header("if-none-match") == etag) {
        r.status = 304;
        r.content_type.clear();
        return r;
    }
    const bool inline_view = ShowInline(a.content_type) && !request.Query("download");
    r.content_type = a.content_type;
    r.SetHeader("Content-Disposition", Disposition(a.name, inline_view));
    r.file = content.path;
    return r;
}

}  // namespace sige::http

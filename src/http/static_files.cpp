#include "http/static_files.hpp"

#include <array>
#include <utility>

namespace sige::http {

namespace fs = std::filesystem;

namespace {

// Only what the application needs; anything but same-origin scripts is refused.
constexpr const char* kPagePolicy =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "frame-src 'self' blob:; object-src 'self' blob:; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'self'";

}  // namespace

std::string ContentTypeFor(const fs::path& file) {
    static constexpr std::array<std::pair<const char*, const char*>, 14> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".webp", "image/webp"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
        {".map", "application/json"},
    }};
    const std::string ext = file.extension().string();
    for (const auto& [e, type] : kTypes) {
        if (ext == e) {
            return type;
        }
    }
    return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    enabled_ = fs::is_regular_file(root_ / "index.html", ec);
    if (enabled_) {
        root_ = fs::canonical(root_, ec);
    }
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
    if (!enabled_ || (request.method != "GET" && request.method != "HEAD")) {
        return std::nullopt;
    }
    // Never outside the root: no "..", no absolute tricks.
    fs::path relative = fs::path(request.path).relative_path().lexically_normal();
    const bool escapes = !relative.empty() && *relative.begin() == "..";
    std::error_code ec;
    fs::path file = root_ / relative;
    Response r;
    if (!escapes && !relative.empty() && fs::is_regular_file(file, ec)) {
        r.content_type = ContentTypeFor(file);
        const bool hashed = relative.begin() != relative.end() && *relative.begin() == "assets";
        r.SetHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
        r.file = file;
        return r;
    }
    if (relative.has_extension() && relative.extension() != ".html") {
        return std::nullopt;  // a missing asset is a 404, not the application
    }
    r.content_type = "text/html; charset=utf-8";
    r.SetHeader("Cache-Control", "no-cache");
    r.SetHeader("Content-Security-Policy", kPagePolicy);
    r.SetHeader("Referrer-Policy", "no-referrer");
    r.file = root_ / "index.html";
    return r;
}

}  // namespace sige::http

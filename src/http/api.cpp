#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include "core/crypto.hpp"

namespace sige::http {

namespace {

/// The value of cookie `name` in a Cookie header, or empty.
std::string_view CookieValue(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        std::size_t end = header.find(';');
        std::string_view part = header.substr(0, end);
        while (!part.empty() && part.front() == ' ') {
            part.remove_prefix(1);
        }
        if (part.size() > name.size() && part.substr(0, name.size()) == name &&
            part[name.size()] == '=') {
            return part.substr(name.size() + 1);
        }
        if (end == std::string_view::npos) {
            break;
        }
        header.remove_prefix(end + 1);
    }
    return {};
}

}  // namespace

Api::Api(app::Env& env, ApiOptions options)
    : services_(env), options_(std::move(options)), web_(options_.web_root) {
    AddSessionRoutes(router_, services_, options_);
    AddCatalogRoutes(router_, services_);
    AddDossierRoutes(router_, services_);
    AddTransferRoutes(router_, services_);
    AddDocumentRoutes(router_, services_);
    AddSystemRoutes(router_, services_, options_);
    AddPublicRoutes(router_, services_);
    AddSubmissionRoutes(router_, services_);
}

const Route* Api::Find(Request& request) const {
    auto match = router_.Find(request.method, request.path);
    request.path_params = std::move(match.params);
    return match.route;
}

std::optional<Response> Api::Authenticate(Request& request) {
    std::string token;
    bool from_cookie = false;
    std::string_view authorization = request.Header("authorization");
    if (authorization.size() > 7 &&
        (authorization.substr(0, 7) == "Bearer " || authorization.substr(0, 7) == "bearer ")) {
        token = std::string(authorization.substr(7));
    } else {
        token = std::string(CookieValue(request.Header("cookie"), kSessionCookie));
        from_cookie = true;
    }
    if (token.empty()) {
        return ProblemResponse(Error(ErrorCode::kUnauthenticated, "auth.required"));
    }
    auto auth = services_.auth.Authenticate(token, request.client);
    if (!auth) {
        return ProblemResponse(auth.error());
    }
    // A cookie travels by itself with any request the browser makes; the CSRF token does
    // not, so an unsafe request that relies on the cookie must carry it.
    if (from_cookie && !request.IsSafeMethod() &&
        !crypto::ConstantTimeEquals(request.Header("x-csrf-token"), auth->csrf_token)) {
        return ProblemResponse(Error(ErrorCode::kForbidden, "auth.csrf"));
    }
    request.caller = std::move(auth->caller);
    request.session_token = std::move(token);
    return std::nullopt;
}

std::optional<Response> Api::Precheck(const Route* route, Request& request) {
    if (route == nullptr) {
        return std::nullopt;
    }
    try {
        if (route->access == Access::kSignedIn) {
            if (auto denied = Authenticate(request)) {
                return denied;
            }
        }
        if (route->precheck) {
            return route->precheck(request);
        }
    } catch (const std::exception& e) {
        spdlog::error("solicitud {} {} {}: {}", request.request_id, request.method, request.path,
                      e.what());
        return ProblemResponse(500, "server.internal", {request.request_id});
    }
    return std::nullopt;
}

Response Api::Handle(const Route* route, Request& request) {
    if (route == nullptr) {
        if (request.path.rfind("/api/", 0) != 0) {
            if (auto file = web_.Serve(request)) {
                return std::move(*file);
            }
        }
        auto match = router_.Find(request.method, request.path);
        if (!match.allowed.empty()) {
            Response r = ProblemResponse(405, "request.method_not_allowed");
            std::string allow;
            for (const auto& m : match.allowed) {
                allow += allow.empty() ? m : ", " + m;
            }
            r.SetHeader("Allow", allow);
            return r;
        }
        return ProblemResponse(Error(ErrorCode::kNotFound, "request.not_found"));
    }
    try {
        return route->handler(request);
    } catch (const storage::StorageError& e) {
        spdlog::error("solicitud {} {} {}: almacenamiento: {}", request.request_id, request.method,
                      request.path, e.what());
        return ProblemResponse(503, "server.unavailable");
    } catch (const std::exception& e) {
        // ClickHouse's rule: catch once, at the top of the request, and say what happened.
        spdlog::error("solicitud {} {} {}: {}", request.request_id, request.method, request.path,
                      e.what());
        return ProblemResponse(500, "server.internal", {request.request_id});
    }
}

Response PdfResponse(const Result<app::Pdf>& pdf) {
    if (!pdf) {
        return ProblemResponse(pdf.error());
    }
    Response r;
    r.content_type = "application/pdf";
    r.body = pdf->bytes;
    r.SetHeader("Content-Disposition", "inline; filename=\"" + pdf->file_name + "\"");
    r.SetHeader("Cache-Control", "private, no-store");
    return r;
}

}  // namespace sige::http

// Routes: health, the OpenAPI document, and the front page.

#include "http/api.hpp"

namespace sige::http {

void AddSystemRoutes(Router& router, Services& s, const ApiOptions& options) {
    router.AddPublic("GET", "/healthz", [&s](Request&) {
        if (!s.env.db.Ping()) {
            return ProblemResponse(503, "server.unavailable");
        }
        Response r = JsonResponse(200, json::object{{"status", "ok"}});
        r.SetHeader("Cache-Control", "no-store");
        return r;
    });

    router.AddPublic("GET", "/api/v1/openapi.json", [&options](Request&) {
        Response r;
        r.body = options.openapi_json;
        return r;
    });

    router.AddPublic("GET", "/", [](Request&) {
        Response r;
        r.content_type = "text/html; charset=utf-8";
        r.body =
            "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\">"
            "<title>sige</title></head><body><h1>sige</h1>"
            "<p>Sistema de gestión de expedientes. La API está en "
            "<a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>.</p>"
            "</body></html>";
        return r;
    });
}

}  // namespace sige::http

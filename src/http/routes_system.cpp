// Routes: health and the OpenAPI document. The web application is served by StaticFiles.

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
}

}  // namespace sige::http

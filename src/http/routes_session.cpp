// Routes: log in, log out, who am I.

#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

namespace {

std::string SessionCookie(const std::string& token, std::int64_t max_age, bool secure) {
    std::string c = std::string(kSessionCookie) + "=" + token +
                    "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (secure) {
        c += "; Secure";
    }
    return c;
}

}  // namespace

void AddSessionRoutes(Router& router, Services& s, const ApiOptions& options) {
    const bool secure = options.public_url.rfind("https://", 0) == 0;

    router.AddPublic("POST", "/api/v1/session", [&s, secure](Request& req) {
        auto body = ParseObject(req);
        if (!body) {
            return ProblemResponse(body.error());
        }
        Validation v;
        FieldReader f(*body, v);
        f.Require("username");
        f.Require("password");
        auto username = f.Text("username");
        auto password = f.Text("password");
        if (!v.ok()) {
            return ProblemResponse(v.ToError());
        }
        auto login = s.auth.Login(*username, *password, req.client);
        if (!login) {
            return ProblemResponse(login.error());
        }
        auto max_age =
            std::chrono::duration_cast<std::chrono::seconds>(s.env.limits.session_lifetime).count();
        json::object o{{"token", login->token},
                       {"csrf_token", login->csrf_token},
                       {"expires_at", s.env.zone.FormatIso(login->expires_at)}};
        app::Caller caller;
        caller.actor.user = login->user;
        o["me"] = MeJson(s.catalog.Me(caller));
        Response r = JsonResponse(200, o);
        r.SetHeader("Set-Cookie", SessionCookie(login->token, max_age, secure));
        r.SetHeader("Cache-Control", "no-store");
        return r;
    });

    router.Add("DELETE", "/api/v1/session", [&s, secure](Request& req) {
        s.auth.Logout(req.session_token);
        Response r;
        r.status = 204;
        r.content_type.clear();
        r.SetHeader("Set-Cookie", SessionCookie("", 0, secure));
        return r;
    });

    router.Add("GET", "/api/v1/me",
               [&s](Request& req) { return JsonResponse(200, MeJson(s.catalog.Me(*req.caller))); });
}

}  // namespace sige::http

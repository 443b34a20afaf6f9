#pragma once

// The API: every route of API.md bound to its use case, authentication and CSRF checked in
// one place, every exception turned into a 500 with a request id. Thread-safe: Handle() is
// called concurrently from the server's threads.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/auth.hpp"
#include "app/catalog.hpp"
#include "app/documents.hpp"
#include "app/dossiers.hpp"
#include "app/printouts.hpp"
#include "app/tracking.hpp"
#include "app/transfers.hpp"
#include "app/virtual_desk.hpp"
#include "http/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace sige::http {

struct ApiOptions {
    std::string public_url = "http://127.0.0.1:8080";  ///< where QR codes and e-mails point
    std::int64_t max_json_bytes = 1 << 20;
    std::string openapi_json;        ///< the document served at /api/v1/openapi.json
    std::filesystem::path web_root;  ///< the built web application (web/dist); may be absent
};

/// The use cases the routes call, built once from the environment.
struct Services {
    explicit Services(app::Env& e)
        : env(e),
          auth(e),
          dossiers(e),
          transfers(e),
          documents(e),
          catalog(e),
          printouts(e),
          virtual_desk(e),
          tracking(e) {}
    app::Env& env;
    app::Auth auth;
    app::Dossiers dossiers;
    app::Transfers transfers;
    app::Documents documents;
    app::Catalog catalog;
    app::Printouts printouts;
    app::VirtualDesk virtual_desk;
    app::PublicTracking tracking;
};

/// A PDF response (inline, so that the browser shows it and the user prints it).
Response PdfResponse(const Result<app::Pdf>& pdf);

inline constexpr const char* kSessionCookie = "sige_session";

class Api {
public:
    Api(app::Env& env, ApiOptions options);

    /// Finds the route of a request whose header has been read, filling its path params.
    /// Null when no route matches (Handle answers 404 or 405).
    const Route* Find(Request& request) const;
    /// For a matched route, before its body is read: authentication, CSRF and the route's
    /// own precheck. A response means "answer this and do not read the body".
    std::optional<Response> Precheck(const Route* route, Request& request);
    /// Answers a request whose body has been read (or streamed), after Precheck passed.
    Response Handle(const Route* route, Request& request);

    const Router& router() const { return router_; }
    const ApiOptions& options() const { return options_; }
    app::Env& env() { return services_.env; }

private:
    std::optional<Response> Authenticate(Request& request);
    Services services_;
    ApiOptions options_;
    Router router_;
    StaticFiles web_;
};

// Route registration, one function per resource file (routes_*.cpp).
void AddSessionRoutes(Router& router, Services& services, const ApiOptions& options);
void AddCatalogRoutes(Router& router, Services& services);
void AddDossierRoutes(Router& router, Services& services);
void AddTransferRoutes(Router& router, Services& services);
void AddDocumentRoutes(Router& router, Services& services);
void AddSystemRoutes(Router& router, Services& services, const ApiOptions& options);
void AddPublicRoutes(Router& router, Services& services);
void AddSubmissionRoutes(Router& router, Services& services);

}  // namespace sige::http

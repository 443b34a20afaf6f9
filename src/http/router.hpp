#pragma once

// The route table: method and path pattern ("/api/v1/dossiers/{id}") to handler. Kept as a
// list so that the OpenAPI test can compare it with the published document.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace sige::http {

enum class Access {
    kPublic,    ///< no login (health, OpenAPI, public tracking)
    kSignedIn,  ///< a live session or bearer token; the router sets Request::caller
};

enum class BodyKind {
    kJson,    ///< read whole into Request::body, up to the JSON limit
    kUpload,  ///< streamed into a blob (Request::upload), up to the upload limit
};

using Handler = std::function<Response(Request&)>;
/// Runs after authentication and before an upload's body is read; a response stops it.
using Precheck = std::function<std::optional<Response>(Request&)>;

struct Route {
    std::string method;
    std::string pattern;
    Access access = Access::kSignedIn;
    BodyKind body = BodyKind::kJson;
    Handler handler;
    Precheck precheck;
    /// For uploads: a limit below the server's (0: the server's, --max-upload-mb).
    std::int64_t max_upload_bytes = 0;
};

class Router {
public:
    void Add(Route route);
    /// A route for signed-in callers with a JSON body (the common case).
    void Add(std::string method, std::string pattern, Handler handler) {
        Add(Route{std::move(method), std::move(pattern), Access::kSignedIn, BodyKind::kJson,
                  std::move(handler), nullptr});
    }
    /// A route anyone may call.
    void AddPublic(std::string method, std::string pattern, Handler handler) {
        Add(Route{std::move(method), std::move(pattern), Access::kPublic, BodyKind::kJson,
                  std::move(handler), nullptr});
    }
    /// A signed-in route whose body is streamed into a blob after `precheck` passes.
    void AddUpload(std::string method, std::string pattern, Handler handler, Precheck precheck) {
        Add(Route{std::move(method), std::move(pattern), Access::kSignedIn, BodyKind::kUpload,
                  std::move(handler), std::move(precheck)});
    }
    /// An upload anyone may send (the virtual desk), at most `max_bytes`.
    void AddPublicUpload(std::string method,
                         std::string pattern,
                         Handler handler,
                         Precheck precheck,
                         std::int64_t max_bytes) {
        Add(Route{std::move(method), std::move(pattern), Access::kPublic, BodyKind::kUpload,
                  std::move(handler), std::move(precheck), max_bytes});
    }

    struct Match {
        const Route* route = nullptr;      ///< null when nothing matched
        std::vector<std::string> params;   ///< the placeholders' values
        std::vector<std::string> allowed;  ///< methods of the path, when only the method failed
    };
    Match Find(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace sige::http

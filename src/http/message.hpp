#pragma once

// The HTTP layer's own request and response values, free of Beast types so that the route
// files compile fast; server.cpp converts to and from the wire.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/env.hpp"
#include "storage/blob_store.hpp"

namespace sige::http {

struct Request {
    std::string method;  ///< "GET", "POST", ...
    std::string path;    ///< percent-decoded path, without the query
    std::vector<std::pair<std::string, std::string>> query;    ///< decoded, in order
    std::vector<std::pair<std::string, std::string>> headers;  ///< names in lower case
    std::string body;
    std::string client;                    ///< remote address
    std::string request_id;                ///< echoed in X-Request-Id and in server logs
    std::vector<std::string> path_params;  ///< the {placeholders} matched, in order
    /// For upload routes: the bytes already streamed to a temporary blob.
    storage::BlobStore::Writer* upload = nullptr;
    /// Set by the router for routes that require authentication.
    std::optional<app::Caller> caller;
    /// The session token the caller authenticated with (for logging out).
    std::string session_token;

    /// The value of a header, or empty.
    std::string_view Header(std::string_view lower_name) const;
    /// The first value of a query parameter, or nullopt.
    std::optional<std::string> Query(std::string_view name) const;
    bool IsSafeMethod() const { return method == "GET" || method == "HEAD"; }
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// When set, the body is this file (streamed by the server).
    std::optional<std::filesystem::path> file;

    void SetHeader(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
    }
};

}  // namespace sige::http

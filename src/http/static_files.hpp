#pragma once

// The web application's files (web/dist, built by Vite), served by sige itself. Paths that
// are not files fall back to index.html, so that the application's own routes survive a
// reload. Hashed assets are cached for a year; everything else is revalidated.

#include <filesystem>
#include <optional>

#include "http/message.hpp"

namespace sige::http {

class StaticFiles {
public:
    /// `root` may not exist (the web application was not built): then nothing is served.
    explicit StaticFiles(std::filesystem::path root);

    bool enabled() const { return enabled_; }
    /// The file for a GET or HEAD of `request.path`, or index.html for an application route;
    /// nullopt when the path names no file and looks like one ("/x.js"), or the web
    /// application is absent.
    std::optional<Response> Serve(const Request& request) const;

private:
    std::filesystem::path root_;
    bool enabled_ = false;
};

/// The MIME type for a file name's extension ("application/octet-stream" when unknown).
std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace sige::http

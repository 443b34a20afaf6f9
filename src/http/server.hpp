#pragma once

// The HTTP/1.1 server (Boost.Beast, C++20 coroutines). It reads a request's header, asks
// the Api for the route and its precheck (authentication before any body is read), then
// reads a JSON body whole or streams an upload into the blob store, and writes the answer.
// One io_context run by several threads; each connection runs on its own strand, and a
// handler's storage call blocks only that connection's thread.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/api.hpp"
#include "storage/blob_store.hpp"

namespace sige::http {

struct ServerOptions {
    std::string listen = "127.0.0.1:8080";  ///< host:port; port 0 picks a free one
    int threads = 0;                        ///< 0: four per core
    std::int64_t max_upload_bytes = 50LL * 1024 * 1024;
    std::int64_t max_json_bytes = 1 << 20;
    /// Addresses of reverse proxies (nginx) whose X-Forwarded-For is believed: behind them
    /// the client is the address the proxy appended, so throttling and the audit record
    /// see the real client rather than the proxy.
    std::vector<std::string> trusted_proxies;
};

class Server {
public:
    Server(Api& api, const storage::BlobStore& blobs, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and listens; throws std::runtime_error (in Spanish) when it cannot. Returns the
    /// address actually bound, "127.0.0.1:PORT".
    std::string Bind();
    /// Serves until Stop(), SIGINT or SIGTERM; returns after the threads have finished.
    void Run();
    /// Stops accepting and ends the server shortly after. Thread-safe.
    void Stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sige::http

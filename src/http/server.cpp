#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/beast.hpp>
#include <boost/url.hpp>
#include <spdlog/spdlog.h>

#include "core/crypto.hpp"
#include "http/problem.hpp"

namespace sige::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr auto kIdleTimeout = 60s;     // keep-alive connection waiting for a request
constexpr auto kReadTimeout = 30s;     // one read of a JSON body
constexpr auto kUploadTimeout = 120s;  // one chunk of an upload (slow links)
constexpr std::size_t kUploadChunk = 64 * 1024;

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        }
    }
    return out;
}

/// Splits "host:port" ("[::1]:8080" for IPv6).
std::pair<std::string, std::string> SplitHostPort(const std::string& listen) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        throw std::runtime_error("--listen debe tener la forma host:puerto, p. ej. 127.0.0.1:8080");
    }
    std::string host = listen.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    return {host, listen.substr(colon + 1)};
}

/// The client of a request: the peer, or behind a trusted proxy the last address the proxy
/// appended to X-Forwarded-For (the one it saw; earlier ones are the client's own claims).
std::string ClientAddress(const std::string& peer,
                          std::string_view forwarded,
                          const std::vector<std::string>& trusted) {
    if (forwarded.empty() || std::find(trusted.begin(), trusted.end(), peer) == trusted.end()) {
        return peer;
    }
    auto comma = forwarded.rfind(',');
    std::string_view last =
        comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1);
    while (!last.empty() && last.front() == ' ') {
        last.remove_prefix(1);
    }
    while (!last.empty() && last.back() == ' ') {
        last.remove_suffix(1);
    }
    beast::error_code ec;
    asio::ip::make_address(last, ec);
    return ec ? peer : std::string(last);
}

}  // namespace

struct Server::Impl {
    Impl(Api& a, const storage::BlobStore& b, ServerOptions o)
        : api(a), blobs(b), options(std::move(o)), acceptor(ioc), signals(ioc, SIGINT, SIGTERM) {}

    Api& api;
    const storage::BlobStore& blobs;
    ServerOptions options;
    asio::io_context ioc;
    tcp::acceptor acceptor;
    asio::signal_set signals;
    // Requests that change something run here, not on the network threads: while they
    // wait for the one writer, reads keep being served (ADR 0001, docs/PERFORMANCE.md).
    asio::thread_pool changes{std::size_t(std::max(2, 2 * int(std::thread::hardware_concurrency())))};
    std::string id_prefix = crypto::RandomToken(3);
    std::atomic<std::uint64_t> next_request{1};

    asio::awaitable<void> Listen();
    asio::awaitable<void> Serve(tcp::socket socket);
    asio::awaitable<bool> Write(beast::tcp_stream& stream,
                                Response response,
                                bool keep_alive,
                                bool head,
                                const std::string& request_id);
    void BeginStop();
};

void Server::Impl::BeginStop() {
    asio::post(ioc, [this] {
        beast::error_code ec;
        acceptor.close(ec);
        // Give requests in flight a moment to finish, then end.
        auto timer = std::make_shared<asio::steady_timer>(ioc, 1s);
        timer->async_wait([this, timer](beast::error_code) { ioc.stop(); });
    });
}

asio::awaitable<void> Server::Impl::Listen() {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(
            asio::make_strand(ioc), asio::experimental::as_tuple(asio::use_awaitable));
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) {
                co_return;
            }
            continue;  // e.g. too many open files: keep serving the others
        }
        beast::error_code opt_ec;
        socket.set_option(tcp::no_delay(true), opt_ec);
        auto executor = socket.get_executor();
        asio::co_spawn(executor, Serve(std::move(socket)), asio::detached);
    }
}

asio::awaitable<bool> Server::Impl::Write(beast::tcp_stream& stream,
                                          Response res,
                                          bool keep_alive,
                                          bool head,
                                          const std::string& request_id) {
    auto fill = [&](auto& r) {
        r.version(11);
        r.result(static_cast<unsigned>(res.status));
        if (!res.content_type.empty()) {
            r.set(bhttp::field::content_type, res.content_type);
        }
        bool has_cache_control = false;
        for (const auto& [name, value] : res.headers) {
            r.insert(name, value);
            has_cache_control = has_cache_control || name == "Cache-Control";
        }
        if (!has_cache_control) {
            r.set(bhttp::field::cache_control, "no-store");
        }
        r.set("X-Content-Type-Options", "nosniff");
        r.set("X-Request-Id", request_id);
        r.keep_alive(keep_alive);
    };
    auto tuple = asio::experimental::as_tuple(asio::use_awaitable);
    stream.expires_after(kUploadTimeout);
    if (res.file && res.status == 200) {
        bhttp::response<bhttp::file_body> r;
        beast::error_code ec;
        r.body().open(res.file->c_str(), beast::file_mode::scan, ec);
        if (!ec) {
            fill(r);
            r.prepare_payload();
            if (head) {
                bhttp::response<bhttp::empty_body> h;
                fill(h);
                h.content_length(r.body().size());
                auto [wec, n] = co_await bhttp::async_write(stream, h, tuple);
                co_return !wec;
            }
            auto [wec, n] = co_await bhttp::async_write(stream, r, tuple);
            co_return !wec;
        }
        spdlog::error("solicitud {}: no se pudo abrir {}: {}", request_id, res.file->string(),
                      ec.message());
        res = ProblemResponse(500, "server.internal", {request_id});
    }
    bhttp::response<bhttp::string_body> r;
    fill(r);
    if (res.status == 204 || res.status == 304) {
        r.content_length(boost::none);
    } else if (head) {
        r.content_length(res.body.size());
    } else {
        r.body() = std::move(res.body);
        r.prepare_payload();
    }
    auto [ec, n] = co_await bhttp::async_write(stream, r, tuple);
    co_return !ec;
}

asio::awaitable<void> Server::Impl::Serve(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    std::string client;
    {
        beast::error_code ec;
        auto endpoint = stream.socket().remote_endpoint(ec);
        client = ec ? "desconocido" : endpoint.address().to_string();
    }
    auto tuple = asio::experimental::as_tuple(asio::use_awaitable);
    for (;;) {
        bhttp::request_parser<bhttp::empty_body> header;
        header.header_limit(16 * 1024);
        // The body's limit depends on the route, known only after the header: each body
        // parser below sets its own (JSON or upload), so none applies while reading this.
        header.body_limit(boost::none);
        stream.expires_after(kIdleTimeout);
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, header, tuple);
        if (ec) {
            if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout &&
                ec != asio::error::eof && ec != asio::error::connection_reset) {
                co_await Write(stream, ProblemResponse(400, "request.malformed"), false, false,
                               "-");
            }
            break;
        }
        const auto& head = header.get();
        Request req;
        req.method = std::string(head.method_string());
        req.client = client;
        req.request_id = id_prefix + "-" + std::to_string(next_request++);
        auto url = boost::urls::parse_origin_form(head.target());
        if (!url) {
            co_await Write(stream,
                           ProblemResponse(Error(ErrorCode::kNotFound, "request.not_found")), false,
                           false, req.request_id);
            break;
        }
        req.path = url->path();
        for (auto p : url->params()) {
            req.query.emplace_back(p.key, p.has_value ? p.value : "");
        }
        for (const auto& field : head) {
            req.headers.emplace_back(Lower(field.name_string()), std::string(field.value()));
        }
        if (!options.trusted_proxies.empty()) {
            req.client =
                ClientAddress(client, req.Header("x-forwarded-for"), options.trusted_proxies);
        }
        bool keep_alive = head.keep_alive();
        const bool is_head = head.method() == bhttp::verb::head;
        const bool has_body = head.chunked() || (head.has_content_length() &&
                                                 header.content_length().value_or(0) > 0);

        const Route* route = api.Find(req);
        std::optional<Response> early = api.Precheck(route, req);
        std::unique_ptr<storage::BlobStore::Writer> upload;
        if (!early && route != nullptr && route->body == BodyKind::kUpload) {
            const std::int64_t limit_bytes =
                route->max_upload_bytes > 0
                    ? std::min(route->max_upload_bytes, options.max_upload_bytes)
                    : options.max_upload_bytes;
            const auto limit = std::uint64_t(limit_bytes);
            const std::string limit_mb = std::to_string(limit_bytes / (1024 * 1024));
            Error too_large = Error::Field("body", "attachment.too_large", {limit_mb});
            too_large.code = ErrorCode::kTooLarge;
            if (header.content_length() && *header.content_length() > limit) {
                early = ProblemResponse(too_large);
            } else {
                if (beast::iequals(head[bhttp::field::expect], "100-continue")) {
                    bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
                    co_await bhttp::async_write(stream, cont, tuple);
                }
                upload = blobs.StartWrite();
                bhttp::request_parser<bhttp::buffer_body> parser(std::move(header));
                parser.body_limit(limit);
                std::vector<char> chunk(kUploadChunk);
                beast::error_code rec;
                while (!parser.is_done()) {
                    parser.get().body().data = chunk.data();
                    parser.get().body().size = chunk.size();
                    stream.expires_after(kUploadTimeout);
                    auto [e, got] = co_await bhttp::async_read(stream, buffer, parser, tuple);
                    rec = e == bhttp::error::need_buffer ? beast::error_code() : e;
                    if (rec) {
                        break;
                    }
                    upload->Write(chunk.data(), chunk.size() - parser.get().body().size);
                }
                if (rec == bhttp::error::body_limit) {
                    early = ProblemResponse(too_large);
                } else if (rec) {
                    break;  // the client went away mid-upload: the temporary file goes too
                }
                req.upload = upload.get();
            }
        } else if (!early && header.content_length() &&
                   *header.content_length() > std::uint64_t(options.max_json_bytes)) {
            // A declared length over the limit is refused without reading (the body limit
            // of the parser below only catches chunked bodies).
            early = ProblemResponse(413, "request.body_too_large",
                                    {std::to_string(options.max_json_bytes / 1024)});
        } else if (!early) {
            bhttp::request_parser<bhttp::string_body> parser(std::move(header));
            parser.body_limit(std::uint64_t(options.max_json_bytes));
            stream.expires_after(kReadTimeout);
            auto [e, got] = co_await bhttp::async_read(stream, buffer, parser, tuple);
            if (e == bhttp::error::body_limit) {
                early = ProblemResponse(413, "request.body_too_large",
                                        {std::to_string(options.max_json_bytes / 1024)});
            } else if (e) {
                break;
            } else {
                req.body = std::move(parser.get().body());
            }
        }
        if (early && has_body) {
            keep_alive = false;  // the unread body would be taken for the next request
        }
        Response res;
        if (early) {
            res = std::move(*early);
        } else if (req.IsSafeMethod()) {
            res = api.Handle(route, req);
        } else {
            res = co_await asio::co_spawn(
                changes,
                [this, route, &req]() -> asio::awaitable<Response> {
                    co_return api.Handle(route, req);
                },
                asio::use_awaitable);
        }
        upload.reset();  // an upload that was not stored leaves no temporary file behind
        bool written = co_await Write(stream, std::move(res), keep_alive, is_head, req.request_id);
        if (!written || !keep_alive) {
            break;
        }
    }
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

Server::Server(Api& api, const storage::BlobStore& blobs, ServerOptions options)
    : impl_(std::make_unique<Impl>(api, blobs, std::move(options))) {}

Server::~Server() = default;

std::string Server::Bind() {
    auto [host, port] = SplitHostPort(impl_->options.listen);
    beast::error_code ec;
    auto address = asio::ip::make_address(host, ec);
    if (ec) {
        throw std::runtime_error("dirección de escucha no válida: " + host +
                                 " (use una IP, p. ej. 127.0.0.1)");
    }
    unsigned long port_number = 0;
    try {
        port_number = std::stoul(port);
    } catch (const std::exception&) {
        port_number = 70000;
    }
    if (port_number > 65535) {
        throw std::runtime_error("puerto no válido: " + port);
    }
    tcp::endpoint endpoint(address, static_cast<unsigned short>(port_number));
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint, ec);
    if (ec) {
        throw std::runtime_error("no se pudo escuchar en " + impl_->options.listen + ": " +
                                 ec.message());
    }
    acceptor.listen(asio::socket_base::max_listen_connections);
    auto bound = acceptor.local_endpoint();
    std::string shown = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                                : bound.address().to_string();
    return shown + ":" + std::to_string(bound.port());
}

void Server::Run() {
    auto& impl = *impl_;
    impl.signals.async_wait([&impl](beast::error_code ec, int) {
        if (!ec) {
            impl.BeginStop();
        }
    });
    asio::co_spawn(impl.ioc, impl.Listen(), asio::detached);
    int threads = impl.options.threads;
    if (threads <= 0) {
        threads = std::max(4, 4 * int(std::thread::hardware_concurrency()));
    }
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) {
        pool.emplace_back([&impl] { impl.ioc.run(); });
    }
    impl.ioc.run();
    for (auto& t : pool) {
        t.join();
    }
    impl.changes.join();
}

void Server::Stop() {
    impl_->BeginStop();
}

}  // namespace sige::http

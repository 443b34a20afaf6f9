#pragma once

// What every use case needs: the database, the blob store, the clock, the display time
// zone, the queue of read events and the limits. Built once by the composition root
// (server/main.cpp) and shared by all threads; everything in it is thread-safe.

#include <atomic>
#include <cstdint>
#include <memory>
#include <functional>
#include <string>

#include "core/time.hpp"
#include "domain/access_policy.hpp"
#include "storage/blob_store.hpp"
#include "storage/database.hpp"

namespace sige::app {

class AuditReadQueue;

struct Limits {
    std::int64_t max_upload_bytes = 50LL * 1024 * 1024;
    int login_failures_per_user = 5;     ///< within login_window, then 429
    int login_failures_per_client = 20;  ///< an office behind one address has many clerks
    std::chrono::seconds login_window{15 * 60};
    std::chrono::hours session_lifetime{12};
};

struct Env {
    storage::Database& db;
    const storage::BlobStore& blobs;
    const Clock& clock;
    AuditReadQueue& reads;
    TimeZone zone = TimeZone::Default();  ///< how instants are shown (API offsets, PDFs)
    Limits limits{};
    std::string public_url = "http://127.0.0.1:8080";  ///< base of tracking links and QR codes
    /// Public tracking names the official who registered, sent or received the dossier
    /// (--tracking-staff-names). Off by default; never for reserved dossiers.
    bool tracking_staff_names = false;
    /// Called after a use case queued an e-mail, to wake the sender (may be empty).
    std::function<void()> wake_mail{};
    /// Moves on whenever a user's credentials or rights change, so that the caches of
    /// authenticated sessions on this node forget what they knew.
    std::shared_ptr<std::atomic<std::uint64_t>> credentials_epoch =
        std::make_shared<std::atomic<std::uint64_t>>(0);
};

/// Who is asking and from where; built by the HTTP layer after authentication, or by the
/// CLI for administrative commands.
struct Caller {
    domain::Actor actor;
    std::string client;  ///< remote address, or "cli"
};

}  // namespace sige::app

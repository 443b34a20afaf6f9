#pragma once

// How use cases write the audit record. Changes: an AuditTrail collects the events of one
// use case and appends them inside its transaction, just before commit. Reads: the
// AuditReadQueue takes them without touching the database and a background thread appends
// them in batches, so reading stays cheap (ADR 0001); a crash loses at most the reads of
// the last flush interval, never a change.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/env.hpp"
#include "core/json_text.hpp"
#include "domain/audit.hpp"

namespace sige::app {

/// Events of one use case, written with its transaction.
class AuditTrail {
public:
    /// Keeps its own copy of the caller (a trail may outlive the expression that made it).
    AuditTrail(Caller caller, Timestamp now) : caller_(std::move(caller)), now_(now) {}

    /// Records `action` on `entity` #`entity_id`, concerning `dossier` if any, with the
    /// changed fields before and after (either may be empty).
    void Add(std::string action,
             std::string entity,
             std::int64_t entity_id,
             std::optional<DossierId> dossier,
             const JsonObject& before = {},
             const JsonObject& after = {});
    /// Appends the events to the chain in `tx`, then commits `tx`.
    void CommitWith(storage::Transaction& tx);

private:
    Caller caller_;
    Timestamp now_;
    std::vector<domain::AuditEvent> events_;
};

/// An event as recorded for `caller` at `now` (actor and client filled in).
domain::AuditEvent MakeEvent(const Caller& caller,
                             Timestamp now,
                             std::string action,
                             std::string entity,
                             std::int64_t entity_id,
                             std::optional<DossierId> dossier);

/// Read events waiting to be appended. Push() is cheap and thread-safe.
class AuditReadQueue {
public:
    /// Flushes every `interval`, or sooner when `batch` events wait.
    AuditReadQueue(storage::Database& db, std::chrono::milliseconds interval, std::size_t batch);
    ~AuditReadQueue();
    AuditReadQueue(const AuditReadQueue&) = delete;
    AuditReadQueue& operator=(const AuditReadQueue&) = delete;

    void Push(domain::AuditEvent event);
    /// Appends everything queued so far, now, on the calling thread.
    void Flush();
    /// Starts the background flusher.
    void Start();
    /// Stops the flusher and flushes what is left.
    void Stop();

private:
    void Run();

    storage::Database& db_;
    std::chrono::milliseconds interval_;
    std::size_t batch_;
    std::mutex mutex_;
    std::mutex flush_mutex_;  // one flush at a time keeps events in push order
    std::condition_variable wake_;
    std::vector<domain::AuditEvent> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace sige::app

#include "app/audit_trail.hpp"

#include <spdlog/spdlog.h>

#include "storage/audit_store.hpp"

namespace sige::app {

domain::AuditEvent MakeEvent(const Caller& caller,
                             Timestamp now,
                             std::string action,
                             std::string entity,
                             std::int64_t entity_id,
                             std::optional<DossierId> dossier) {
    domain::AuditEvent e;
    e.at = now;
    if (caller.actor.user.id) {
        e.actor_id = caller.actor.user.id;
    }
    // Citizens and the system act without an account: they are named, never blank.
    e.actor = caller.actor.user.username.empty() ? "sistema" : caller.actor.user.username;
    e.action = std::move(action);
    e.entity = std::move(entity);
    e.entity_id = entity_id;
    e.dossier_id = dossier;
    e.client = caller.client;
    return e;
}

void AuditTrail::Add(std::string action,
                     std::string entity,
                     std::int64_t entity_id,
                     std::optional<DossierId> dossier,
                     const JsonObject& before,
                     const JsonObject& after) {
    auto e = MakeEvent(caller_, now_, std::move(action), std::move(entity), entity_id, dossier);
    e.before = before.str();
    e.after = after.str();
    events_.push_back(std::move(e));
}

void AuditTrail::CommitWith(storage::Transaction& tx) {
    storage::AuditLog(tx).Append(events_);
    tx.Commit();
}

AuditReadQueue::AuditReadQueue(storage::Database& db,
                               std::chrono::milliseconds interval,
                               std::size_t batch)
    : db_(db), interval_(interval), batch_(batch) {}

AuditReadQueue::~AuditReadQueue() {
    Stop();
}

void AuditReadQueue::Push(domain::AuditEvent event) {
    bool wake = false;
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(event));
        wake = queue_.size() >= batch_;
    }
    if (wake) {
        wake_.notify_one();
    }
}

void AuditReadQueue::Flush() {
    std::lock_guard flush_lock(flush_mutex_);
    std::vector<domain::AuditEvent> events;
    {
        std::lock_guard lock(mutex_);
        events.swap(queue_);
    }
    if (events.empty()) {
        return;
    }
    try {
        auto tx = db_.BeginWrite();
        storage::AuditLog(*tx).Append(events);
        tx->Commit();
    } catch (const std::exception& e) {
        // Keep them for the next flush: a read record is not dropped for a passing error.
        spdlog::error("no se pudieron registrar {} lecturas en la auditoría: {}", events.size(),
                      e.what());
        std::lock_guard lock(mutex_);
        for (auto& ev : events) {
            ev.seq = 0;
            ev.prev_hash.clear();
            ev.hash.clear();
        }
        queue_.insert(queue_.begin(), std::make_move_iterator(events.begin()),
                      std::make_move_iterator(events.end()));
    }
}

void AuditReadQueue::Start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) {
        return;
    }
    stopping_ = false;
    thread_ = std::thread([this] { Run(); });
}

void AuditReadQueue::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) {
        thread_.join();
    }
    Flush();
}

void AuditReadQueue::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, interval_, [this] { return stopping_ || queue_.size() >= batch_; });
        if (queue_.empty()) {
            continue;
        }
        lock.unlock();
        Flush();
        lock.lock();
    }
}

}  // namespace sige::app

#include "app/throttle.hpp"

#include "storage/throttle_store.hpp"

namespace sige::app {

Status CheckThrottle(storage::Transaction& tx,
                     const ThrottlePolicy& p,
                     const std::string& key,
                     const std::string& client,
                     Timestamp now) {
    const Timestamp since = now - p.window;
    storage::FailedAttempts failures(tx);
    const bool by_key = p.per_key > 0 && failures.CountForKey(p.kind, key, since) >= p.per_key;
    if (!by_key && failures.CountForClient(p.kind, client, since) < p.per_client) {
        return Ok();
    }
    const Timestamp oldest = failures.OldestSince(p.kind, key, client, since).value_or(now);
    Error e(ErrorCode::kThrottled, "auth.throttled");
    const auto wait = std::chrono::duration_cast<std::chrono::seconds>(oldest + p.window - now);
    e.retry_after_seconds = int(std::max<std::int64_t>(1, wait.count()));
    return e;
}

void RecordFailedAttempt(storage::Database& db,
                         const ThrottlePolicy& p,
                         const std::string& key,
                         const std::string& client,
                         Timestamp now) {
    auto tx = db.BeginWrite();
    storage::FailedAttempts failures(*tx);
    failures.Purge(now - std::chrono::hours(24));
    failures.Record(p.kind, key, client, now);
    tx->Commit();
}

}  // namespace sige::app

#pragma once

// Throttling of guesses (API.md): wrong passwords, wrong tracking PINs and unknown tracking
// tokens are counted per key (the account or code tried) and per client address within a
// window; past a limit, 429 with Retry-After, even when the next guess is right.

#include <chrono>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace sige::app {

struct ThrottlePolicy {
    const char* kind;  ///< what is counted: "login", "tracking_pin", "tracking_token"
    int per_key;       ///< failures allowed per key in the window; 0: no per-key limit
    int per_client;    ///< failures allowed per client address in the window
    std::chrono::seconds window;
};

/// kThrottled, with the seconds until the oldest counted failure leaves the window, when
/// `key` or `client` already failed too often.
Status CheckThrottle(storage::Transaction& tx,
                     const ThrottlePolicy& policy,
                     const std::string& key,
                     const std::string& client,
                     Timestamp now);

/// Records one failure in its own write transaction, and forgets failures older than a day.
void RecordFailedAttempt(storage::Database& db,
                         const ThrottlePolicy& policy,
                         const std::string& key,
                         const std::string& client,
                         Timestamp now);

}  // namespace sige::app

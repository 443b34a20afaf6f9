#pragma once

// Repository of the e-mail outbox: messages written in the transaction of the change they
// announce, then claimed one at a time by a sender (on any node), sent, and marked.

#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace sige::storage {

struct OutboxMessage {
    std::int64_t id = 0;
    Timestamp created_at;
    std::optional<DossierId> dossier_id;
    std::string event;  ///< "transfer.sent", ...
    std::string to;
    std::string subject;
    std::string text;
    std::string html;
    std::optional<std::string> attachment_name;
    std::optional<std::string> attachment_type;
    std::optional<std::string> attachment_sha256;  ///< the bytes are a blob
    std::string message_id;
    std::string state = "pending";  ///< pending, sent, failed
    int attempts = 0;
    Timestamp next_attempt_at;
    std::optional<Timestamp> sent_at;
    std::string last_error;
};

class Outbox {
public:
    explicit Outbox(Transaction& tx) : tx_(tx) {}

    /// Adds a pending message, due at once.
    void Enqueue(const OutboxMessage& message);
    /// Whether a message with this Message-ID was ever queued (in any state).
    bool Has(const std::string& message_id);
    /// Claims the oldest due pending message not claimed by anyone else (or whose claim
    /// expired) for `claimant` until `claim_until`. Several nodes never claim the same one.
    std::optional<OutboxMessage> ClaimNext(const std::string& claimant,
                                           Timestamp now,
                                           Timestamp claim_until);
    void MarkSent(std::int64_t id, Timestamp at);
    /// Gives a claimed message back, to be tried again at `next` (attempts counted or not).
    void Retry(std::int64_t id, Timestamp next, const std::string& error, bool count_attempt);
    void MarkFailed(std::int64_t id, const std::string& error);
    /// Messages in `state` ("pending", "failed", "sent"; empty for all), newest first.
    std::vector<OutboxMessage> List(const std::string& state, int limit);
    std::int64_t Count(const std::string& state);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

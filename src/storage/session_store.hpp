#pragma once

// Repository of login sessions. They live in the database so that every node behind a load
// balancer accepts them.

#include <optional>
#include <string>

#include "domain/model.hpp"
#include "storage/database.hpp"

namespace sige::storage {

struct SessionRecord {
    std::string token_hash;  ///< SHA-256 of the token; the token itself is never stored
    UserId user_id;
    std::string csrf_token;
    std::string client;
    Timestamp created_at;
    Timestamp expires_at;
};

class Sessions {
public:
    explicit Sessions(Transaction& tx) : tx_(tx) {}

    void Insert(const SessionRecord& session);
    /// The live session with this token hash (not ended, not expired at `now`).
    std::optional<SessionRecord> FindLive(const std::string& token_hash, Timestamp now);
    void End(const std::string& token_hash, Timestamp now);
    /// Ends every live session of a user (deactivation, password reset).
    void EndAllOf(UserId user, Timestamp now);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

#pragma once

// Repository of login sessions and of failed logins (for throttling). Sessions live in the
// database so that every node behind a load balancer accepts them.

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

class LoginFailures {
public:
    explicit LoginFailures(Transaction& tx) : tx_(tx) {}

    void Record(const std::string& username, const std::string& client, Timestamp at);
    /// Failures for this username since `since`.
    int CountForUser(const std::string& username, Timestamp since);
    /// Failures from this client address since `since`.
    int CountForClient(const std::string& client, Timestamp since);
    /// The oldest failure since `since` for this user or client, to tell when it expires.
    std::optional<Timestamp> OldestSince(const std::string& username,
                                         const std::string& client,
                                         Timestamp since);
    /// Forgets failures older than `before` (they no longer count).
    void Purge(Timestamp before);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

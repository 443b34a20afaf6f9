#pragma once

// Logging in and out, and turning a session token into a Caller. Passwords are Argon2id
// hashes (libsodium); tokens are random and stored only as their SHA-256; failed logins
// are counted per account and per address and throttled (API.md).

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/env.hpp"
#include "core/result.hpp"

namespace sige::app {

struct LoginResult {
    std::string token;       ///< give to the client once; never stored
    std::string csrf_token;  ///< the client sends it back in X-CSRF-Token with the cookie
    domain::User user;
    Timestamp expires_at;
};

/// An authenticated request's caller and the CSRF token of its session.
struct Authenticated {
    Caller caller;
    std::string csrf_token;
};

class Auth {
public:
    explicit Auth(Env& env) : env_(env) {}
    Auth(const Auth&) = delete;
    Auth& operator=(const Auth&) = delete;

    /// Checks the password and opens a session. kThrottled (with retry_after_seconds) after
    /// too many failures for this username or address, even with the right password;
    /// kUnauthenticated for a wrong pair or a deactivated account. Records failures.
    Result<LoginResult> Login(const std::string& username,
                              const std::string& password,
                              const std::string& client);
    /// The caller behind a live session token; kUnauthenticated when the token is unknown,
    /// ended, expired, or its user deactivated. Answers are remembered for two seconds on
    /// this node (every request of a busy client authenticates); a logout here, or any
    /// change of users here, forgets them at once; another node's logout or deactivation
    /// takes effect here within those two seconds.
    Result<Authenticated> Authenticate(const std::string& token, const std::string& client);
    /// Ends the session of `token` (no error if it had ended).
    void Logout(const std::string& token);

private:
    struct Cached {
        Authenticated auth;
        std::chrono::steady_clock::time_point until;
        std::uint64_t epoch;
    };
    Env& env_;
    std::mutex cache_mutex_;
    std::unordered_map<std::string, Cached> cache_;  // by token hash
};

/// The actor for `user` with its scope units read in `tx` (own unit, and the units below it
/// when the user sees subunits).
domain::Actor LoadActor(storage::Transaction& tx, const domain::User& user);

}  // namespace sige::app

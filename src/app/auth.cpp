#include "app/auth.hpp"

#include "app/audit_trail.hpp"
#include "app/throttle.hpp"
#include "core/crypto.hpp"
#include "storage/catalog_store.hpp"
#include "storage/session_store.hpp"

namespace sige::app {

namespace {

/// A valid hash of a password nobody has, verified when the username is unknown so that
/// answering takes as long as for a real account.
const std::string& DummyHash() {
    static const std::string hash = crypto::HashPassword(crypto::RandomToken(16));
    return hash;
}

ThrottlePolicy LoginPolicy(const Limits& limits) {
    return {"login", limits.login_failures_per_user, limits.login_failures_per_client,
            limits.login_window};
}

}  // namespace

domain::Actor LoadActor(storage::Transaction& tx, const domain::User& user) {
    domain::Actor actor{user, {}};
    if (user.unit_id) {
        actor.scope_units = user.sees_subunits ? storage::Units(tx).Subtree(*user.unit_id)
                                               : std::vector<UnitId>{*user.unit_id};
    }
    return actor;
}

Result<LoginResult> Auth::Login(const std::string& username,
                                const std::string& password,
                                const std::string& client) {
    const Timestamp now = env_.clock.Now();
    std::optional<storage::UserCredentials> creds;
    {
        auto tx = env_.db.BeginRead();
        SIGE_TRY(CheckThrottle(*tx, LoginPolicy(env_.limits), username, client, now));
        creds = storage::Users(*tx).FindByUsername(username);
    }
    // The slow hash runs outside any transaction: it holds no lock while it works.
    const bool match = creds ? crypto::VerifyPassword(creds->password_hash, password)
                             : (crypto::VerifyPassword(DummyHash(), password), false);
    if (!match) {
        RecordFailedAttempt(env_.db, LoginPolicy(env_.limits), username, client, now);
        return Error(ErrorCode::kUnauthenticated, "auth.bad_credentials");
    }
    if (!creds->user.active) {
        return Error(ErrorCode::kUnauthenticated, "auth.inactive");
    }
    LoginResult out;
    out.token = crypto::RandomToken(32);
    out.csrf_token = crypto::RandomToken(24);
    out.user = creds->user;
    out.expires_at = now + env_.limits.session_lifetime;

    auto tx = env_.db.BeginWrite();
    storage::Sessions(*tx).Insert({crypto::Sha256Hex(out.token), creds->user.id, out.csrf_token,
                                   client, now, out.expires_at});
    Caller caller{LoadActor(*tx, creds->user), client};
    AuditTrail trail(caller, now);
    trail.Add("session.opened", "user", creds->user.id.value, std::nullopt);
    trail.CommitWith(*tx);
    return out;
}

Result<Authenticated> Auth::Authenticate(const std::string& token, const std::string& client) {
    if (token.empty() || token.size() > 200) {
        return Error(ErrorCode::kUnauthenticated, "auth.required");
    }
    constexpr auto kRemember = std::chrono::seconds(2);
    constexpr std::size_t kMaxRemembered = 20'000;
    const std::string hash = crypto::Sha256Hex(token);
    const auto steady = std::chrono::steady_clock::now();
    const std::uint64_t epoch = env_.credentials_epoch->load();
    {
        std::lock_guard lock(cache_mutex_);
        auto it = cache_.find(hash);
        if (it != cache_.end() && it->second.until > steady && it->second.epoch == epoch) {
            Authenticated known = it->second.auth;
            known.caller.client = client;
            return known;
        }
    }
    const Timestamp now = env_.clock.Now();
    auto tx = env_.db.BeginRead();
    auto session = storage::Sessions(*tx).FindLive(hash, now);
    if (!session) {
        return Error(ErrorCode::kUnauthenticated, "auth.session_expired");
    }
    auto user = storage::Users(*tx).Find(session->user_id);
    if (!user || !user->active) {
        return Error(ErrorCode::kUnauthenticated, "auth.inactive");
    }
    Authenticated out{Caller{LoadActor(*tx, *user), client}, session->csrf_token};
    const auto session_left = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        session->expires_at - now);
    std::lock_guard lock(cache_mutex_);
    if (cache_.size() >= kMaxRemembered) {
        cache_.clear();  // crude, and rare: a fresh start costs one query per session
    }
    cache_[hash] = Cached{out, steady + std::min<std::chrono::steady_clock::duration>(kRemember, session_left), epoch};
    return out;
}

void Auth::Logout(const std::string& token) {
    {
        std::lock_guard lock(cache_mutex_);
        cache_.erase(crypto::Sha256Hex(token));
    }
    auto tx = env_.db.BeginWrite();
    storage::Sessions(*tx).End(crypto::Sha256Hex(token), env_.clock.Now());
    tx->Commit();
}

}  // namespace sige::app

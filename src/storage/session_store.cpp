#include "storage/session_store.hpp"

namespace sige::storage {

void Sessions::Insert(const SessionRecord& s) {
    tx_.Execute(
        "INSERT INTO session (token_hash, user_id, csrf_token, client, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {s.token_hash, s.user_id, s.csrf_token, s.client, s.created_at, s.expires_at});
}

std::optional<SessionRecord> Sessions::FindLive(const std::string& token_hash, Timestamp now) {
    auto r = tx_.QueryOne(
        "SELECT token_hash, user_id, csrf_token, client, created_at, expires_at FROM session "
        "WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?",
        {token_hash, now});
    if (!r) {
        return std::nullopt;
    }
    return SessionRecord{r->Text(0), r->GetId<UserId>(1), r->Text(2),
                         r->Text(3), r->Time(4),          r->Time(5)};
}

void Sessions::End(const std::string& token_hash, Timestamp now) {
    tx_.Execute("UPDATE session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                {now, token_hash});
}

void Sessions::EndAllOf(UserId user, Timestamp now) {
    tx_.Execute("UPDATE session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
                {now, user});
}

}  // namespace sige::storage

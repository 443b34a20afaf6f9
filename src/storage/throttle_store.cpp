#include "storage/throttle_store.hpp"

namespace sige::storage {

void FailedAttempts::Record(const std::string& kind,
                            const std::string& key,
                            const std::string& client,
                            Timestamp at) {
    tx_.Execute("INSERT INTO failed_attempt (kind, key, client, at) VALUES (?, ?, ?, ?)",
                {kind, key, client, at});
}

int FailedAttempts::CountForKey(const std::string& kind, const std::string& key, Timestamp since) {
    return int(tx_.QueryOne("SELECT COUNT(*) FROM failed_attempt WHERE kind = ? AND key = ? "
                            "AND at >= ?",
                            {kind, key, since})
                   ->Int(0));
}

int FailedAttempts::CountForClient(const std::string& kind,
                                   const std::string& client,
                                   Timestamp since) {
    return int(tx_.QueryOne("SELECT COUNT(*) FROM failed_attempt WHERE kind = ? AND client = ? "
                            "AND at >= ?",
                            {kind, client, since})
                   ->Int(0));
}

std::optional<Timestamp> FailedAttempts::OldestSince(const std::string& kind,
                                                     const std::string& key,
                                                     const std::string& client,
                                                     Timestamp since) {
    auto r = tx_.QueryOne(
        "SELECT MIN(at) FROM failed_attempt WHERE kind = ? AND (key = ? OR client = ?) "
        "AND at >= ?",
        {kind, key, client, since});
    return r ? r->OptTime(0) : std::nullopt;
}

void FailedAttempts::Purge(Timestamp before) {
    tx_.Execute("DELETE FROM failed_attempt WHERE at < ?", {before});
}

}  // namespace sige::storage

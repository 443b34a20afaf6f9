#pragma once

// Repository of failed attempts (wrong passwords, wrong PINs, unknown tracking tokens), the
// facts throttling counts. Kept in the database so that every node counts the same.

#include <optional>
#include <string>

#include "core/time.hpp"
#include "storage/database.hpp"

namespace sige::storage {

class FailedAttempts {
public:
    explicit FailedAttempts(Transaction& tx) : tx_(tx) {}

    void Record(const std::string& kind,
                const std::string& key,
                const std::string& client,
                Timestamp at);
    int CountForKey(const std::string& kind, const std::string& key, Timestamp since);
    int CountForClient(const std::string& kind, const std::string& client, Timestamp since);
    /// The oldest failure since `since` for this key or this client: when it leaves the
    /// window, the throttle lifts.
    std::optional<Timestamp> OldestSince(const std::string& kind,
                                         const std::string& key,
                                         const std::string& client,
                                         Timestamp since);
    /// Forgets failures before `before` (every kind).
    void Purge(Timestamp before);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

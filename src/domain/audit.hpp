#pragma once

// The audit record (PRODUCT.md §4): every change and every read of a dossier is an event,
// appended, never updated. Each event carries the hash of the one before it, so altering,
// removing or reordering a stored event breaks the chain at that point.

#include <cstdint>
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace sige::domain {

/// Hash of the event before the first one.
inline const std::string kGenesisHash(64, '0');

struct AuditEvent {
    std::int64_t seq = 0;  ///< position in the chain, from 1, without gaps
    Timestamp at;
    std::optional<UserId> actor_id;  ///< none for the system or a citizen
    std::string actor;               ///< username at the time, "sistema" otherwise
    std::string action;              ///< "dossier.registered", "dossier.read", ...
    std::string entity;              ///< "dossier", "transfer", "user", ...
    std::int64_t entity_id = 0;
    std::optional<DossierId> dossier_id;  ///< the dossier it concerns, for its history
    std::string client;                   ///< client address, or "cli"
    std::string before;                   ///< JSON of the changed fields before, or empty
    std::string after;                    ///< JSON of the changed fields after, or empty
    std::string prev_hash;
    std::string hash;
};

/// The bytes that are hashed: every field but `hash`, each as "<length>:<bytes>;" so that no
/// two different events share a form.
std::string CanonicalForm(const AuditEvent& event);

/// SHA-256 hex of prev_hash followed by the canonical form; `event.prev_hash` must be set.
std::string ChainHash(const AuditEvent& event);

/// True for the events that only record an access (they stay out of the history by default).
bool IsReadAction(const std::string& action);

}  // namespace sige::domain

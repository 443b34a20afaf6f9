#pragma once

// Repository of the audit chain: appends events under the chain's head lock, reads them
// back in order for verification and for a dossier's history.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "storage/database.hpp"

namespace sige::storage {

struct AuditHead {
    std::int64_t seq = 0;
    std::string hash;
};

class AuditLog {
public:
    explicit AuditLog(Transaction& tx) : tx_(tx) {}

    /// Appends `events` in order after the head, filling in seq, prev_hash and hash, and
    /// moves the head. The head row stays locked until the transaction ends, so concurrent
    /// appenders (several nodes) form one line.
    void Append(std::vector<domain::AuditEvent>& events);
    /// The chain's head as recorded.
    AuditHead Head();
    /// Up to `limit` events with seq > `after_seq`, in order.
    std::vector<domain::AuditEvent> After(std::int64_t after_seq, int limit);
    /// The events of a virtual-desk submission, oldest first.
    std::vector<domain::AuditEvent> OfSubmission(std::int64_t submission);
    /// The events concerning a dossier, oldest first; reads only when asked.
    std::vector<domain::AuditEvent> OfDossier(DossierId dossier, bool include_reads);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

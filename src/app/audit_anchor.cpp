#include "app/audit_anchor.hpp"

#include "app/mail.hpp"
#include "core/crypto.hpp"
#include "storage/audit_store.hpp"
#include "storage/outbox_store.hpp"

namespace sige::app {

int QueueDailyAuditAnchor(Env& env, const std::vector<std::string>& to) {
    if (to.empty()) {
        return 0;
    }
    const std::string when = env.zone.FormatHuman(env.clock.Now());  // "21/11/2026 00:10"
    const std::string day = when.substr(6, 4) + when.substr(3, 2) + when.substr(0, 2);
    int queued = 0;
    try {
        auto tx = env.db.BeginWrite();
        const storage::AuditHead head = storage::AuditLog(*tx).Head();
        if (head.seq == 0) {
            return 0;
        }
        storage::Outbox outbox(*tx);
        for (const auto& address : to) {
            // One per day and address, whichever node gets there first: the Message-ID
            // is derived from both, and the outbox keeps Message-IDs unique.
            const std::string id = "<ancla-" + day + "-" +
                                   crypto::Sha256Hex(address).substr(0, 16) + "@" +
                                   HostOf(env.public_url) + ">";
            if (outbox.Has(id)) {
                continue;
            }
            notify::AnchorNotice n{address, env.public_url, when, head.seq, head.hash};
            QueueEmail(*tx, env, notify::AuditAnchorEmail(n), "audit.anchor", std::nullopt, nullptr,
                       id);
            ++queued;
        }
        tx->Commit();
    } catch (const storage::UniqueViolation&) {
        return 0;  // another node queued the same anchors at the same moment
    }
    WakeMailSender(env, queued > 0);
    return queued;
}

}  // namespace sige::app

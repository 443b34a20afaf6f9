#pragma once

// Telling applicants by e-mail what happens to their dossier. Notices are queued in the
// outbox inside the transaction of the change they announce, so no e-mail is promised for
// a change that rolled back; the MailSender delivers them in the background, on whichever
// node claims them, with retries when the SMTP server is away.

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "app/env.hpp"
#include "domain/model.hpp"
#include "notify/email.hpp"
#include "notify/templates_es.hpp"
#include "storage/database.hpp"

namespace sige::app {

class Names;
struct Pdf;

enum class NoticeKind { kRegistered, kTransferred, kArchived, kCompleted };

/// What every notice about an applicant's file says: who, which file, when, the link.
notify::Notice BaseNotice(storage::Transaction& tx,
                          Names& names,
                          const Env& env,
                          OrganizationId organization,
                          const domain::Applicant& applicant,
                          const std::string& tracking_token);

/// Queues `email` in `tx` (the outbox), with `attachment` kept as a blob. `message_id`
/// ("<...@...>") is random unless given.
void QueueEmail(storage::Transaction& tx,
                const Env& env,
                const notify::Email& email,
                std::string event,
                std::optional<DossierId> dossier,
                const Pdf* attachment,
                std::string message_id = {});

/// The host name in `url` ("https://tramite.example.gob.pe/x" → "tramite.example.gob.pe"),
/// for Message-IDs; "localhost" when there is none.
std::string HostOf(const std::string& url);

/// Queues the notice of `kind` about `dossier` in `tx` when its applicant gave an e-mail
/// address and consented; returns whether it did (then call WakeMailSender after commit).
/// `unit` is where the dossier is (registered, archived) or goes (transferred). The
/// registration notice carries the receipt PDF.
bool QueueApplicantNotice(storage::Transaction& tx,
                          Names& names,
                          Env& env,
                          const domain::Dossier& dossier,
                          NoticeKind kind,
                          UnitId unit);

/// Tells the sender that messages were committed to the outbox, if any were.
inline void WakeMailSender(const Env& env, bool queued) {
    if (queued && env.wake_mail) {
        env.wake_mail();
    }
}

struct MailSettings {
    std::string smtp_url;  ///< empty: messages wait in the outbox
    std::string from = "sige <no-responder@localhost>";
};

/// Delivers the outbox. One per process; several processes may share one database.
class MailSender {
public:
    MailSender(storage::Database& db,
               const storage::BlobStore& blobs,
               const Clock& clock,
               MailSettings settings);
    ~MailSender();
    MailSender(const MailSender&) = delete;
    MailSender& operator=(const MailSender&) = delete;

    /// Starts the background loop (nothing happens without an SMTP URL).
    void Start();
    /// Stops the loop after the message in hand.
    void Stop();
    /// Wakes the loop now (a message was queued).
    void Wake();
    /// Sends every due message, one at a time, until none is due or the SMTP server is
    /// unreachable; returns how many were sent.
    int SendDue();

private:
    void Run();

    storage::Database& db_;
    const storage::BlobStore& blobs_;
    const Clock& clock_;
    MailSettings settings_;
    std::string claimant_;
    std::chrono::seconds pause_{0};  // grows while the server is unreachable
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace sige::app

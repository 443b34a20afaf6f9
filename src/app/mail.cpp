#include "app/mail.hpp"

#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "app/common.hpp"
#include "app/printouts.hpp"
#include "core/crypto.hpp"
#include "notify/smtp.hpp"
#include "storage/blob_store.hpp"
#include "storage/catalog_store.hpp"
#include "storage/outbox_store.hpp"

namespace sige::app {

namespace {

constexpr int kMaxAttempts = 8;                       // for messages the server refuses
constexpr auto kClaim = std::chrono::minutes(5);      // a claim's lease
constexpr auto kPoll = std::chrono::seconds(2);       // how often the outbox is looked at
constexpr auto kMaxPause = std::chrono::seconds(30);  // between tries of an absent server

}  // namespace

notify::Notice BaseNotice(storage::Transaction& tx,
                          Names& names,
                          const Env& env,
                          OrganizationId organization,
                          const domain::Applicant& applicant,
                          const std::string& tracking_token) {
    notify::Notice n;
    n.to = applicant.email;
    n.organization = names.Organization(organization);
    n.applicant = applicant.name;
    n.when = ZoneOf(tx, organization, env.zone).FormatHuman(env.clock.Now());
    n.tracking_url = env.public_url + "/t/" + tracking_token;
    return n;
}

std::string HostOf(const std::string& url) {
    auto start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    auto end = url.find_first_of(":/", start);
    std::string host =
        url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    return host.empty() ? "localhost" : host;
}

void QueueEmail(storage::Transaction& tx,
                const Env& env,
                const notify::Email& email,
                std::string event,
                std::optional<DossierId> dossier,
                const Pdf* attachment,
                std::string message_id) {
    storage::OutboxMessage m;
    if (attachment != nullptr) {
        // The attachment travels as a blob: durable before the row that names it.
        auto blob = env.blobs.Put(attachment->bytes);
        m.attachment_name = attachment->file_name;
        m.attachment_type = "application/pdf";
        m.attachment_sha256 = blob.sha256;
    }
    m.created_at = env.clock.Now();
    m.dossier_id = dossier;
    m.event = std::move(event);
    m.to = email.to;
    m.subject = email.subject;
    m.text = email.text;
    m.html = email.html;
    m.message_id = message_id.empty()
                       ? "<" + crypto::RandomToken(18) + "@" + HostOf(env.public_url) + ">"
                       : std::move(message_id);
    storage::Outbox(tx).Enqueue(m);
}

bool QueueApplicantNotice(storage::Transaction& tx,
                          Names& names,
                          Env& env,
                          const domain::Dossier& d,
                          NoticeKind kind,
                          UnitId unit) {
    if (!d.applicant || !d.applicant->consent || d.applicant->email.empty()) {
        return false;
    }
    notify::Notice n =
        BaseNotice(tx, names, env, d.organization_id, *d.applicant, d.tracking_token);
    n.code = d.code;
    n.summary = d.summary;
    n.unit = names.Unit(unit);
    switch (kind) {
        case NoticeKind::kRegistered: {
            n.pin = d.pin;
            const Pdf receipt = ReceiptPdf(tx, names, env, d);
            QueueEmail(tx, env, notify::RegisteredEmail(n), "dossier.registered", d.id, &receipt);
            break;
        }
        case NoticeKind::kTransferred:
            QueueEmail(tx, env, notify::TransferredEmail(n), "transfer.sent", d.id, nullptr);
            break;
        case NoticeKind::kArchived:
            QueueEmail(tx, env, notify::ArchivedEmail(n), "dossier.archived", d.id, nullptr);
            break;
        case NoticeKind::kCompleted:
            QueueEmail(tx, env, notify::CompletedEmail(n), "dossier.resolved", d.id, nullptr);
            break;
    }
    return true;
}

MailSender::MailSender(storage::Database& db,
                       const storage::BlobStore& blobs,
                       const Clock& clock,
                       MailSettings settings)
    : db_(db),
      blobs_(blobs),
      clock_(clock),
      settings_(std::move(settings)),
      claimant_("node-" + crypto::RandomToken(9)) {}

MailSender::~MailSender() {
    Stop();
}

void MailSender::Start() {
    if (settings_.smtp_url.empty() || thread_.joinable()) {
        return;
    }
    thread_ = std::thread([this] { Run(); });
}

void MailSender::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void MailSender::Wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_one();
}

void MailSender::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            SendDue();
        } catch (const std::exception& e) {
            spdlog::error("correo: {}", e.what());
        }
        lock.lock();
        if (pause_.count() > 0) {
            // The SMTP server is away: new messages (Wake) do not shorten the pause.
            wake_.wait_for(lock, pause_, [this] { return stopping_; });
        } else {
            wake_.wait_for(lock, kPoll, [this] { return stopping_ || woken_; });
        }
        woken_ = false;
    }
}

int MailSender::SendDue() {
    int sent = 0;
    for (;;) {
        const Timestamp now = clock_.Now();
        std::optional<storage::OutboxMessage> m;
        {
            auto tx = db_.BeginWrite();
            m = storage::Outbox(*tx).ClaimNext(claimant_, now, now + kClaim);
            tx->Commit();
        }
        if (!m) {
            return sent;
        }
        notify::Email email{m->to, m->subject, m->text, m->html, std::nullopt};
        if (m->attachment_sha256) {
            std::ifstream in(blobs_.PathOf(*m->attachment_sha256), std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            email.attachment =
                notify::EmailAttachment{m->attachment_name.value_or("adjunto"),
                                        m->attachment_type.value_or(""), bytes.str()};
        }
        const std::string mime = notify::ComposeMime(email, settings_.from, m->message_id, now);
        auto result = notify::SendSmtp(settings_.smtp_url, settings_.from, m->to, mime);
        auto tx = db_.BeginWrite();
        storage::Outbox outbox(*tx);
        if (result.sent) {
            outbox.MarkSent(m->id, clock_.Now());
            tx->Commit();
            pause_ = std::chrono::seconds(0);
            ++sent;
            continue;
        }
        if (result.transient) {
            // The server is away: the message waits, and so do the others, with a pause that
            // grows up to kMaxPause; it does not count against the message.
            pause_ = std::min<std::chrono::seconds>(
                kMaxPause, pause_.count() == 0 ? std::chrono::seconds(2) : pause_ * 2);
            // Only this node pauses: the message stays due, so another node that reaches
            // its SMTP server sends it meanwhile.
            outbox.Retry(m->id, clock_.Now(), result.error, /*count_attempt=*/false);
            tx->Commit();
            spdlog::warn("correo: servidor SMTP no disponible ({}); se reintenta en {} s",
                         result.error, pause_.count());
            return sent;
        }
        if (m->attempts + 1 >= kMaxAttempts) {
            outbox.MarkFailed(m->id, result.error);
        } else {
            outbox.Retry(m->id, clock_.Now() + std::chrono::minutes(1 << m->attempts), result.error,
                         /*count_attempt=*/true);
        }
        tx->Commit();
        spdlog::warn("correo {} a {} rechazado: {}", m->id, m->to, result.error);
    }
}

}  // namespace sige::app

#include "storage/outbox_store.hpp"

namespace sige::storage {

namespace {

constexpr std::string_view kColumns =
    "id, created_at, dossier_id, event, to_address, subject, text_body, html_body, "
    "attachment_name, attachment_type, attachment_sha256, message_id, state, attempts, "
    "next_attempt_at, sent_at, last_error";

OutboxMessage ReadMessage(const Row& r) {
    OutboxMessage m;
    m.id = r.Int(0);
    m.created_at = r.Time(1);
    m.dossier_id = r.OptId<DossierId>(2);
    m.event = r.Text(3);
    m.to = r.Text(4);
    m.subject = r.Text(5);
    m.text = r.Text(6);
    m.html = r.Text(7);
    m.attachment_name = r.OptText(8);
    m.attachment_type = r.OptText(9);
    m.attachment_sha256 = r.OptText(10);
    m.message_id = r.Text(11);
    m.state = r.Text(12);
    m.attempts = int(r.Int(13));
    m.next_attempt_at = r.Time(14);
    m.sent_at = r.OptTime(15);
    m.last_error = r.Text(16);
    return m;
}

}  // namespace

void Outbox::Enqueue(const OutboxMessage& m) {
    tx_.Execute(
        "INSERT INTO outbox (created_at, dossier_id, event, to_address, subject, text_body, "
        "html_body, attachment_name, attachment_type, attachment_sha256, message_id, state, "
        "attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
        {m.created_at, m.dossier_id, m.event, m.to, m.subject, m.text, m.html, m.attachment_name,
         m.attachment_type, m.attachment_sha256, m.message_id, m.created_at});
}

bool Outbox::Has(const std::string& message_id) {
    return tx_.QueryOne("SELECT 1 FROM outbox WHERE message_id = ?", {message_id}).has_value();
}

std::optional<OutboxMessage> Outbox::ClaimNext(const std::string& claimant,
                                               Timestamp now,
                                               Timestamp claim_until) {
    auto r = tx_.QueryOne(
        "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ("
        "SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? "
        "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT 1" +
            std::string(tx_.dialect().SkipLocked()) + ") RETURNING " + std::string(kColumns),
        {claimant, claim_until, now, now});
    if (!r) {
        return std::nullopt;
    }
    return ReadMessage(*r);
}

void Outbox::MarkSent(std::int64_t id, Timestamp at) {
    tx_.Execute(
        "UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, "
        "claimed_by = NULL, claimed_until = NULL, last_error = '' WHERE id = ?",
        {at, id});
}

void Outbox::Retry(std::int64_t id, Timestamp next, const std::string& error, bool count_attempt) {
    tx_.Execute(
        "UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ?, "
        "claimed_by = NULL, claimed_until = NULL WHERE id = ?",
        {next, error, count_attempt ? 1 : 0, id});
}

void Outbox::MarkFailed(std::int64_t id, const std::string& error) {
    tx_.Execute(
        "UPDATE outbox SET state = 'failed', last_error = ?, attempts = attempts + 1, "
        "claimed_by = NULL, claimed_until = NULL WHERE id = ?",
        {error, id});
}

std::vector<OutboxMessage> Outbox::List(const std::string& state, int limit) {
    std::vector<OutboxMessage> out;
    for (const auto& r : tx_.Query("SELECT " + std::string(kColumns) +
                                       " FROM outbox WHERE (? = '' OR state = ?) "
                                       "ORDER BY id DESC LIMIT ?",
                                   {state, state, limit})) {
        out.push_back(ReadMessage(r));
    }
    return out;
}

std::int64_t Outbox::Count(const std::string& state) {
    return tx_.QueryOne("SELECT COUNT(*) FROM outbox WHERE (? = '' OR state = ?)", {state, state})
        ->Int(0);
}

}  // namespace sige::storage

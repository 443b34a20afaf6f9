#include "app/tracking.hpp"

#include "app/common.hpp"
#include "app/throttle.hpp"
#include "core/crypto.hpp"
#include "core/messages_es.hpp"
#include "core/text.hpp"
#include "storage/audit_store.hpp"
#include "storage/catalog_store.hpp"
#include "storage/dossier_store.hpp"
#include "storage/submission_store.hpp"
#include "storage/transfer_store.hpp"

namespace sige::app {

namespace {

constexpr int kFailuresPerCode = 5;
constexpr int kFailuresPerClient = 20;
constexpr std::chrono::seconds kWindow{15 * 60};

/// The public meaning of an audit event, or nullopt for what stays inside (edits,
/// annotations, attachments, reads).
std::optional<TrackingEvent> PublicEvent(storage::Transaction& tx,
                                         Names& names,
                                         const domain::AuditEvent& e,
                                         bool staff_names) {
    auto transfer_unit = [&](bool destination) -> std::string {
        auto t = storage::Transfers(tx).Find(TransferId(e.entity_id));
        return t ? names.Unit(destination ? t->to_unit_id : t->from_unit_id) : std::string();
    };
    TrackingEvent ev;
    ev.at = e.at;
    if (e.action == "submission.submitted") {
        ev.action = "submitted";
    } else if (e.action == "submission.observed") {
        ev.action = "observed";
    } else if (e.action == "submission.corrected") {
        ev.action = "corrected";
    } else if (e.action == "submission.rejected") {
        ev.action = "rejected";
    } else if (e.action == "dossier.registered") {
        ev.action = "registered";
        if (e.dossier_id) {
            if (auto d = storage::Dossiers(tx).Find(*e.dossier_id)) {
                ev.unit = names.Unit(d->desk_unit_id);
            }
        }
    } else if (e.action == "transfer.sent") {
        ev.action = "sent";
        ev.unit = transfer_unit(true);
    } else if (e.action == "transfer.received") {
        ev.action = "received";
        ev.unit = transfer_unit(true);
    } else if (e.action == "transfer.reverted") {
        ev.action = "reverted";
        ev.unit = transfer_unit(false);
    } else if (e.action == "dossier.resolved") {
        ev.action = "resolved";
    } else if (e.action == "dossier.archived") {
        ev.action = "archived";
    } else if (e.action == "dossier.unarchived") {
        ev.action = "reopened";
    } else if (e.action == "dossier.annulled") {
        ev.action = "annulled";
    } else {
        return std::nullopt;
    }
    ev.description = MessageEs("tracking.event." + ev.action, {ev.unit});
    if (staff_names && e.actor_id) {
        ev.staff = names.User(*e.actor_id);
    }
    return ev;
}

std::vector<TrackingEvent> Timeline(storage::Transaction& tx,
                                    Names& names,
                                    std::vector<domain::AuditEvent> events,
                                    bool reserved,
                                    bool staff_names) {
    std::sort(events.begin(), events.end(),
              [](const auto& a, const auto& b) { return a.seq < b.seq; });
    std::vector<TrackingEvent> out;
    for (const auto& e : events) {
        if (auto ev = PublicEvent(tx, names, e, staff_names && !reserved)) {
            if (reserved) {
                ev->unit.clear();
                ev->description = MessageEs("tracking.event." + ev->action + ".reserved");
            }
            out.push_back(std::move(*ev));
        }
    }
    return out;
}

TrackingView ForDossier(storage::Transaction& tx, const domain::Dossier& d, bool staff_names) {
    Names names(tx);
    TrackingView v;
    v.token = d.tracking_token;
    v.code = d.code;
    v.state = std::string(domain::ToString(d.state));
    v.reserved = d.reserved;
    v.organization = names.Organization(d.organization_id);
    v.since = d.custody_since;
    std::vector<domain::AuditEvent> events = storage::AuditLog(tx).OfDossier(d.id, false);
    if (auto s = storage::Submissions(tx).FindByDossier(d.id)) {
        v.number = s->number;
        auto before = storage::AuditLog(tx).OfSubmission(s->id);
        for (auto& e : before) {
            if (e.action != "submission.accepted") {  // "registered" says it
                events.push_back(std::move(e));
            }
        }
    }
    if (!d.reserved) {
        v.summary = d.summary;
        v.unit = names.Unit(d.custody_unit_id);
    }
    v.events = Timeline(tx, names, std::move(events), d.reserved, staff_names);
    return v;
}

TrackingView ForSubmission(storage::Transaction& tx,
                           const domain::Submission& s,
                           Timestamp now,
                           bool staff_names) {
    Names names(tx);
    TrackingView v;
    v.token = s.tracking_token;
    v.number = s.number;
    v.state = std::string(domain::ToString(s.state));
    v.organization = names.Organization(s.organization_id);
    v.summary = s.summary;
    if (auto desk = storage::Units(tx).MainDesk(s.organization_id)) {
        v.unit = names.Unit(*desk);
    }
    v.since = s.decided_at ? s.decided_at : s.submitted_at;
    v.observation = s.observation;
    v.correction_deadline = s.correction_deadline;
    v.rejection_reason = s.rejection_reason;
    v.can_correct = domain::CheckCanCorrect(s, now).has_value();
    v.events = Timeline(tx, names, storage::AuditLog(tx).OfSubmission(s.id), false, staff_names);
    for (const auto& f : storage::Submissions(tx).Files(s.id)) {
        v.files.push_back({f.name, f.content_type, f.size});
    }
    return v;
}

// API.md: wrong PINs per code and per client address; unknown tokens per address.
constexpr ThrottlePolicy kPinPolicy{"tracking_pin", kFailuresPerCode, kFailuresPerClient, kWindow};
constexpr ThrottlePolicy kTokenPolicy{"tracking_token", 0, kFailuresPerClient, kWindow};

}  // namespace

Result<TrackingView> PublicTracking::ByToken(const std::string& token, const std::string& client) {
    const Timestamp now = env_.clock.Now();
    {
        auto tx = env_.db.BeginRead();
        SIGE_TRY(CheckThrottle(*tx, kTokenPolicy, "", client, now));
        if (token.size() <= 64) {
            if (auto d = storage::Dossiers(*tx).FindByTrackingToken(token)) {
                return ForDossier(*tx, *d, env_.tracking_staff_names);
            }
            auto s = storage::Submissions(*tx).FindByTrackingToken(token);
            if (s && s->state != domain::SubmissionState::kDraft) {
                return ForSubmission(*tx, *s, now, env_.tracking_staff_names);
            }
        }
    }
    RecordFailedAttempt(env_.db, kTokenPolicy, "", client, now);
    return Error(ErrorCode::kNotFound, "tracking.not_found");
}

Result<TrackingView> PublicTracking::ByCodeAndPin(const std::string& raw_code,
                                                  const std::string& pin,
                                                  const std::string& client) {
    const Timestamp now = env_.clock.Now();
    // As people copy it from paper: spaces around it, lower case.
    const std::string code = text::ToUpperAscii(text::Trim(raw_code)).substr(0, 64);
    std::optional<domain::Dossier> match;
    {
        auto tx = env_.db.BeginRead();
        SIGE_TRY(CheckThrottle(*tx, kPinPolicy, code, client, now));
        // The same work whether the code exists or not: every candidate's PIN is compared in
        // constant time, and a missing code is compared against a PIN nobody has.
        auto candidates = storage::Dossiers(*tx).FindByCode(code);
        static const std::string kNobody = "\x01\x02\x03\x04\x05\x06";
        bool any = false;
        for (const auto& d : candidates) {
            const bool ok = crypto::ConstantTimeEquals(d.pin, pin);
            if (ok && !any) {
                match = d;
                any = true;
            }
        }
        if (candidates.empty()) {
            (void)crypto::ConstantTimeEquals(kNobody, pin);
        }
        if (match) {
            return ForDossier(*tx, *match, env_.tracking_staff_names);
        }
    }
    RecordFailedAttempt(env_.db, kPinPolicy, code, client, now);
    return Error(ErrorCode::kNotFound, "tracking.bad_code_or_pin");
}

}  // namespace sige::app

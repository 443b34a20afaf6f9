#pragma once

// The Spanish e-mails sige sends to applicants, in plain text and HTML, always with the
// tracking link so that nobody has to visit the office to ask "who has my file?".

#include <cstdint>
#include <string>

#include "notify/email.hpp"

namespace sige::notify {

/// What a notice may say; unused fields stay empty.
struct Notice {
    std::string to;
    std::string organization;
    std::string applicant;
    std::string code;
    std::string summary;
    std::string when;  ///< "21/11/2026 09:15", in the organisation's zone
    std::string unit;  ///< where the dossier is, or goes
    std::string tracking_url;
    std::string pin;
    std::string number;    ///< the virtual desk's submission number
    std::string reason;    ///< of an observation or a rejection
    std::string deadline;  ///< to correct an observed submission, "dd/mm/yyyy"
};

/// The dossier was registered; carries the PIN (the receipt is attached by the caller).
Email RegisteredEmail(const Notice& n);
/// The dossier was sent to another unit.
Email TransferredEmail(const Notice& n);
/// The dossier was archived.
Email ArchivedEmail(const Notice& n);
/// The procedure concluded (the dossier was resolved).
Email CompletedEmail(const Notice& n);

/// The virtual desk received a submission (the acknowledgement).
Email SubmissionReceivedEmail(const Notice& n);
/// The desk accepted it: the dossier's code and PIN (the receipt is attached by the caller).
Email AcceptedEmail(const Notice& n);
/// The desk observed it: what to correct and until when.
Email ObservedEmail(const Notice& n);
/// The desk rejected it, and why.
Email RejectedEmail(const Notice& n);

/// The head of the audit chain on a day, for someone outside the system to keep.
struct AnchorNotice {
    std::string to;
    std::string installation;  ///< the public address of the installation
    std::string when;          ///< "21/11/2026 00:10", in the installation's zone
    std::int64_t seq = 0;
    std::string hash;
};

/// The daily anchor of the audit chain (docs/OPERATIONS.md): keep it; it proves later
/// that nobody rewrote the record since.
Email AuditAnchorEmail(const AnchorNotice& n);

/// `text` with &, <, >, " escaped for HTML.
std::string EscapeHtml(const std::string& text);

}  // namespace sige::notify

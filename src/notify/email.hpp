#pragma once

// E-mail messages as sige sends them: plain text and HTML alternatives, optionally one
// attachment (the receipt PDF), composed as RFC 5322 / MIME text ready for SMTP.

#include <optional>
#include <string>

#include "core/time.hpp"

namespace sige::notify {

struct EmailAttachment {
    std::string name;          ///< "cargo-1367-GSC-2026.pdf"
    std::string content_type;  ///< "application/pdf"
    std::string bytes;
};

struct Email {
    std::string to;
    std::string subject;
    std::string text;
    std::string html;
    std::optional<EmailAttachment> attachment;
};

/// The whole message: headers (From, To, Subject encoded as UTF-8 words, Date, Message-ID,
/// MIME-Version) and a multipart body (alternative text/html, inside mixed when there is an
/// attachment), lines ending in CRLF, bodies in base64. `message_id` is "<...@...>".
std::string ComposeMime(const Email& email,
                        const std::string& from,
                        const std::string& message_id,
                        Timestamp date);

/// `text` as an RFC 2047 encoded word when it is not plain ASCII.
std::string EncodeHeaderWord(const std::string& text);

/// Base64 with lines of 76 characters separated by CRLF.
std::string Base64Lines(const std::string& bytes);

}  // namespace sige::notify

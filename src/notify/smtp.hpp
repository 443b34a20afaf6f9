#pragma once

// Delivering one composed message over SMTP (libcurl). Thread-safe: each call uses its own
// connection.

#include <string>

namespace sige::notify {

struct SmtpResult {
    bool sent = false;
    /// The server could not be reached or answered 4xx: try again later. Otherwise the
    /// message was refused for good (5xx, bad address).
    bool transient = false;
    std::string error;
};

/// Sends `mime` from `from_address` to `to_address` through the server at `url`
/// ("smtp://host:port", or "smtps://..."; user and password may be in the URL).
SmtpResult SendSmtp(const std::string& url,
                    const std::string& from_address,
                    const std::string& to_address,
                    const std::string& mime);

/// The bare address inside "Name <address>", or the text itself.
std::string BareAddress(const std::string& mailbox);

}  // namespace sige::notify

#pragma once

// Public tracking (PRODUCT.md §6): "who has my file, since when", for the citizen, by the
// link of the receipt's QR or by code and PIN. It shows states, units and dates; never an
// internal annotation, and no staff name unless the installation chooses to show them
// (Env::tracking_staff_names). A reserved dossier shows only code, state and dates.
// Guessing is throttled and costs the same time whether a code exists or not.

#include <optional>
#include <string>
#include <vector>

#include "app/env.hpp"
#include "core/result.hpp"

namespace sige::app {

struct TrackingEvent {
    Timestamp at;
    std::string action;       ///< "submitted", "registered", "sent", "received", "archived", ...
    std::string unit;         ///< where it happened or went; empty when reserved
    std::string description;  ///< in Spanish, for people
    std::string staff;        ///< the official who did it; empty unless configured (see above)
};

struct TrackingFile {
    std::string name;
    std::string content_type;
    std::int64_t size = 0;
};

struct TrackingView {
    std::string token;  ///< the tracking token (so that code + PIN can lead to /t/{token})
    std::optional<std::string> code;  ///< null until the desk accepts a submission
    std::string number;               ///< the virtual desk's submission number, if any
    std::string state;                ///< dossier state, or submitted / observed / rejected
    bool reserved = false;
    std::string organization;
    std::string summary;  ///< empty when reserved
    std::optional<std::string> unit;
    std::optional<Timestamp> since;
    std::optional<Timestamp> deadline;  ///< of the procedure, when there is one
    bool overdue = false;
    std::vector<TrackingEvent> events;
    std::string observation;  ///< what the desk asks the citizen to correct
    std::optional<Timestamp> correction_deadline;
    std::string rejection_reason;
    bool can_correct = false;  ///< observed and within the deadline
    /// The files a submission (not yet a dossier) carries: name, type and size only.
    std::vector<TrackingFile> files;
};

class PublicTracking {
public:
    explicit PublicTracking(Env& env) : env_(env) {}

    /// By the token of the link. kNotFound for an unknown token (counted against the client
    /// address); kThrottled after too many unknown tokens from one address.
    Result<TrackingView> ByToken(const std::string& token, const std::string& client);
    /// By code and PIN. kNotFound with the same message whether the code is unknown or the
    /// PIN wrong; kThrottled after 5 failures for a code or 20 for an address in 15 minutes,
    /// even with the right PIN.
    Result<TrackingView> ByCodeAndPin(const std::string& code,
                                      const std::string& pin,
                                      const std::string& client);

private:
    Env& env_;
};

}  // namespace sige::app

#pragma once

// The citizen's tracking pages, rendered on the server as plain HTML that works without
// JavaScript on any phone: /t/{token} (the receipt's QR) and /t (code + PIN).

#include <string>

#include "app/tracking.hpp"
#include "core/time.hpp"
#include "http/message.hpp"

namespace sige::http {

/// The page of one dossier or submission.
Response TrackingPage(const app::TrackingView& view, const TimeZone& zone);
/// The form to look a dossier up by code and PIN, with an optional error and the code typed.
Response TrackingFormPage(int status, const std::string& error, const std::string& code);

}  // namespace sige::http

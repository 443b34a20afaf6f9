#pragma once

// RFC 9457 problem details in Spanish. The one place where an ErrorCode becomes an HTTP
// status.

#include <string>

#include "core/result.hpp"
#include "http/message.hpp"

namespace sige::http {

/// The HTTP status of an expected error: kInvalidInput 422, kMalformed 400,
/// kUnauthenticated 401, kForbidden 403, kNotFound 404, kConflict 409, kTooLarge 413,
/// kThrottled 429, kUnavailable 503.
int HttpStatus(ErrorCode code);

/// The Spanish sentence for `error` (a throttled one says how many seconds to wait).
std::string ProblemMessage(const Error& error);

/// The headers an error calls for: `Retry-After` when throttled, `WWW-Authenticate` when
/// unauthenticated. For responses other than problem documents (HTML pages).
void AddProblemHeaders(Response& response, const Error& error);

/// An `application/problem+json` response for `error`, with `errors: [{field, message}]`
/// for field errors and `Retry-After` when throttled.
Response ProblemResponse(const Error& error);

/// A problem for a status that has no ErrorCode (405, 500).
Response ProblemResponse(int status,
                         const std::string& message_key,
                         const std::vector<std::string>& args = {});

}  // namespace sige::http

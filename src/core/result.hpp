#pragma once

// Expected outcomes as values: Result<T> holds either a T or an Error. Invalid input, not
// found, forbidden, conflict and wrong state are Errors; anything else (a broken disk, a
// bug) is an exception caught once per request. C++20 has no std::expected; this keeps its
// surface (has_value, value, error, operator bool) so it can become an alias later.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sige {

/// What went wrong, independent of transport. http/problem.cpp maps each to one status.
enum class ErrorCode {
    kInvalidInput,     ///< a field is missing or wrong (422), or the body is unreadable (400)
    kMalformed,        ///< the request cannot be read at all: bad JSON, not an object (400)
    kUnauthenticated,  ///< no valid session or token (401)
    kForbidden,        ///< the profile or custody rule does not allow it (403)
    kNotFound,         ///< does not exist, or the caller may not know it exists (404)
    kConflict,         ///< the state does not allow it: in transit, archived, twice (409)
    kTooLarge,         ///< over a size limit (413)
    kThrottled,        ///< too many attempts (429)
    kUnavailable,      ///< storage not usable (503)
};

/// One field's problem: `field` is the JSON path as the client wrote it ("applicant.id_number").
struct FieldError {
    std::string field;
    std::string message_key;
    std::vector<std::string> args;  ///< substituted for {} in the Spanish text, in order
};

/// An expected failure. `message_key` names a Spanish text in core/messages_es.cpp.
struct Error {
    ErrorCode code = ErrorCode::kInvalidInput;
    std::string message_key;
    std::vector<FieldError> fields;  ///< for kInvalidInput: every field at fault
    std::vector<std::string> args;   ///< substituted for {} in the message
    int retry_after_seconds = 0;     ///< for kThrottled

    Error() = default;
    Error(ErrorCode c, std::string key) : code(c), message_key(std::move(key)) {}

    /// One invalid field; the problem's detail repeats the field's message.
    static Error Field(std::string field, std::string key, std::vector<std::string> args = {}) {
        Error e(ErrorCode::kInvalidInput, key);
        e.args = args;
        e.fields.push_back({std::move(field), std::move(key), std::move(args)});
        return e;
    }
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool has_value() const { return v_.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T& operator*() & { return std::get<0>(v_); }
    const T& operator*() const& { return std::get<0>(v_); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

/// Result of an operation that returns nothing on success.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool has_value() const { return !error_.has_value(); }
    explicit operator bool() const { return has_value(); }
    const Error& error() const { return *error_; }

private:
    std::optional<Error> error_;
};

using Status = Result<void>;

inline Status Ok() {
    return {};
}

/// Collects field errors while validating a whole input, so the client learns every
/// problem at once instead of one per round trip.
class Validation {
public:
    void Add(std::string field, std::string key, std::vector<std::string> args = {}) {
        fields_.push_back({std::move(field), std::move(key), std::move(args)});
    }
    bool ok() const { return fields_.empty(); }
    /// The combined error; its message is the first field's. Precondition: !ok().
    Error ToError() const {
        Error e(ErrorCode::kInvalidInput, fields_.front().message_key);
        e.args = fields_.front().args;
        e.fields = fields_;
        return e;
    }
    Status ToStatus() const { return ok() ? Status{} : Status{ToError()}; }

private:
    std::vector<FieldError> fields_;
};

}  // namespace sige

/// Returns the error of a Result-valued expression from the enclosing function.
#define SIGE_TRY(expr)                       \
    do {                                     \
        auto sige_try_result_ = (expr);      \
        if (!sige_try_result_) {             \
            return sige_try_result_.error(); \
        }                                    \
    } while (false)

#pragma once

// JSON in and out of the API: parsing a body into an object, reading typed fields while
// collecting every error with its field name, and writing responses.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "core/result.hpp"
#include "http/message.hpp"

namespace sige::http {

namespace json = boost::json;

/// The body as a JSON object. kMalformed for bad JSON or a non-object; an empty body is an
/// empty object when `optional`, else kMalformed.
Result<json::object> ParseObject(const Request& request, bool optional = false);

/// Reads typed fields of one JSON object. A field of the wrong type adds an error named
/// with its path ("applicant.id_number") and reads as absent; absent and null read as absent.
class FieldReader {
public:
    FieldReader(const json::object& object, Validation& validation, std::string prefix = "")
        : object_(object), v_(validation), prefix_(std::move(prefix)) {}

    bool Has(std::string_view key) const;
    bool IsNull(std::string_view key) const;
    /// Adds field.required when `key` is absent or null; returns whether it was missing.
    bool Require(std::string_view key);
    std::optional<std::string> Text(std::string_view key);
    std::optional<std::int64_t> Integer(std::string_view key);
    /// An integer that fits an int; out of range adds field.range.
    std::optional<int> Int(std::string_view key);
    std::optional<bool> Bool(std::string_view key);
    const json::object* Object(std::string_view key);
    const json::array* Array(std::string_view key);
    /// A text that `parse` accepts; otherwise adds field.enum listing `allowed`.
    template <class T, class Parse>
    std::optional<T> Enum(std::string_view key, Parse parse, std::string_view allowed) {
        auto s = Text(key);
        if (!s) {
            return std::nullopt;
        }
        auto value = parse(*s);
        if (!value) {
            v_.Add(Path(key), "field.enum", {std::string(allowed)});
        }
        return value;
    }
    /// A positive integer id; anything else adds field.id.
    template <class IdT>
    std::optional<IdT> Id(std::string_view key) {
        auto n = Integer(key);
        if (!n) {
            return std::nullopt;
        }
        if (*n <= 0) {
            v_.Add(Path(key), "field.id");
            return std::nullopt;
        }
        return IdT(*n);
    }
    /// The path of `key` as errors name it.
    std::string Path(std::string_view key) const;
    Validation& validation() { return v_; }

private:
    const json::value* Get(std::string_view key) const;
    const json::object& object_;
    Validation& v_;
    std::string prefix_;
};

/// A JSON response with `status`.
Response JsonResponse(int status, const json::value& body);

/// `{"items": [...], "total": N}`.
json::object PageJson(json::array items, std::int64_t total);

/// Paging from the query string: page >= 1, 1 <= per_page <= 500 (default 50).
struct Paging {
    int page = 1;
    int per_page = 50;
};
Result<Paging> ReadPaging(const Request& request);

/// The path placeholder at `index` as a positive id; kNotFound when it is not a number
/// (an id that cannot exist).
template <class IdT>
Result<IdT> PathId(const Request& request, std::size_t index = 0);

/// Parses an unsigned decimal id; nullopt when not a positive 63-bit number.
std::optional<std::int64_t> ParseId(std::string_view text);

/// An optional id in the query string; kInvalidInput naming the parameter when malformed.
template <class IdT>
Result<std::optional<IdT>> QueryId(const Request& request, std::string_view name) {
    auto text = request.Query(name);
    if (!text || text->empty()) {
        return std::optional<IdT>();
    }
    auto n = ParseId(*text);
    if (!n) {
        return Error::Field(std::string(name), "field.type_integer");
    }
    return std::optional<IdT>(IdT(*n));
}

template <class IdT>
Result<IdT> PathId(const Request& request, std::size_t index) {
    if (index >= request.path_params.size()) {
        return Error(ErrorCode::kNotFound, "request.no_such_id");
    }
    auto n = ParseId(request.path_params[index]);
    if (!n) {
        return Error(ErrorCode::kNotFound, "request.no_such_id");
    }
    return IdT(*n);
}

}  // namespace sige::http

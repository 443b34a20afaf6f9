#include "http/json_io.hpp"

#include <charconv>
#include <limits>

namespace sige::http {

Result<json::object> ParseObject(const Request& request, bool optional) {
    if (request.body.empty() || request.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        if (optional) {
            return json::object();
        }
        return Error(ErrorCode::kMalformed, "request.malformed_json");
    }
    json::error_code ec;
    json::value v = json::parse(request.body, ec);
    if (ec) {
        return Error(ErrorCode::kMalformed, "request.malformed_json");
    }
    if (!v.is_object()) {
        return Error(ErrorCode::kMalformed, "request.not_object");
    }
    return std::move(v.as_object());
}

const json::value* FieldReader::Get(std::string_view key) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->value().is_null()) {
        return nullptr;
    }
    return &it->value();
}

std::string FieldReader::Path(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

bool FieldReader::Has(std::string_view key) const {
    return object_.contains(key);
}

bool FieldReader::IsNull(std::string_view key) const {
    auto it = object_.find(key);
    return it != object_.end() && it->value().is_null();
}

bool FieldReader::Require(std::string_view key) {
    if (Has(key) && !IsNull(key)) {
        return false;
    }
    v_.Add(Path(key), "field.required");
    return true;
}

std::optional<std::string> FieldReader::Text(std::string_view key) {
    const auto* v = Get(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        v_.Add(Path(key), "field.type_text");
        return std::nullopt;
    }
    return std::string(v->as_string());
}

std::optional<std::int64_t> FieldReader::Integer(std::string_view key) {
    const auto* v = Get(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_int64()) {
        return v->as_int64();
    }
    if (v->is_uint64() &&
        v->as_uint64() <= std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
        return std::int64_t(v->as_uint64());
    }
    if (v->is_double()) {
        double d = v->as_double();
        if (d == double(std::int64_t(d)) && d > -9e15 && d < 9e15) {
            return std::int64_t(d);
        }
    }
    v_.Add(Path(key), "field.type_integer");
    return std::nullopt;
}

std::optional<int> FieldReader::Int(std::string_view key) {
    auto n = Integer(key);
    if (!n) {
        return std::nullopt;
    }
    if (*n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()) {
        v_.Add(Path(key), "field.range",
               {std::to_string(std::numeric_limits<int>::min()),
                std::to_string(std::numeric_limits<int>::max())});
        return std::nullopt;
    }
    return int(*n);
}

std::optional<bool> FieldReader::Bool(std::string_view key) {
    const auto* v = Get(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_bool()) {
        v_.Add(Path(key), "field.type_boolean");
        return std::nullopt;
    }
    return v->as_bool();
}

const json::object* FieldReader::Object(std::string_view key) {
    const auto* v = Get(key);
    if (v == nullptr) {
        return nullptr;
    }
    if (!v->is_object()) {
        v_.Add(Path(key), "field.type_object");
        return nullptr;
    }
    return &v->as_object();
}

const json::array* FieldReader::Array(std::string_view key) {
    const auto* v = Get(key);
    if (v == nullptr) {
        return nullptr;
    }
    if (!v->is_array()) {
        v_.Add(Path(key), "field.type_array");
        return nullptr;
    }
    return &v->as_array();
}

Response JsonResponse(int status, const json::value& body) {
    Response r;
    r.status = status;
    r.body = json::serialize(body);
    return r;
}

json::object PageJson(json::array items, std::int64_t total) {
    json::object o;
    o["items"] = std::move(items);
    o["total"] = total;
    return o;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n <= 0 || text.size() > 18) {
        return std::nullopt;
    }
    return n;
}

Result<Paging> ReadPaging(const Request& request) {
    Paging p;
    Validation v;
    if (auto page = request.Query("page")) {
        auto n = ParseId(*page);
        if (!n || *n > 1'000'000) {
            v.Add("page", "field.range", {"1", "1000000"});
        } else {
            p.page = int(*n);
        }
    }
    if (auto per = request.Query("per_page")) {
        auto n = ParseId(*per);
        if (!n || *n > 500) {
            v.Add("per_page", "field.range", {"1", "500"});
        } else {
            p.per_page = int(*n);
        }
    }
    if (!v.ok()) {
        return v.ToError();
    }
    return p;
}

}  // namespace sige::http

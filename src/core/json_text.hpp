#pragma once

// A minimal writer of flat JSON objects, for the audit record's before/after payloads, which
// must be produced below the HTTP layer. Keys keep insertion order, so the same fields
// always give the same text (the audit hash depends on it).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sige {

/// `s` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view s);

class JsonObject {
public:
    JsonObject& Add(std::string_view key, std::string_view value);
    JsonObject& Add(std::string_view key, const char* value) {
        return Add(key, std::string_view(value));
    }
    JsonObject& Add(std::string_view key, const std::string& value) {
        return Add(key, std::string_view(value));
    }
    JsonObject& Add(std::string_view key, std::int64_t value);
    JsonObject& Add(std::string_view key, int value) { return Add(key, std::int64_t(value)); }
    JsonObject& Add(std::string_view key, bool value);
    JsonObject& AddNull(std::string_view key);
    /// Adds a value already written as JSON.
    JsonObject& AddRaw(std::string_view key, std::string_view json);
    template <class T>
    JsonObject& Add(std::string_view key, const std::optional<T>& value) {
        return value ? Add(key, *value) : AddNull(key);
    }

    bool empty() const { return fields_.empty(); }
    const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
    /// "{...}", or "" when empty (an absent payload).
    std::string str() const;

private:
    std::vector<std::pair<std::string, std::string>> fields_;  // key, JSON value
};

}  // namespace sige

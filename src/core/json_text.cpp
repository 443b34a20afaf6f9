#include "core/json_text.hpp"

#include <cstdio>

namespace sige {

std::string JsonQuote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                    out += buf;
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
    return out;
}

JsonObject& JsonObject::Add(std::string_view key, std::string_view value) {
    fields_.emplace_back(std::string(key), JsonQuote(value));
    return *this;
}

JsonObject& JsonObject::Add(std::string_view key, std::int64_t value) {
    fields_.emplace_back(std::string(key), std::to_string(value));
    return *this;
}

JsonObject& JsonObject::Add(std::string_view key, bool value) {
    fields_.emplace_back(std::string(key), value ? "true" : "false");
    return *this;
}

JsonObject& JsonObject::AddNull(std::string_view key) {
    fields_.emplace_back(std::string(key), "null");
    return *this;
}

JsonObject& JsonObject::AddRaw(std::string_view key, std::string_view json) {
    fields_.emplace_back(std::string(key), std::string(json));
    return *this;
}

std::string JsonObject::str() const {
    if (fields_.empty()) {
        return "";
    }
    std::string out = "{";
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += JsonQuote(fields_[i].first);
        out += ':';
        out += fields_[i].second;
    }
    out += '}';
    return out;
}

}  // namespace sige

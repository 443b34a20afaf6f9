#include "http/message.hpp"

namespace sige::http {

std::string_view Request::Header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
        if (name == lower_name) {
            return value;
        }
    }
    return {};
}

std::optional<std::string> Request::Query(std::string_view name) const {
    for (const auto& [k, v] : query) {
        if (k == name) {
            return v;
        }
    }
    return std::nullopt;
}

}  // namespace sige::http

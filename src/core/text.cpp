#include "core/text.hpp"

#include <cstdint>

namespace sige::text {

bool IsValidUtf8(std::string_view s) {
    std::size_t i = 0;
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size()) {
        unsigned char c = b[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int n = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (int k = 1; k <= n; ++k) {
            if (i + k >= s.size() || (b[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

std::size_t Utf8Length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) {
            ++n;
        }
    }
    return n;
}

bool HasControlChars(std::string_view s, bool allow_newlines) {
    for (unsigned char c : s) {
        if (c == '\t') {
            continue;
        }
        if (allow_newlines && (c == '\n' || c == '\r')) {
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            return true;
        }
    }
    return false;
}

std::string Trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

std::string ToUpperAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = char(c - 'a' + 'A');
        }
    }
    return out;
}

bool IsDigits(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

bool IsAlnumAscii(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool IsPlausibleEmail(std::string_view s) {
    auto at = s.find('@');
    if (s.size() > 254 || at == std::string_view::npos || at == 0 ||
        s.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    auto dot = s.find('.', at);
    return dot != std::string_view::npos && dot > at + 1 && dot + 1 < s.size() &&
           s.find_first_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace sige::text

#include "notify/email.hpp"

#include <date/date.h>

#include "core/crypto.hpp"

namespace sige::notify {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(const std::string& in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        unsigned n =
            (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
        out += kAlphabet[n >> 18];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    if (i + 1 == in.size()) {
        unsigned n = (unsigned char)in[i] << 16;
        out += kAlphabet[n >> 18];
        out += kAlphabet[(n >> 12) & 63];
        out += "==";
    } else if (i + 2 == in.size()) {
        unsigned n = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
        out += kAlphabet[n >> 18];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

bool IsAscii(const std::string& s) {
    for (unsigned char c : s) {
        if (c >= 0x80 || c < 0x20) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string Base64Lines(const std::string& bytes) {
    const std::string flat = Base64(bytes);
    std::string out;
    for (std::size_t i = 0; i < flat.size(); i += 76) {
        out += flat.substr(i, 76);
        out += "\r\n";
    }
    return out;
}

std::string EncodeHeaderWord(const std::string& text) {
    if (IsAscii(text)) {
        return text;
    }
    // Encoded words are at most 75 characters: split the UTF-8 text on character
    // boundaries into pieces of at most 45 bytes (60 base64 characters).
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + 45);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + Base64(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string ComposeMime(const Email& e,
                        const std::string& from,
                        const std::string& message_id,
                        Timestamp date) {
    const std::string boundary_alt = "alt-" + crypto::RandomToken(12);
    const std::string boundary_mix = "mix-" + crypto::RandomToken(12);
    std::string m;
    m += "From: " + from + "\r\n";
    m += "To: " + e.to + "\r\n";
    m += "Subject: " + EncodeHeaderWord(e.subject) + "\r\n";
    m += "Date: " +
         date::format("%a, %d %b %Y %H:%M:%S +0000", date::floor<std::chrono::seconds>(date)) +
         "\r\n";
    m += "Message-ID: " + message_id + "\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Auto-Submitted: auto-generated\r\n";

    std::string alternative;
    alternative += "--" + boundary_alt + "\r\n";
    alternative +=
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    alternative += Base64Lines(e.text);
    alternative += "--" + boundary_alt + "\r\n";
    alternative +=
        "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    alternative += Base64Lines(e.html);
    alternative += "--" + boundary_alt + "--\r\n";

    if (!e.attachment) {
        m += "Content-Type: multipart/alternative; boundary=\"" + boundary_alt + "\"\r\n\r\n";
        m += alternative;
        return m;
    }
    m += "Content-Type: multipart/mixed; boundary=\"" + boundary_mix + "\"\r\n\r\n";
    m += "--" + boundary_mix + "\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary_alt + "\"\r\n\r\n";
    m += alternative;
    m += "--" + boundary_mix + "\r\n";
    m +=
        "Content-Type: " + e.attachment->content_type + "; name=\"" + e.attachment->name + "\"\r\n";
    m += "Content-Disposition: attachment; filename=\"" + e.attachment->name + "\"\r\n";
    m += "Content-Transfer-Encoding: base64\r\n\r\n";
    m += Base64Lines(e.attachment->bytes);
    m += "--" + boundary_mix + "--\r\n";
    return m;
}

}  // namespace sige::notify

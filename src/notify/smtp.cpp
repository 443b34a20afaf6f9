#include "notify/smtp.hpp"

#include <cstring>
#include <mutex>

#include <curl/curl.h>

namespace sige::notify {

namespace {

struct Upload {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t ReadChunk(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* up = static_cast<Upload*>(user);
    const std::size_t room = size * count;
    const std::size_t left = up->data->size() - up->offset;
    const std::size_t n = std::min(room, left);
    std::memcpy(buffer, up->data->data() + up->offset, n);
    up->offset += n;
    return n;
}

void GlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string BareAddress(const std::string& mailbox) {
    auto open = mailbox.find('<');
    auto close = mailbox.find('>', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && close != std::string::npos) {
        return mailbox.substr(open + 1, close - open - 1);
    }
    return mailbox;
}

SmtpResult SendSmtp(const std::string& url,
                    const std::string& from_address,
                    const std::string& to_address,
                    const std::string& mime) {
    GlobalInit();
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
        return {false, true, "libcurl no pudo inicializarse"};
    }
    Upload upload{&mime};
    const std::string from = "<" + BareAddress(from_address) + ">";
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + to_address + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (url.rfind("smtps://", 0) == 0) {
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    }
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode rc = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (rc == CURLE_OK) {
        return {true, false, ""};
    }
    SmtpResult r;
    r.error = std::string(curl_easy_strerror(rc)) + (error[0] ? std::string(": ") + error : "");
    // Connection problems and 4xx replies are temporary; a 5xx reply is final.
    r.transient = code < 500;
    return r;
}

}  // namespace sige::notify

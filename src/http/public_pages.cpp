#include "http/public_pages.hpp"

#include "core/messages_es.hpp"
#include "notify/templates_es.hpp"

namespace sige::http {

namespace {

using notify::EscapeHtml;

// Small, readable on a cheap phone, legible in sunlight: system fonts, large text, strong
// contrast, one column.
constexpr const char* kStyle =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;"
    "background:#f4f6f8;color:#1f2933;font-size:17px;line-height:1.45}"
    "header{background:#1b4f8a;color:#fff;padding:14px 16px}"
    "header p{margin:0;font-size:14px;opacity:.9}header h1{margin:2px 0 0;font-size:20px}"
    "main{max-width:640px;margin:0 auto;padding:16px}"
    ".card{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:16px;margin:0 0 16px}"
    ".state{display:inline-block;padding:4px 10px;border-radius:999px;background:#e3ecf7;"
    "color:#1b4f8a;font-weight:600}"
    ".state.observed,.state.rejected,.state.annulled{background:#fdecea;color:#8a1c12}"
    ".state.archived,.state.resolved{background:#e6f4ea;color:#1e5631}"
    "dl{margin:12px 0 0}dt{font-size:13px;color:#52606d;text-transform:uppercase;margin-top:10px}"
    "dd{margin:2px 0 0;font-weight:600}"
    "ol{list-style:none;padding:0;margin:0}li{padding:10px 0 10px 16px;border-left:3px solid "
    "#9fb3c8;"
    "margin-left:6px}li time{display:block;font-size:14px;color:#52606d}"
    ".notice{background:#fff8e1;border-color:#f0c36d}"
    "label{display:block;font-weight:600;margin:12px 0 4px}"
    "input{width:100%;box-sizing:border-box;font-size:18px;padding:10px;border:1px solid #829ab1;"
    "border-radius:6px}input:focus,a:focus,button:focus{outline:3px solid "
    "#f0b429;outline-offset:2px}"
    "button,.button{display:inline-block;margin-top:16px;background:#1b4f8a;color:#fff;border:0;"
    "border-radius:6px;padding:12px 18px;font-size:17px;text-decoration:none}"
    ".error{color:#8a1c12;font-weight:600}footer{font-size:13px;color:#52606d;padding:8px 16px "
    "24px;"
    "text-align:center}";

constexpr const char* kPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

Response Page(int status,
              const std::string& title,
              const std::string& heading,
              const std::string& body) {
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body =
        "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\"><title>" +
        EscapeHtml(title) + "</title><style>" + kStyle + "</style></head><body><header><p>" +
        EscapeHtml(MessageEs("tracking.page.header")) + "</p><h1>" + EscapeHtml(heading) +
        "</h1></header><main>" + body + "</main><footer>" +
        EscapeHtml(MessageEs("tracking.page.footer")) + "</footer></body></html>";
    r.SetHeader("Content-Security-Policy", kPolicy);
    r.SetHeader("Referrer-Policy", "no-referrer");
    r.SetHeader("Cache-Control", "no-store");
    return r;
}

std::string Item(const std::string& label_key, const std::string& value) {
    return "<dt>" + EscapeHtml(MessageEs(label_key)) + "</dt><dd>" + EscapeHtml(value) + "</dd>";
}

}  // namespace

Response TrackingPage(const app::TrackingView& v, const TimeZone& zone) {
    const std::string state_label = MessageEs("state." + v.state);
    const std::string heading = v.code ? MessageEs("tracking.page.dossier", {*v.code})
                                       : MessageEs("tracking.page.submission", {v.number});
    std::string body = "<section class=\"card\"><span class=\"state " + EscapeHtml(v.state) +
                       "\">" + EscapeHtml(state_label) + "</span><dl>";
    body += Item("tracking.page.organization", v.organization);
    if (!v.summary.empty()) {
        body += Item("tracking.page.summary", v.summary);
    }
    if (v.unit) {
        body += Item(v.code ? "tracking.page.unit" : "tracking.page.desk", *v.unit);
    }
    if (v.since) {
        body += Item("tracking.page.since", zone.FormatHuman(*v.since));
    }
    if (v.deadline) {
        body += Item(v.overdue ? "tracking.page.overdue" : "tracking.page.deadline",
                     zone.FormatHuman(*v.deadline).substr(0, 10));
    }
    if (!v.number.empty() && v.code) {
        body += Item("tracking.page.number", v.number);
    }
    body += "</dl></section>";
    if (!v.observation.empty() && v.state == "observed") {
        body += "<section class=\"card notice\"><h2>" +
                EscapeHtml(MessageEs("tracking.page.observation")) + "</h2><p>" +
                EscapeHtml(v.observation) + "</p>";
        if (v.correction_deadline) {
            const std::string day = zone.FormatHuman(*v.correction_deadline).substr(0, 10);
            body += "<p>" +
                    EscapeHtml(MessageEs(v.can_correct ? "tracking.page.correct_until"
                                                       : "tracking.page.correct_expired",
                                         {day})) +
                    "</p>";
        }
        if (v.can_correct) {
            body += "<a class=\"button\" href=\"/mesa-virtual/subsanar/" + EscapeHtml(v.token) +
                    "\">" + EscapeHtml(MessageEs("tracking.page.correct")) + "</a>";
        }
        body += "</section>";
    }
    if (!v.rejection_reason.empty() && v.state == "rejected") {
        body += "<section class=\"card notice\"><h2>" +
                EscapeHtml(MessageEs("tracking.page.rejected")) + "</h2><p>" +
                EscapeHtml(v.rejection_reason) + "</p></section>";
    }
    body += "<section class=\"card\"><h2>" + EscapeHtml(MessageEs("tracking.page.timeline")) +
            "</h2><ol>";
    for (auto it = v.events.rbegin(); it != v.events.rend(); ++it) {
        body += "<li><time>" + EscapeHtml(zone.FormatHuman(it->at)) + "</time>" +
                EscapeHtml(it->description);
        if (!it->staff.empty()) {
            body += " <span class=\"staff\">" +
                    EscapeHtml(MessageEs("tracking.page.staff", {it->staff})) + "</span>";
        }
        body += "</li>";
    }
    body += "</ol></section>";
    return Page(200, heading, heading, body);
}

Response TrackingFormPage(int status, const std::string& error, const std::string& code) {
    std::string body =
        "<section class=\"card\"><p>" + EscapeHtml(MessageEs("tracking.form.intro")) + "</p>";
    if (!error.empty()) {
        body += "<p class=\"error\" role=\"alert\">" + EscapeHtml(error) + "</p>";
    }
    body += "<form method=\"post\" action=\"/t\"><label for=\"code\">" +
            EscapeHtml(MessageEs("tracking.form.code")) +
            "</label><input id=\"code\" name=\"code\" autocomplete=\"off\" required value=\"" +
            EscapeHtml(code) + "\" placeholder=\"1367-2026\"><label for=\"pin\">" +
            EscapeHtml(MessageEs("tracking.form.pin")) +
            "</label><input id=\"pin\" name=\"pin\" inputmode=\"numeric\" autocomplete=\"off\" "
            "required maxlength=\"12\"><button type=\"submit\">" +
            EscapeHtml(MessageEs("tracking.form.submit")) + "</button></form></section>";
    return Page(status, MessageEs("tracking.form.title"), MessageEs("tracking.form.title"), body);
}

}  // namespace sige::http

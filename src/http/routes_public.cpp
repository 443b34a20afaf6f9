// Routes anyone may call: the virtual desk's three steps, corrections of an observed
// submission, and public tracking (JSON for applications, HTML at /t for phones).

#include "app/tracking.hpp"
#include "app/virtual_desk.hpp"
#include "core/messages_es.hpp"
#include "http/api.hpp"
#include "http/dto.hpp"
#include "http/public_pages.hpp"

namespace sige::http {

namespace {

/// The code-and-PIN form again, saying what went wrong (with the error's own headers).
Response TrackingErrorPage(const Error& e, const std::string& code) {
    Response r = TrackingFormPage(HttpStatus(e.code), ProblemMessage(e), code);
    AddProblemHeaders(r, e);
    return r;
}

/// "a=1&b=x+y%C3%B1" as name/value pairs (application/x-www-form-urlencoded).
std::vector<std::pair<std::string, std::string>> ParseForm(std::string_view body) {
    auto decode = [](std::string_view s) {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '+') {
                out.push_back(' ');
            } else if (s[i] == '%' && i + 2 < s.size() &&
                       std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                       std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
                out.push_back(char(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
                i += 2;
            } else {
                out.push_back(s[i]);
            }
        }
        return out;
    };
    std::vector<std::pair<std::string, std::string>> out;
    while (!body.empty()) {
        auto amp = body.find('&');
        auto part = body.substr(0, amp);
        auto eq = part.find('=');
        out.emplace_back(decode(part.substr(0, eq)),
                         eq == std::string_view::npos ? "" : decode(part.substr(eq + 1)));
        body = amp == std::string_view::npos ? "" : body.substr(amp + 1);
    }
    return out;
}

std::string FormValue(const std::vector<std::pair<std::string, std::string>>& form,
                      std::string_view name) {
    for (const auto& [k, v] : form) {
        if (k == name) {
            return v;
        }
    }
    return "";
}

json::object TrackingJson(const app::TrackingView& v, const TimeZone& zone, bool with_token) {
    json::array events;
    for (const auto& e : v.events) {
        json::object o{
            {"at", zone.FormatIso(e.at)}, {"action", e.action}, {"description", e.description}};
        o["unit"] = e.unit.empty() ? json::value(nullptr) : json::value(e.unit);
        o["staff"] = e.staff.empty() ? json::value(nullptr) : json::value(e.staff);
        events.push_back(std::move(o));
    }
    json::object o;
    o["code"] = v.code ? json::value(*v.code) : json::value(nullptr);
    o["number"] = v.number.empty() ? json::value(nullptr) : json::value(v.number);
    o["state"] = v.state;
    o["reserved"] = v.reserved;
    o["organization"] = v.organization;
    if (!v.reserved) {
        o["summary"] = v.summary;
    }
    o["custody_unit"] =
        v.unit ? json::value(json::object{{"name", *v.unit}}) : json::value(nullptr);
    o["since"] = v.since ? json::value(zone.FormatIso(*v.since)) : json::value(nullptr);
    o["deadline"] = v.deadline ? json::value(zone.FormatIso(*v.deadline)) : json::value(nullptr);
    o["overdue"] = v.overdue;
    o["events"] = std::move(events);
    o["observation"] = v.observation.empty() ? json::value(nullptr) : json::value(v.observation);
    o["correction_deadline"] = v.correction_deadline
                                   ? json::value(zone.FormatIso(*v.correction_deadline))
                                   : json::value(nullptr);
    o["rejection_reason"] =
        v.rejection_reason.empty() ? json::value(nullptr) : json::value(v.rejection_reason);
    o["can_correct"] = v.can_correct;
    json::array files;
    for (const auto& f : v.files) {
        files.push_back(
            json::object{{"name", f.name}, {"content_type", f.content_type}, {"size", f.size}});
    }
    o["files"] = std::move(files);
    if (with_token) {
        o["tracking_token"] = v.token;
    }
    return o;
}

json::object SubmissionFileJson(const domain::SubmissionFile& f, const TimeZone& zone) {
    return json::object{
        {"id", f.id},     {"name", f.name},     {"content_type", f.content_type},
        {"size", f.size}, {"sha256", f.sha256}, {"created_at", zone.FormatIso(f.created_at)}};
}

json::object ReceiptJson(const app::SubmissionReceipt& r) {
    return json::object{{"number", r.number},
                        {"tracking_token", r.tracking_token},
                        {"tracking_url", r.tracking_url}};
}

domain::SubmissionInput ReadSubmissionInput(FieldReader& f) {
    domain::SubmissionInput in;
    f.Require("applicant");
    domain::DossierInput as_dossier = ReadDossierInput(f);  // applicant, type_id, summary
    in.applicant = as_dossier.applicant;
    in.type_id = as_dossier.type_id;
    in.summary = as_dossier.summary;
    in.procedure_id = as_dossier.procedure_id;
    if (auto consent = f.Bool("consent"); consent && in.applicant) {
        in.applicant->consent = *consent;
    }
    return in;
}

std::optional<std::int64_t> DeclaredSize(const Request& req) {
    std::string_view length = req.Header("content-length");
    if (length.empty()) {
        return std::nullopt;
    }
    return ParseId(length);
}

}  // namespace

void AddPublicRoutes(Router& router, Services& s) {
    const TimeZone& zone = s.env.zone;

    // What a citizen may file online: the active external types of every organisation.
    router.AddPublic("GET", "/api/v1/public/dossier-types", [&s](Request&) {
        auto orgs = s.catalog.Organizations();
        auto types = s.catalog.Types(std::nullopt);
        if (!types) {
            return ProblemResponse(types.error());
        }
        json::array items;
        for (const auto& t : *types) {
            if (!t.active || t.origin != domain::Origin::kExternal) {
                continue;
            }
            std::string org_name;
            for (const auto& o : orgs) {
                if (o.id == t.organization_id) {
                    org_name = o.name;
                }
            }
            json::object o = DossierTypeJson(t);
            o["organization_name"] = org_name;
            items.push_back(std::move(o));
        }
        const auto total = std::int64_t(items.size());
        Response r = JsonResponse(200, PageJson(std::move(items), total));
        r.SetHeader("Cache-Control", "public, max-age=300");
        return r;
    });

    // ---- the virtual desk ----------------------------------------------------------------

    router.AddPublic("POST", "/api/v1/public/submissions", [&s](Request& req) {
        return WithBody(req, ReadSubmissionInput, [&](domain::SubmissionInput in) {
            return Answer(s.virtual_desk.CreateDraft(req.client, std::move(in)), 201,
                          [](const app::DraftCreated& d) {
                              return json::object{{"id", d.id}, {"upload_token", d.upload_token}};
                          });
        });
    });

    router.AddPublicUpload(
        "POST", "/api/v1/public/submissions/{id}/attachments",
        [&s, &zone](Request& req) {
            return WithId<DossierId>(req, [&](DossierId id) {
                return Answer(
                    s.virtual_desk.FinishUpload(id.value, std::string(req.Header("x-upload-token")),
                                                req.Query("name").value_or(""), *req.upload),
                    201,
                    [&](const domain::SubmissionFile& f) { return SubmissionFileJson(f, zone); });
            });
        },
        [&s](Request& req) -> std::optional<Response> {
            auto id = PathId<DossierId>(req);
            if (!id) {
                return ProblemResponse(id.error());
            }
            auto ok =
                s.virtual_desk.CheckUpload(id->value, std::string(req.Header("x-upload-token")),
                                           req.Query("name").value_or(""), DeclaredSize(req));
            if (!ok) {
                return ProblemResponse(ok.error());
            }
            return std::nullopt;
        },
        domain::kMaxSubmissionFileBytes);

    router.AddPublic("POST", "/api/v1/public/submissions/{id}/submit", [&s](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return Answer(s.virtual_desk.Submit(id.value, std::string(req.Header("x-upload-token")),
                                                req.client),
                          200, ReceiptJson);
        });
    });

    router.AddPublicUpload(
        "POST", "/api/v1/public/tracking/{token}/attachments",
        [&s, &zone](Request& req) {
            return Answer(
                s.virtual_desk.FinishCorrection(req.path_params.at(0),
                                                req.Query("name").value_or(""), *req.upload),
                201, [&](const domain::SubmissionFile& f) { return SubmissionFileJson(f, zone); });
        },
        [&s](Request& req) -> std::optional<Response> {
            auto ok = s.virtual_desk.CheckCorrection(
                req.path_params.at(0), req.Query("name").value_or(""), DeclaredSize(req));
            if (!ok) {
                return ProblemResponse(ok.error());
            }
            return std::nullopt;
        },
        domain::kMaxSubmissionFileBytes);

    router.AddPublic("POST", "/api/v1/public/tracking/{token}/resubmit", [&s](Request& req) {
        return Answer(s.virtual_desk.Resubmit(req.path_params.at(0), req.client), 200, ReceiptJson);
    });

    // ---- public tracking -----------------------------------------------------------------

    router.AddPublic("GET", "/api/v1/public/tracking/{token}", [&s, &zone](Request& req) {
        return Answer(s.tracking.ByToken(req.path_params.at(0), req.client), 200,
                      [&](const app::TrackingView& v) { return TrackingJson(v, zone, false); });
    });

    struct CodeAndPin {
        std::string code;
        std::string pin;
    };
    router.AddPublic("POST", "/api/v1/public/tracking", [&s, &zone](Request& req) {
        return WithBody(
            req,
            [](FieldReader& f) {
                f.Require("code");
                f.Require("pin");
                return CodeAndPin{f.Text("code").value_or(""), f.Text("pin").value_or("")};
            },
            [&](const CodeAndPin& in) {
                return Answer(
                    s.tracking.ByCodeAndPin(in.code, in.pin, req.client), 200,
                    [&](const app::TrackingView& v) { return TrackingJson(v, zone, true); });
            });
    });

    router.AddPublic("GET", "/t/{token}", [&s, &zone](Request& req) {
        auto view = s.tracking.ByToken(req.path_params.at(0), req.client);
        if (!view) {
            return TrackingErrorPage(view.error(), "");
        }
        return TrackingPage(*view, zone);
    });

    router.AddPublic("GET", "/t", [](Request&) { return TrackingFormPage(200, "", ""); });

    router.AddPublic("POST", "/t", [&s](Request& req) {
        const auto form = ParseForm(req.body);
        const std::string code = FormValue(form, "code");
        auto view = s.tracking.ByCodeAndPin(code, FormValue(form, "pin"), req.client);
        if (!view) {
            return TrackingErrorPage(view.error(), code);
        }
        Response r;
        r.status = 303;
        r.content_type.clear();
        r.SetHeader("Location", "/t/" + view->token);
        return r;
    });
}

}  // namespace sige::http

// Routes of the desk's side of the virtual desk ("Mesa virtual" tray): list, look at,
// accept, observe, reject.

#include "app/virtual_desk.hpp"
#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

namespace {

json::object SubmissionJson(const app::SubmissionView& v, const TimeZone& zone) {
    const auto& s = v.submission;
    auto opt_time = [&](const std::optional<Timestamp>& t) {
        return t ? json::value(zone.FormatIso(*t)) : json::value(nullptr);
    };
    json::array files;
    for (const auto& f : v.files) {
        files.push_back(json::object{{"id", f.id},
                                     {"name", f.name},
                                     {"content_type", f.content_type},
                                     {"size", f.size},
                                     {"sha256", f.sha256}});
    }
    return json::object{
        {"id", s.id},
        {"number", s.number},
        {"state", std::string(domain::ToString(s.state))},
        {"organization_id", s.organization_id.value},
        {"organization",
         json::object{{"id", s.organization_id.value}, {"name", v.organization_name}}},
        {"type_id", s.type_id.value},
        {"type", json::object{{"id", s.type_id.value}, {"name", v.type_name}}},
        {"summary", s.summary},
        {"applicant", ApplicantJson(s.applicant, /*limited=*/false)},
        {"files", std::move(files)},
        {"submitted_at", opt_time(s.submitted_at)},
        {"decided_at", opt_time(s.decided_at)},
        {"observation", s.observation},
        {"correction_deadline", opt_time(s.correction_deadline)},
        {"rejection_reason", s.rejection_reason},
        {"dossier_id", s.dossier_id ? json::value(s.dossier_id->value) : json::value(nullptr)}};
}

struct Decision {
    std::string reason;
    std::string deadline;
};

}  // namespace

void AddSubmissionRoutes(Router& router, Services& s) {
    const TimeZone& zone = s.env.zone;
    auto submission_json = [&zone](const app::SubmissionView& v) {
        return SubmissionJson(v, zone);
    };

    router.Add("GET", "/api/v1/submissions", [&s, submission_json](Request& req) {
        auto org = QueryId<OrganizationId>(req, "organization");
        if (!org) {
            return ProblemResponse(org.error());
        }
        std::optional<domain::SubmissionState> state;
        if (auto text = req.Query("state"); text && !text->empty()) {
            state = domain::ParseSubmissionState(*text);
            if (!state || *state == domain::SubmissionState::kDraft) {
                return ProblemResponse(Error::Field("state", "field.enum",
                                                    {"submitted, observed, rejected, accepted"}));
            }
        }
        auto paging = ReadPaging(req);
        if (!paging) {
            return ProblemResponse(paging.error());
        }
        auto page = s.virtual_desk.List(*req.caller, *org, state, paging->page, paging->per_page);
        if (!page) {
            return ProblemResponse(page.error());
        }
        return JsonResponse(200, PageJson(ToArray(page->items, submission_json), page->total));
    });

    router.Add("GET", "/api/v1/submissions/{id}", [&s, submission_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return Answer(s.virtual_desk.Get(*req.caller, id.value), 200, submission_json);
        });
    });

    router.Add("POST", "/api/v1/submissions/{id}/accept", [&s](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return Answer(s.virtual_desk.Accept(*req.caller, id.value), 200,
                          [](const app::AcceptResult& a) {
                              return json::object{{"dossier_id", a.dossier_id.value},
                                                  {"code", a.code},
                                                  {"pin", a.pin},
                                                  {"tracking_token", a.tracking_token}};
                          });
        });
    });

    auto decision = [](FieldReader& f) {
        return Decision{f.Text("reason").value_or(""), f.Text("deadline").value_or("")};
    };
    router.Add("POST", "/api/v1/submissions/{id}/observe",
               [&s, submission_json, decision](Request& req) {
                   return WithId<DossierId>(req, [&](DossierId id) {
                       return WithBody(req, decision, [&](const Decision& d) {
                           return Answer(
                               s.virtual_desk.Observe(*req.caller, id.value, d.reason, d.deadline),
                               200, submission_json);
                       });
                   });
               });

    router.Add("POST", "/api/v1/submissions/{id}/reject",
               [&s, submission_json, decision](Request& req) {
                   return WithId<DossierId>(req, [&](DossierId id) {
                       return WithBody(req, decision, [&](const Decision& d) {
                           return Answer(s.virtual_desk.Reject(*req.caller, id.value, d.reason),
                                         200, submission_json);
                       });
                   });
               });

    router.Add("GET", "/api/v1/submissions/{id}/files/{file}/content", [&s](Request& req) {
        auto id = PathId<DossierId>(req, 0);
        auto file = PathId<DossierId>(req, 1);
        if (!id || !file) {
            return ProblemResponse(Error(ErrorCode::kNotFound, "request.no_such_id"));
        }
        auto content = s.virtual_desk.OpenFile(*req.caller, id->value, file->value);
        if (!content) {
            return ProblemResponse(content.error());
        }
        return FileResponse(*content, req);
    });
}

}  // namespace sige::http

// Routes: register, search, read, edit, history and the state changes of dossiers.

#include <set>

#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

namespace {

/// A boolean query parameter: "true"/"false" (also 1/0); kInvalidInput otherwise.
Result<std::optional<bool>> QueryBool(const Request& req, std::string_view name) {
    auto text = req.Query(name);
    if (!text || text->empty()) {
        return std::optional<bool>();
    }
    if (*text == "true" || *text == "1") {
        return std::optional<bool>(true);
    }
    if (*text == "false" || *text == "0") {
        return std::optional<bool>(false);
    }
    return Error::Field(std::string(name), "field.type_boolean");
}

/// A date bound: "YYYY-MM-DD" in the display zone (`end` means the end of that day), or an
/// ISO 8601 instant with offset.
std::optional<Timestamp> QueryInstant(const std::string& text, const TimeZone& zone, bool end) {
    if (auto day = zone.StartOfDay(text)) {
        return end ? *day + std::chrono::hours(24) : *day;
    }
    return ParseIsoInstant(text);
}

Result<app::SearchRequest> ReadSearch(const Request& req, const TimeZone& zone) {
    app::SearchRequest s;
    auto& f = s.filter;
    Validation v;
    if (auto q = req.Query("q")) {
        if (q->size() > 200) {
            v.Add("q", "field.too_long", {"200"});
        } else {
            f.q = *q;
        }
    }
    // One state or several, comma-separated ("registered,in_process": the open ones).
    if (auto states = req.Query("state"); states && !states->empty()) {
        std::string_view rest = *states;
        while (!rest.empty()) {
            auto comma = rest.find(',');
            auto name = rest.substr(0, comma);
            if (auto state = domain::ParseDossierState(name)) {
                f.states.push_back(*state);
            } else {
                v.Add("state", "field.enum",
                      {"registered, in_process, observed, resolved, archived, annulled"});
                break;
            }
            rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
        }
    }
    auto type = QueryId<DossierTypeId>(req, "type");
    auto unit = QueryId<UnitId>(req, "unit");
    auto reserved = QueryBool(req, "reserved");
    auto in_transit = QueryBool(req, "in_transit");
    if (!in_transit) {
        v.Add("in_transit", "field.type_boolean");
    } else {
        f.in_transit = *in_transit;
    }
    if (auto sort = req.Query("sort"); sort && !sort->empty()) {
        if (*sort == "priority") {
            f.sort = storage::DossierFilter::Sort::kPriority;
        } else if (*sort != "newest") {
            v.Add("sort", "field.enum", {"newest, priority"});
        }
    }
    auto global = QueryBool(req, "global");
    if (!type) {
        v.Add("type", "field.type_integer");
    } else {
        f.type = *type;
    }
    if (!unit) {
        v.Add("unit", "field.type_integer");
    } else {
        f.unit = *unit;
    }
    if (!reserved) {
        v.Add("reserved", "field.type_boolean");
    } else {
        f.reserved = *reserved;
    }
    if (!global) {
        v.Add("global", "field.type_boolean");
    } else {
        s.global = global->value_or(false);
    }
    for (auto [name, end] : {std::pair{"from", false}, std::pair{"to", true}}) {
        if (auto text = req.Query(name); text && !text->empty()) {
            auto t = QueryInstant(*text, zone, end);
            if (!t) {
                v.Add(name, "field.type_date");
            } else {
                (end ? f.to : f.from) = *t;
            }
        }
    }
    auto paging = ReadPaging(req);
    if (!paging) {
        for (const auto& fe : paging.error().fields) {
            v.Add(fe.field, fe.message_key, fe.args);
        }
    } else {
        f.page = paging->page;
        f.per_page = paging->per_page;
    }
    if (!v.ok()) {
        return v.ToError();
    }
    return s;
}

/// The optional `reason` of a state change or revert body.
std::string ReadReason(FieldReader& f) {
    return f.Text("reason").value_or("");
}

}  // namespace

void AddDossierRoutes(Router& router, Services& s) {
    const TimeZone& zone = s.env.zone;
    auto dossier_json = [&zone](const app::DossierView& v) { return DossierJson(v, zone); };

    router.Add("POST", "/api/v1/dossiers", [&s, dossier_json](Request& req) {
        auto body = ParseObject(req);
        if (!body) {
            return ProblemResponse(body.error());
        }
        Validation v;
        FieldReader f(*body, v);
        auto input = ReadDossierInput(f);
        auto unit = f.Id<UnitId>("unit_id");
        if (!v.ok()) {
            // Also report what the rules say of the well-typed fields, so that a form shows
            // every problem at once; a field already named is not named twice.
            domain::Normalize(input);
            auto rules = domain::ValidateRegistration(input);
            if (!rules.ok()) {
                std::set<std::string> named;
                for (const auto& fe : v.ToError().fields) {
                    named.insert(fe.field);
                }
                for (const auto& fe : rules.ToError().fields) {
                    if (!named.count(fe.field)) {
                        v.Add(fe.field, fe.message_key, fe.args);
                    }
                }
            }
            return ProblemResponse(v.ToError());
        }
        return Answer(s.dossiers.Register(*req.caller, std::move(input), unit), 201, dossier_json);
    });

    router.Add("GET", "/api/v1/dossiers", [&s, &zone, dossier_json](Request& req) {
        auto search = ReadSearch(req, zone);
        if (!search) {
            return ProblemResponse(search.error());
        }
        auto page = s.dossiers.Search(*req.caller, std::move(*search));
        if (!page) {
            return ProblemResponse(page.error());
        }
        return JsonResponse(200, PageJson(ToArray(page->items, dossier_json), page->total));
    });

    router.Add("GET", "/api/v1/dossiers/{id}", [&s, dossier_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return Answer(s.dossiers.Get(*req.caller, id), 200, dossier_json);
        });
    });

    router.Add("PATCH", "/api/v1/dossiers/{id}", [&s, dossier_json](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            return WithBody(req, ReadDossierInput, [&](domain::DossierInput input) {
                return Answer(s.dossiers.Edit(*req.caller, id, std::move(input)), 200,
                              dossier_json);
            });
        });
    });

    router.Add("GET", "/api/v1/dossiers/{id}/receipt.pdf", [&s](Request& req) {
        return WithId<DossierId>(
            req, [&](DossierId id) { return PdfResponse(s.printouts.Receipt(*req.caller, id)); });
    });

    // PRODUCT.md: nothing is ever deleted; annulment is the only way out.
    router.AddPublic("DELETE", "/api/v1/dossiers/{id}", [](Request&) {
        Response r = ProblemResponse(405, "dossier.not_deletable");
        r.SetHeader("Allow", "GET, PATCH");
        return r;
    });

    router.Add("GET", "/api/v1/dossiers/{id}/history", [&s, &zone](Request& req) {
        return WithId<DossierId>(req, [&](DossierId id) {
            auto reads = QueryBool(req, "include_reads");
            if (!reads) {
                return ProblemResponse(reads.error());
            }
            return AnswerList(s.dossiers.History(*req.caller, id, reads->value_or(false)),
                              [&](const domain::AuditEvent& e) { return HistoryJson(e, zone); });
        });
    });

    using StateChange =
        std::function<Result<app::DossierView>(const app::Caller&, DossierId, const std::string&)>;
    const std::pair<const char*, StateChange> state_routes[] = {
        {"archive", [&s](const app::Caller& c, DossierId id,
                         const std::string&) { return s.dossiers.Archive(c, id); }},
        {"resolve", [&s](const app::Caller& c, DossierId id,
                         const std::string&) { return s.dossiers.Resolve(c, id); }},
        {"unarchive", [&s](const app::Caller& c, DossierId id,
                           const std::string&) { return s.dossiers.Unarchive(c, id); }},
        {"annulment-request",
         [&s](const app::Caller& c, DossierId id, const std::string& reason) {
             return s.dossiers.RequestAnnulment(c, id, reason);
         }},
        {"annul", [&s](const app::Caller& c, DossierId id,
                       const std::string& reason) { return s.dossiers.Annul(c, id, reason); }},
    };
    for (const auto& [suffix, run] : state_routes) {
        router.Add("POST", std::string("/api/v1/dossiers/{id}/") + suffix,
                   [run = run, dossier_json](Request& req) {
                       return WithId<DossierId>(req, [&](DossierId id) {
                           return WithBody(
                               req, ReadReason,
                               [&](const std::string& reason) {
                                   return Answer(run(*req.caller, id, reason), 200, dossier_json);
                               },
                               /*optional=*/true);
                       });
                   });
    }
}

}  // namespace sige::http

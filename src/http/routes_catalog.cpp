// Routes: organisations, unit trees, users and the dossier-type catalogue.

#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

namespace {

template <class T, class ToJson>
json::array ToArray(const std::vector<T>& items, ToJson to_json) {
    json::array out;
    out.reserve(items.size());
    for (const auto& item : items) {
        out.push_back(to_json(item));
    }
    return out;
}

/// Parses the body, runs `read` over its fields and, when every field was well typed, `use`.
template <class Read, class Use>
Response WithBody(Request& req, Read read, Use use) {
    auto body = ParseObject(req);
    if (!body) {
        return ProblemResponse(body.error());
    }
    Validation v;
    FieldReader f(*body, v);
    auto input = read(f);
    if (!v.ok()) {
        return ProblemResponse(v.ToError());
    }
    return use(input);
}

}  // namespace

void AddCatalogRoutes(Router& router, Services& s) {
    const TimeZone& zone = s.env.zone;

    router.Add("GET", "/api/v1/organizations", [&s](Request&) {
        auto orgs = s.catalog.Organizations();
        return JsonResponse(200,
                            PageJson(ToArray(orgs, OrganizationJson), std::int64_t(orgs.size())));
    });

    router.Add("POST", "/api/v1/organizations", [&s](Request& req) {
        return WithBody(
            req,
            [](FieldReader& f) {
                domain::Organization o;
                o.code = f.Text("code").value_or("");
                o.name = f.Text("name").value_or("");
                o.time_zone = f.Text("time_zone").value_or("");
                return o;
            },
            [&](const domain::Organization& o) {
                return Answer(s.catalog.CreateOrganization(*req.caller, o), 201, OrganizationJson);
            });
    });

    router.Add("GET", "/api/v1/units", [&s](Request& req) {
        auto org = QueryId<OrganizationId>(req, "organization");
        if (!org) {
            return ProblemResponse(org.error());
        }
        auto units = s.catalog.Units(*org);
        if (!units) {
            return ProblemResponse(units.error());
        }
        return JsonResponse(200, PageJson(ToArray(*units, UnitJson), std::int64_t(units->size())));
    });

    router.Add("POST", "/api/v1/units", [&s](Request& req) {
        return WithBody(req, ReadUnitInput, [&](const app::UnitInput& in) {
            return Answer(s.catalog.CreateUnit(*req.caller, in), 201, UnitJson);
        });
    });

    router.Add("PATCH", "/api/v1/units/{id}", [&s](Request& req) {
        auto id = PathId<UnitId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        return WithBody(req, ReadUnitInput, [&](const app::UnitInput& in) {
            return Answer(s.catalog.UpdateUnit(*req.caller, *id, in), 200, UnitJson);
        });
    });

    router.Add("GET", "/api/v1/users", [&s, &zone](Request& req) {
        auto users = s.catalog.Users(*req.caller);
        if (!users) {
            return ProblemResponse(users.error());
        }
        return JsonResponse(
            200,
            PageJson(ToArray(*users, [&](const app::UserView& u) { return UserJson(u, zone); }),
                     std::int64_t(users->size())));
    });

    router.Add("POST", "/api/v1/users", [&s, &zone](Request& req) {
        return WithBody(req, ReadUserInput, [&](const app::UserInput& in) {
            return Answer(s.catalog.CreateUser(*req.caller, in), 201,
                          [&](const app::UserView& u) { return UserJson(u, zone); });
        });
    });

    router.Add("PATCH", "/api/v1/users/{id}", [&s, &zone](Request& req) {
        auto id = PathId<UserId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        return WithBody(req, ReadUserInput, [&](const app::UserInput& in) {
            return Answer(s.catalog.UpdateUser(*req.caller, *id, in), 200,
                          [&](const app::UserView& u) { return UserJson(u, zone); });
        });
    });

    router.Add("GET", "/api/v1/dossier-types", [&s](Request& req) {
        auto org = QueryId<OrganizationId>(req, "organization");
        if (!org) {
            return ProblemResponse(org.error());
        }
        auto types = s.catalog.Types(*org);
        if (!types) {
            return ProblemResponse(types.error());
        }
        return JsonResponse(
            200, PageJson(ToArray(*types, DossierTypeJson), std::int64_t(types->size())));
    });

    router.Add("POST", "/api/v1/dossier-types", [&s](Request& req) {
        return WithBody(
            req,
            [](FieldReader& f) {
                domain::DossierType t;
                t.organization_id =
                    f.Id<OrganizationId>("organization_id").value_or(OrganizationId());
                t.code = f.Text("code").value_or("");
                t.name = f.Text("name").value_or("");
                f.Require("origin");
                auto origin =
                    f.Enum<domain::Origin>("origin", domain::ParseOrigin, "external, internal");
                t.origin = origin.value_or(domain::Origin::kExternal);
                return t;
            },
            [&](const domain::DossierType& t) {
                return Answer(s.catalog.CreateType(*req.caller, t), 201, DossierTypeJson);
            });
    });

    router.Add("PATCH", "/api/v1/dossier-types/{id}", [&s](Request& req) {
        auto id = PathId<DossierTypeId>(req);
        if (!id) {
            return ProblemResponse(id.error());
        }
        struct Patch {
            std::optional<std::string> name;
            std::optional<bool> active;
        };
        return WithBody(
            req,
            [](FieldReader& f) {
                return Patch{f.Text("name"), f.Bool("active")};
            },
            [&](const Patch& p) {
                return Answer(s.catalog.UpdateType(*req.caller, *id, p.name, p.active), 200,
                              DossierTypeJson);
            });
    });
}

}  // namespace sige::http

// Routes: organisations, unit trees, users and the dossier-type catalogue.

#include "http/api.hpp"
#include "http/dto.hpp"

namespace sige::http {

namespace {

domain::Organization ReadOrganization(FieldReader& f) {
    domain::Organization o;
    o.code = f.Text("code").value_or("");
    o.name = f.Text("name").value_or("");
    o.time_zone = f.Text("time_zone").value_or("");
    return o;
}

domain::DossierType ReadDossierType(FieldReader& f) {
    domain::DossierType t;
    t.organization_id = f.Id<OrganizationId>("organization_id").value_or(OrganizationId());
    t.code = f.Text("code").value_or("");
    t.name = f.Text("name").value_or("");
    f.Require("origin");
    t.origin = f.Enum<domain::Origin>("origin", domain::ParseOrigin, "external, internal")
                   .value_or(domain::Origin::kExternal);
    return t;
}

struct TypePatch {
    std::optional<std::string> name;
    std::optional<bool> active;
};

}  // namespace

void AddCatalogRoutes(Router& router, Services& s) {
    const TimeZone& zone = s.env.zone;
    auto user_json = [&zone](const app::UserView& u) { return UserJson(u, zone); };

    router.Add("GET", "/api/v1/organizations", [&s](Request&) {
        return AnswerList(Result<std::vector<domain::Organization>>(s.catalog.Organizations()),
                          OrganizationJson);
    });

    router.Add("POST", "/api/v1/organizations", [&s](Request& req) {
        return WithBody(req, ReadOrganization, [&](domain::Organization o) {
            return Answer(s.catalog.CreateOrganization(*req.caller, std::move(o)), 201,
                          OrganizationJson);
        });
    });

    router.Add("GET", "/api/v1/units", [&s](Request& req) {
        auto org = QueryId<OrganizationId>(req, "organization");
        if (!org) {
            return ProblemResponse(org.error());
        }
        return AnswerList(s.catalog.Units(*org), UnitJson);
    });

    router.Add("POST", "/api/v1/units", [&s](Request& req) {
        return WithBody(req, ReadUnitInput, [&](const app::UnitInput& in) {
            return Answer(s.catalog.CreateUnit(*req.caller, in), 201, UnitJson);
        });
    });

    router.Add("PATCH", "/api/v1/units/{id}", [&s](Request& req) {
        return WithId<UnitId>(req, [&](UnitId id) {
            return WithBody(req, ReadUnitInput, [&](const app::UnitInput& in) {
                return Answer(s.catalog.UpdateUnit(*req.caller, id, in), 200, UnitJson);
            });
        });
    });

    router.Add("GET", "/api/v1/users", [&s, user_json](Request& req) {
        return AnswerList(s.catalog.Users(*req.caller), user_json);
    });

    router.Add("POST", "/api/v1/users", [&s, user_json](Request& req) {
        return WithBody(req, ReadUserInput, [&](const app::UserInput& in) {
            return Answer(s.catalog.CreateUser(*req.caller, in), 201, user_json);
        });
    });

    router.Add("PATCH", "/api/v1/users/{id}", [&s, user_json](Request& req) {
        return WithId<UserId>(req, [&](UserId id) {
            return WithBody(req, ReadUserInput, [&](const app::UserInput& in) {
                return Answer(s.catalog.UpdateUser(*req.caller, id, in), 200, user_json);
            });
        });
    });

    router.Add("GET", "/api/v1/dossier-types", [&s](Request& req) {
        auto org = QueryId<OrganizationId>(req, "organization");
        if (!org) {
            return ProblemResponse(org.error());
        }
        return AnswerList(s.catalog.Types(*org), DossierTypeJson);
    });

    router.Add("POST", "/api/v1/dossier-types", [&s](Request& req) {
        return WithBody(req, ReadDossierType, [&](domain::DossierType t) {
            return Answer(s.catalog.CreateType(*req.caller, std::move(t)), 201, DossierTypeJson);
        });
    });

    router.Add("PATCH", "/api/v1/dossier-types/{id}", [&s](Request& req) {
        return WithId<DossierTypeId>(req, [&](DossierTypeId id) {
            return WithBody(
                req,
                [](FieldReader& f) {
                    return TypePatch{f.Text("name"), f.Bool("active")};
                },
                [&](const TypePatch& p) {
                    return Answer(s.catalog.UpdateType(*req.caller, id, p.name, p.active), 200,
                                  DossierTypeJson);
                });
        });
    });
}

}  // namespace sige::http

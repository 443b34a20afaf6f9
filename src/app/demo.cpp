// The demo installation of API.md "Demo data": a municipality in Lima and a regional
// government in Cusco, each with a realistic tree of units and its desk, the dossier-type
// catalogue, and one user per profile.

#include <map>
#include <span>
#include <stdexcept>

#include "app/admin.hpp"
#include "app/audit_trail.hpp"
#include "app/catalog.hpp"
#include "storage/catalog_store.hpp"

namespace sige::app {

namespace {

struct UnitSpec {
    const char* code;
    const char* name;
    const char* parent;  // code of the parent, or nullptr for the root
    bool is_desk;
};

struct TypeSpec {
    const char* code;
    const char* name;
    domain::Origin origin;
};

constexpr UnitSpec kMunicipality[] = {
    {"ALC", "Alcaldía", nullptr, false},
    {"GM", "Gerencia Municipal", "ALC", false},
    {"OCI", "Órgano de Control Institucional", "ALC", false},
    {"MP", "Mesa de Partes", "GM", true},
    {"SG", "Secretaría General", "GM", false},
    {"OAJ", "Oficina de Asesoría Jurídica", "GM", false},
    {"GDU", "Gerencia de Desarrollo Urbano", "GM", false},
    {"SOP", "Subgerencia de Obras Privadas", "GDU", false},
    {"SCT", "Subgerencia de Catastro", "GDU", false},
    {"GAF", "Gerencia de Administración y Finanzas", "GM", false},
    {"SLO", "Subgerencia de Logística", "GAF", false},
    {"SRH", "Subgerencia de Recursos Humanos", "GAF", false},
    {"GR", "Gerencia de Rentas", "GM", false},
    {"GDE", "Gerencia de Desarrollo Económico", "GM", false},
    {"SLC", "Subgerencia de Licencias Comerciales", "GDE", false},
};

constexpr UnitSpec kRegion[] = {
    {"GOB", "Gobernación Regional", nullptr, false},
    {"GGR", "Gerencia General Regional", "GOB", false},
    {"TD", "Trámite Documentario", "GGR", true},
    {"ORAJ", "Oficina Regional de Asesoría Jurídica", "GGR", false},
    {"ORA", "Oficina Regional de Administración", "GGR", false},
    {"OAB", "Oficina de Abastecimiento", "ORA", false},
    {"GRI", "Gerencia Regional de Infraestructura", "GGR", false},
    {"GRDS", "Gerencia Regional de Desarrollo Social", "GGR", false},
    {"SEDQ", "Mesa de Partes Sede Quillabamba", "GGR", true},
};

constexpr TypeSpec kTypes[] = {
    {"SOLGEN", "Solicitud general", domain::Origin::kExternal},
    {"LICFUN", "Licencia de funcionamiento", domain::Origin::kExternal},
    {"LICEDI", "Licencia de edificación", domain::Origin::kExternal},
    {"ACCINF", "Acceso a la información pública", domain::Origin::kExternal},
    {"RECLAM", "Reclamo", domain::Origin::kExternal},
    {"RECONS", "Recurso de reconsideración", domain::Origin::kExternal},
    {"CONSTA", "Constancia o certificado", domain::Origin::kExternal},
    {"DENUNC", "Denuncia", domain::Origin::kExternal},
    {"MEMO", "Memorando", domain::Origin::kInternal},
    {"INFORM", "Informe", domain::Origin::kInternal},
    {"OFICIO", "Oficio", domain::Origin::kInternal},
    {"REQBS", "Requerimiento de bienes y servicios", domain::Origin::kInternal},
    {"PRORES", "Proyecto de resolución", domain::Origin::kInternal},
};

/// Creates one organisation with its units and types; returns the ids of its units by code.
std::map<std::string, UnitId> CreateOrganization(storage::Transaction& tx,
                                                 AuditTrail& trail,
                                                 const char* code,
                                                 const char* name,
                                                 std::span<const UnitSpec> units,
                                                 Timestamp now) {
    domain::Organization org{OrganizationId(), code, name, "America/Lima"};
    org.id = storage::Organizations(tx).Insert(org, now);
    trail.Add("organization.created", "organization", org.id.value, std::nullopt);
    std::map<std::string, UnitId> ids;
    for (const auto& spec : units) {
        domain::Unit u;
        u.organization_id = org.id;
        u.code = spec.code;
        u.name = spec.name;
        u.is_desk = spec.is_desk;
        if (spec.parent) {
            u.parent_id = ids.at(spec.parent);
        }
        ids[spec.code] = storage::Units(tx).Insert(u);
        trail.Add("unit.created", "unit", ids[spec.code].value, std::nullopt);
    }
    for (const auto& spec : kTypes) {
        domain::DossierType t{DossierTypeId(), org.id, spec.code, spec.name, spec.origin, true};
        t.id = storage::DossierTypes(tx).Insert(t);
        trail.Add("dossier_type.created", "dossier_type", t.id.value, std::nullopt);
    }
    return ids;
}

}  // namespace

void CreateDemoData(Env& env, const std::string& password) {
    if (!IsEmpty(env.db)) {
        throw std::runtime_error(
            "la instalación ya tiene datos: los datos de demostración "
            "solo se crean en un directorio nuevo");
    }
    std::map<std::string, UnitId> lima, cusco;
    {
        Caller system;
        system.actor.user.username = "sistema";
        system.client = "cli";
        auto tx = env.db.BeginWrite();
        const Timestamp now = env.clock.Now();
        AuditTrail trail(system, now);
        lima = CreateOrganization(*tx, trail, "MDSI", "Municipalidad Distrital de San Isidro",
                                  kMunicipality, now);
        cusco = CreateOrganization(*tx, trail, "GRC", "Gobierno Regional del Cusco", kRegion, now);
        trail.CommitWith(*tx);
    }
    struct UserSpec {
        const char* username;
        const char* name;
        domain::Profile profile;
        std::optional<UnitId> unit;
    };
    const UserSpec users[] = {
        {"admin", "Administración del sistema", domain::Profile::kAdmin, std::nullopt},
        {"mesa1", "María Quispe Huamán", domain::Profile::kDesk, lima.at("MP")},
        {"oficina1", "Jorge Ramírez Salazar", domain::Profile::kOffice, lima.at("GDU")},
        {"carga1", "Lucía Mamani Condori", domain::Profile::kLoader, lima.at("MP")},
        {"consulta1", "Carlos Flores Vega", domain::Profile::kViewer, lima.at("MP")},
        {"autoridad1", "Rosa Núñez Paredes", domain::Profile::kAuthority, lima.at("ALC")},
        {"mesa2", "Pedro Huallpa Ccama", domain::Profile::kDesk, cusco.at("TD")},
    };
    Catalog catalog(env);
    for (const auto& u : users) {
        UserInput in;
        in.username = u.username;
        in.name = u.name;
        in.email = std::string(u.username) + "@demo.sige.pe";
        in.profile = u.profile;
        in.unit_id = u.unit;
        in.password = password;
        auto created = catalog.CreateUserAsSystem(in, Catalog::Passwords::kDemo);
        if (!created) {
            throw std::runtime_error("no se pudo crear el usuario de demostración " +
                                     std::string(u.username));
        }
    }
}

}  // namespace sige::app

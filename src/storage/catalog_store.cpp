#include "storage/catalog_store.hpp"

namespace sige::storage {

using domain::DossierType;
using domain::Organization;
using domain::Origin;
using domain::Profile;
using domain::Unit;
using domain::User;

namespace {

constexpr std::string_view kUnitColumns =
    "id, organization_id, parent_id, code, name, is_desk, active";

Unit ReadUnit(const Row& r) {
    Unit u;
    u.id = r.GetId<UnitId>(0);
    u.organization_id = r.GetId<OrganizationId>(1);
    u.parent_id = r.OptId<UnitId>(2);
    u.code = r.Text(3);
    u.name = r.Text(4);
    u.is_desk = r.Bool(5);
    u.active = r.Bool(6);
    return u;
}

constexpr std::string_view kUserColumns =
    "id, username, name, email, profile, unit_id, active, sees_subunits, created_at";

User ReadUser(const Row& r) {
    User u;
    u.id = r.GetId<UserId>(0);
    u.username = r.Text(1);
    u.name = r.Text(2);
    u.email = r.Text(3);
    u.profile = domain::ParseProfile(r.Text(4)).value_or(Profile::kViewer);
    u.unit_id = r.OptId<UnitId>(5);
    u.active = r.Bool(6);
    u.sees_subunits = r.Bool(7);
    u.created_at = r.Time(8);
    return u;
}

constexpr std::string_view kTypeColumns = "id, organization_id, code, name, origin, active";

DossierType ReadType(const Row& r) {
    DossierType t;
    t.id = r.GetId<DossierTypeId>(0);
    t.organization_id = r.GetId<OrganizationId>(1);
    t.code = r.Text(2);
    t.name = r.Text(3);
    t.origin = domain::ParseOrigin(r.Text(4)).value_or(Origin::kExternal);
    t.active = r.Bool(5);
    return t;
}

std::string Sql(std::string_view a, std::string_view b, std::string_view c = "") {
    return std::string(a) + std::string(b) + std::string(c);
}

}  // namespace

// ---- organisations ---------------------------------------------------------------------

std::vector<Organization> Organizations::List() {
    std::vector<Organization> out;
    for (const auto& r :
         tx_.Query("SELECT id, code, name, time_zone FROM organization ORDER BY id")) {
        out.push_back({r.GetId<OrganizationId>(0), r.Text(1), r.Text(2), r.Text(3)});
    }
    return out;
}

std::optional<Organization> Organizations::Find(OrganizationId id) {
    auto r = tx_.QueryOne("SELECT id, code, name, time_zone FROM organization WHERE id = ?", {id});
    if (!r) {
        return std::nullopt;
    }
    return Organization{r->GetId<OrganizationId>(0), r->Text(1), r->Text(2), r->Text(3)};
}

OrganizationId Organizations::Insert(const Organization& o, Timestamp now) {
    auto r = tx_.QueryOne(
        "INSERT INTO organization (code, name, time_zone, created_at) VALUES (?, ?, ?, ?) "
        "RETURNING id",
        {o.code, o.name, o.time_zone, now});
    return r->GetId<OrganizationId>(0);
}

// ---- units -----------------------------------------------------------------------------

std::vector<Unit> Units::List(std::optional<OrganizationId> organization) {
    std::vector<Unit> out;
    auto rows = organization
                    ? tx_.Query(Sql("SELECT ", kUnitColumns,
                                    " FROM unit WHERE organization_id = ? ORDER BY name, id"),
                                {*organization})
                    : tx_.Query(Sql("SELECT ", kUnitColumns,
                                    " FROM unit ORDER BY organization_id, name, id"));
    for (const auto& r : rows) {
        out.push_back(ReadUnit(r));
    }
    return out;
}

std::optional<Unit> Units::Find(UnitId id) {
    auto r = tx_.QueryOne(Sql("SELECT ", kUnitColumns, " FROM unit WHERE id = ?"), {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadUnit(*r);
}

std::vector<UnitId> Units::Subtree(UnitId unit) {
    std::vector<UnitId> out;
    for (const auto& r :
         tx_.Query("WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) "
                   "UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) "
                   "SELECT id FROM sub",
                   {unit})) {
        out.push_back(r.GetId<UnitId>(0));
    }
    return out;
}

std::optional<UnitId> Units::NearestDesk(UnitId unit) {
    auto current = Find(unit);
    if (!current) {
        return std::nullopt;
    }
    const OrganizationId organization = current->organization_id;
    for (int depth = 0; current && depth < 64; ++depth) {
        if (current->is_desk && current->active) {
            return current->id;
        }
        auto child = tx_.QueryOne(
            "SELECT id FROM unit WHERE parent_id = ? AND is_desk = 1 AND active = 1 "
            "ORDER BY id LIMIT 1",
            {current->id});
        if (child) {
            return child->GetId<UnitId>(0);
        }
        if (!current->parent_id) {
            break;
        }
        current = Find(*current->parent_id);
    }
    return MainDesk(organization);
}

std::optional<UnitId> Units::MainDesk(OrganizationId organization) {
    auto r = tx_.QueryOne(
        "SELECT id FROM unit WHERE organization_id = ? AND is_desk = 1 AND active = 1 "
        "ORDER BY id LIMIT 1",
        {organization});
    if (!r) {
        return std::nullopt;
    }
    return r->GetId<UnitId>(0);
}

UnitId Units::Insert(const Unit& u) {
    auto r = tx_.QueryOne(
        "INSERT INTO unit (organization_id, parent_id, code, name, is_desk, active) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {u.organization_id, u.parent_id, u.code, u.name, u.is_desk, u.active});
    return r->GetId<UnitId>(0);
}

void Units::Update(const Unit& u) {
    tx_.Execute("UPDATE unit SET name = ?, is_desk = ?, active = ? WHERE id = ?",
                {u.name, u.is_desk, u.active, u.id});
}

// ---- users -----------------------------------------------------------------------------

std::vector<User> Users::List() {
    std::vector<User> out;
    for (const auto& r :
         tx_.Query(Sql("SELECT ", kUserColumns, " FROM app_user ORDER BY username"))) {
        out.push_back(ReadUser(r));
    }
    return out;
}

std::optional<User> Users::Find(UserId id) {
    auto r = tx_.QueryOne(Sql("SELECT ", kUserColumns, " FROM app_user WHERE id = ?"), {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadUser(*r);
}

std::optional<UserCredentials> Users::FindByUsername(const std::string& username) {
    auto r = tx_.QueryOne(
        Sql("SELECT ", kUserColumns, ", password_hash FROM app_user WHERE username = ?"),
        {username});
    if (!r) {
        return std::nullopt;
    }
    return UserCredentials{ReadUser(*r), r->Text(9)};
}

UserId Users::Insert(const User& u, const std::string& password_hash, Timestamp now) {
    auto r = tx_.QueryOne(
        "INSERT INTO app_user (username, name, email, profile, unit_id, password_hash, active, "
        "sees_subunits, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {u.username, u.name, u.email, domain::ToString(u.profile), u.unit_id, password_hash,
         u.active, u.sees_subunits, now, now});
    return r->GetId<UserId>(0);
}

void Users::Update(const User& u, Timestamp now) {
    tx_.Execute(
        "UPDATE app_user SET name = ?, email = ?, profile = ?, unit_id = ?, active = ?, "
        "sees_subunits = ?, updated_at = ? WHERE id = ?",
        {u.name, u.email, domain::ToString(u.profile), u.unit_id, u.active, u.sees_subunits, now,
         u.id});
}

void Users::SetPasswordHash(UserId id, const std::string& hash, Timestamp now) {
    tx_.Execute("UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ?",
                {hash, now, id});
}

// ---- dossier types ---------------------------------------------------------------------

std::vector<DossierType> DossierTypes::List(std::optional<OrganizationId> organization) {
    std::vector<DossierType> out;
    auto rows = organization
                    ? tx_.Query(Sql("SELECT ", kTypeColumns,
                                    " FROM dossier_type WHERE organization_id = ? ORDER BY name"),
                                {*organization})
                    : tx_.Query(Sql("SELECT ", kTypeColumns,
                                    " FROM dossier_type ORDER BY organization_id, name"));
    for (const auto& r : rows) {
        out.push_back(ReadType(r));
    }
    return out;
}

std::optional<DossierType> DossierTypes::Find(DossierTypeId id) {
    auto r = tx_.QueryOne(Sql("SELECT ", kTypeColumns, " FROM dossier_type WHERE id = ?"), {id});
    if (!r) {
        return std::nullopt;
    }
    return ReadType(*r);
}

DossierTypeId DossierTypes::Insert(const DossierType& t) {
    auto r = tx_.QueryOne(
        "INSERT INTO dossier_type (organization_id, code, name, origin, active) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        {t.organization_id, t.code, t.name, domain::ToString(t.origin), t.active});
    return r->GetId<DossierTypeId>(0);
}

void DossierTypes::Update(const DossierType& t) {
    tx_.Execute("UPDATE dossier_type SET name = ?, active = ? WHERE id = ?",
                {t.name, t.active, t.id});
}

}  // namespace sige::storage

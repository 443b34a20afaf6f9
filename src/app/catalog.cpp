#include "app/catalog.hpp"

#include "app/audit_trail.hpp"
#include "app/common.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/access_policy.hpp"
#include "storage/catalog_store.hpp"
#include "storage/session_store.hpp"

namespace sige::app {

using domain::Profile;

namespace {

Caller SystemCaller() {
    Caller c;
    c.actor.user.profile = Profile::kAdmin;
    c.actor.user.username = "sistema";
    c.client = "cli";
    return c;
}

bool IsUsernameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

/// Problems with a name-like text field: required, printable, within `max_len` characters.
void CheckLabel(Validation& v, const std::string& field, const std::string& value, int max_len) {
    if (value.empty()) {
        v.Add(field, "field.required");
    } else if (!text::IsValidUtf8(value) || text::HasControlChars(value)) {
        v.Add(field, "field.bad_characters");
    } else if (text::Utf8Length(value) > std::size_t(max_len)) {
        v.Add(field, "field.too_long", {std::to_string(max_len)});
    }
}

void CheckCode(Validation& v, const std::string& code) {
    if (code.empty() || code.size() > 20) {
        v.Add("code", "catalog.code");
        return;
    }
    for (char c : code) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            v.Add("code", "catalog.code");
            return;
        }
    }
}

/// The profile's rule for a unit: everyone but ADMIN works in a unit.
void CheckUserUnit(Validation& v,
                   storage::Transaction& tx,
                   Profile profile,
                   const std::optional<UnitId>& unit) {
    if (profile == Profile::kAdmin) {
        return;
    }
    if (!unit) {
        v.Add("unit_id", "user.unit_required");
        return;
    }
    auto u = storage::Units(tx).Find(*unit);
    if (!u) {
        v.Add("unit_id", "unit.unknown");
    } else if (!u->active) {
        v.Add("unit_id", "unit.inactive");
    }
}

void CheckPassword(Validation& v, const std::string& password) {
    if (text::Utf8Length(password) < std::size_t(kMinPasswordLength)) {
        v.Add("password", "user.password_short", {std::to_string(kMinPasswordLength)});
    } else if (password.size() > 1024) {
        v.Add("password", "field.too_long", {"1024"});
    }
}

UserView MakeUserView(storage::Transaction& tx, const domain::User& u) {
    UserView v{u, "", std::nullopt, ""};
    if (u.unit_id) {
        if (auto unit = storage::Units(tx).Find(*u.unit_id)) {
            v.unit_name = unit->name;
            v.organization_id = unit->organization_id;
            if (auto org = storage::Organizations(tx).Find(unit->organization_id)) {
                v.organization_name = org->name;
            }
        }
    }
    return v;
}

JsonObject UserSnapshot(const domain::User& u) {
    JsonObject o;
    o.Add("username", u.username)
        .Add("name", u.name)
        .Add("email", u.email)
        .Add("profile", domain::ToString(u.profile))
        .Add("unit_id", u.unit_id ? std::optional<std::int64_t>(u.unit_id->value) : std::nullopt)
        .Add("active", u.active)
        .Add("sees_subunits", u.sees_subunits);
    return o;
}

}  // namespace

UserView Catalog::Me(const Caller& caller) {
    auto tx = env_.db.BeginRead();
    UserView v = MakeUserView(*tx, caller.actor.user);
    std::optional<UnitId> main_desk;
    if (v.organization_id) {
        main_desk = storage::Units(*tx).MainDesk(*v.organization_id);
    }
    v.handles_submissions = domain::CanHandleSubmissions(caller.actor, main_desk).has_value();
    return v;
}

std::vector<domain::Organization> Catalog::Organizations() {
    auto tx = env_.db.BeginRead();
    return storage::Organizations(*tx).List();
}

Result<domain::Organization> Catalog::CreateOrganization(const Caller& caller,
                                                         domain::Organization org) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    org.code = text::ToUpperAscii(text::Trim(org.code));
    org.name = text::Trim(org.name);
    Validation v;
    CheckCode(v, org.code);
    CheckLabel(v, "name", org.name, 200);
    if (org.time_zone.empty()) {
        org.time_zone = env_.zone.name();
    } else if (!TimeZone::Find(org.time_zone)) {
        v.Add("time_zone", "catalog.time_zone");
    }
    SIGE_TRY(v.ToStatus());
    auto tx = env_.db.BeginWrite();
    const Timestamp now = env_.clock.Now();
    try {
        org.id = storage::Organizations(*tx).Insert(org, now);
    } catch (const storage::UniqueViolation&) {
        return Error::Field("code", "catalog.code_taken");
    }
    AuditTrail trail(caller, now);
    JsonObject after;
    after.Add("code", org.code).Add("name", org.name).Add("time_zone", org.time_zone);
    trail.Add("organization.created", "organization", org.id.value, std::nullopt, {}, after);
    trail.CommitWith(*tx);
    return org;
}

Result<std::vector<domain::Unit>> Catalog::Units(std::optional<OrganizationId> organization) {
    auto tx = env_.db.BeginRead();
    if (organization && !storage::Organizations(*tx).Find(*organization)) {
        return Error(ErrorCode::kNotFound, "organization.not_found");
    }
    return storage::Units(*tx).List(organization);
}

Result<domain::Unit> Catalog::CreateUnit(const Caller& caller, const UnitInput& in) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    domain::Unit u;
    u.code = text::ToUpperAscii(text::Trim(in.code.value_or("")));
    u.name = text::Trim(in.name.value_or(""));
    u.is_desk = in.is_desk.value_or(false);
    u.active = in.active.value_or(true);
    u.parent_id = in.parent_id.value_or(std::nullopt);
    Validation v;
    if (!in.organization_id) {
        v.Add("organization_id", "field.required");
    }
    CheckCode(v, u.code);
    CheckLabel(v, "name", u.name, 200);
    SIGE_TRY(v.ToStatus());
    u.organization_id = *in.organization_id;

    auto tx = env_.db.BeginWrite();
    if (!storage::Organizations(*tx).Find(u.organization_id)) {
        return Error::Field("organization_id", "organization.not_found");
    }
    if (u.parent_id) {
        auto parent = storage::Units(*tx).Find(*u.parent_id);
        if (!parent || parent->organization_id != u.organization_id) {
            return Error::Field("parent_id", "unit.parent_other_organization");
        }
    }
    try {
        u.id = storage::Units(*tx).Insert(u);
    } catch (const storage::UniqueViolation&) {
        return Error::Field("code", "catalog.code_taken");
    }
    const Timestamp now = env_.clock.Now();
    AuditTrail trail(caller, now);
    JsonObject after;
    after.Add("code", u.code).Add("name", u.name).Add("is_desk", u.is_desk);
    trail.Add("unit.created", "unit", u.id.value, std::nullopt, {}, after);
    trail.CommitWith(*tx);
    return u;
}

Result<domain::Unit> Catalog::UpdateUnit(const Caller& caller, UnitId id, const UnitInput& in) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    Validation v;
    if (in.name) {
        CheckLabel(v, "name", text::Trim(*in.name), 200);
    }
    const bool parent_given = in.parent_id && in.parent_id->has_value();
    if (in.code || in.organization_id || parent_given) {
        v.Add(in.code              ? "code"
              : in.organization_id ? "organization_id"
                                   : "parent_id",
              "unit.fixed_field");
    }
    SIGE_TRY(v.ToStatus());
    auto tx = env_.db.BeginWrite();
    auto u = storage::Units(*tx).Find(id);
    if (!u) {
        return Error(ErrorCode::kNotFound, "unit.not_found");
    }
    JsonObject before, after;
    before.Add("name", u->name).Add("is_desk", u->is_desk).Add("active", u->active);
    if (in.name) {
        u->name = text::Trim(*in.name);
    }
    u->is_desk = in.is_desk.value_or(u->is_desk);
    u->active = in.active.value_or(u->active);
    after.Add("name", u->name).Add("is_desk", u->is_desk).Add("active", u->active);
    storage::Units(*tx).Update(*u);
    const Timestamp now = env_.clock.Now();
    AuditTrail trail(caller, now);
    trail.Add("unit.updated", "unit", id.value, std::nullopt, before, after);
    trail.CommitWith(*tx);
    Names::ForgetAll();  // renamed: views show the new name at once
    return *u;
}

Result<std::vector<domain::DossierType>> Catalog::Types(
    std::optional<OrganizationId> organization) {
    auto tx = env_.db.BeginRead();
    if (organization && !storage::Organizations(*tx).Find(*organization)) {
        return Error(ErrorCode::kNotFound, "organization.not_found");
    }
    return storage::DossierTypes(*tx).List(organization);
}

Result<domain::DossierType> Catalog::CreateType(const Caller& caller, domain::DossierType t) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    t.code = text::ToUpperAscii(text::Trim(t.code));
    t.name = text::Trim(t.name);
    Validation v;
    if (!t.organization_id) {
        v.Add("organization_id", "field.required");
    }
    CheckCode(v, t.code);
    CheckLabel(v, "name", t.name, 200);
    SIGE_TRY(v.ToStatus());
    auto tx = env_.db.BeginWrite();
    if (!storage::Organizations(*tx).Find(t.organization_id)) {
        return Error::Field("organization_id", "organization.not_found");
    }
    try {
        t.id = storage::DossierTypes(*tx).Insert(t);
    } catch (const storage::UniqueViolation&) {
        return Error::Field("code", "catalog.code_taken");
    }
    const Timestamp now = env_.clock.Now();
    AuditTrail trail(caller, now);
    JsonObject after;
    after.Add("code", t.code).Add("name", t.name).Add("origin", domain::ToString(t.origin));
    trail.Add("dossier_type.created", "dossier_type", t.id.value, std::nullopt, {}, after);
    trail.CommitWith(*tx);
    return t;
}

Result<domain::DossierType> Catalog::UpdateType(const Caller& caller,
                                                DossierTypeId id,
                                                std::optional<std::string> name,
                                                std::optional<bool> active) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    Validation v;
    if (name) {
        *name = text::Trim(*name);
        CheckLabel(v, "name", *name, 200);
    }
    SIGE_TRY(v.ToStatus());
    auto tx = env_.db.BeginWrite();
    auto t = storage::DossierTypes(*tx).Find(id);
    if (!t) {
        return Error(ErrorCode::kNotFound, "dossier_type.not_found");
    }
    JsonObject before, after;
    before.Add("name", t->name).Add("active", t->active);
    t->name = name.value_or(t->name);
    t->active = active.value_or(t->active);
    after.Add("name", t->name).Add("active", t->active);
    storage::DossierTypes(*tx).Update(*t);
    const Timestamp now = env_.clock.Now();
    AuditTrail trail(caller, now);
    trail.Add("dossier_type.updated", "dossier_type", id.value, std::nullopt, before, after);
    trail.CommitWith(*tx);
    Names::ForgetAll();  // renamed: views show the new name at once
    return *t;
}

Result<std::vector<UserView>> Catalog::Users(const Caller& caller) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    auto tx = env_.db.BeginRead();
    std::vector<UserView> out;
    for (const auto& u : storage::Users(*tx).List()) {
        out.push_back(MakeUserView(*tx, u));
    }
    return out;
}

Result<UserView> Catalog::CreateUser(const Caller& caller, const UserInput& in) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    return CreateUserChecked(caller, in, Passwords::kEnforce);
}

Result<UserView> Catalog::CreateUserAsSystem(const UserInput& in, Passwords passwords) {
    return CreateUserChecked(SystemCaller(), in, passwords);
}

Result<UserView> Catalog::CreateUserChecked(const Caller& caller,
                                            const UserInput& in,
                                            Passwords passwords) {
    domain::User u;
    u.username = text::Trim(in.username.value_or(""));
    u.name = text::Trim(in.name.value_or(""));
    u.email = text::Trim(in.email.value_or(""));
    u.profile = in.profile.value_or(Profile::kViewer);
    u.unit_id = in.unit_id.value_or(std::nullopt);
    u.active = in.active.value_or(true);
    u.sees_subunits = in.sees_subunits.value_or(false);
    const std::string password = in.password.value_or("");

    Validation v;
    if (u.username.size() < 3 || u.username.size() > 40 ||
        !std::all_of(u.username.begin(), u.username.end(), IsUsernameChar)) {
        v.Add("username", "user.username");
    }
    CheckLabel(v, "name", u.name, 200);
    if (!u.email.empty() && !text::IsPlausibleEmail(u.email)) {
        v.Add("email", "field.email");
    }
    if (!in.profile) {
        v.Add("profile", "field.required");
    }
    if (passwords == Passwords::kEnforce) {
        CheckPassword(v, password);
    } else if (password.empty()) {
        v.Add("password", "field.required");
    }
    // The password hash is slow: compute it before taking the write lock.
    const bool fast = passwords == Passwords::kBenchmark;
    const std::string hash = v.ok() ? crypto::HashPassword(password, fast) : "";

    auto tx = env_.db.BeginWrite();
    CheckUserUnit(v, *tx, u.profile, u.unit_id);
    if (u.profile == Profile::kAdmin) {
        u.unit_id.reset();
    }
    SIGE_TRY(v.ToStatus());
    const Timestamp now = env_.clock.Now();
    try {
        u.id = storage::Users(*tx).Insert(u, hash, now);
    } catch (const storage::UniqueViolation&) {
        return Error::Field("username", "user.username_taken");
    }
    u.created_at = now;
    AuditTrail trail(caller, now);
    trail.Add("user.created", "user", u.id.value, std::nullopt, {}, UserSnapshot(u));
    auto view = MakeUserView(*tx, u);
    trail.CommitWith(*tx);
    return view;
}

Result<UserView> Catalog::UpdateUser(const Caller& caller, UserId id, const UserInput& in) {
    SIGE_TRY(domain::CanManageCatalog(caller.actor));
    Validation v;
    if (in.username) {
        v.Add("username", "user.username_fixed");
    }
    if (in.name) {
        CheckLabel(v, "name", text::Trim(*in.name), 200);
    }
    if (in.password) {
        CheckPassword(v, *in.password);
    }
    if (in.email && !in.email->empty() && !text::IsPlausibleEmail(text::Trim(*in.email))) {
        v.Add("email", "field.email");
    }
    SIGE_TRY(v.ToStatus());
    const std::string hash = in.password ? crypto::HashPassword(*in.password) : "";

    auto tx = env_.db.BeginWrite();
    storage::Users users(*tx);
    auto u = users.Find(id);
    if (!u) {
        return Error(ErrorCode::kNotFound, "user.not_found");
    }
    JsonObject before = UserSnapshot(*u);
    if (in.name) {
        u->name = text::Trim(*in.name);
    }
    u->email = in.email ? text::Trim(*in.email) : u->email;
    u->profile = in.profile.value_or(u->profile);
    if (in.unit_id) {
        u->unit_id = *in.unit_id;
    }
    u->active = in.active.value_or(u->active);
    u->sees_subunits = in.sees_subunits.value_or(u->sees_subunits);
    if (u->profile == Profile::kAdmin) {
        u->unit_id.reset();
    }
    CheckUserUnit(v, *tx, u->profile, u->unit_id);
    if (id == caller.actor.user.id && (!u->active || u->profile != Profile::kAdmin)) {
        v.Add(!u->active ? "active" : "profile", "user.not_yourself");
    }
    SIGE_TRY(v.ToStatus());
    const Timestamp now = env_.clock.Now();
    users.Update(*u, now);
    JsonObject after = UserSnapshot(*u);
    KeepChanges(before, after);
    if (in.password) {
        users.SetPasswordHash(id, hash, now);
        after.Add("password", "cambiada");
    }
    if (!u->active || in.password) {
        storage::Sessions(*tx).EndAllOf(id, now);
    }
    AuditTrail trail(caller, now);
    trail.Add("user.updated", "user", id.value, std::nullopt, before, after);
    auto view = MakeUserView(*tx, *u);
    trail.CommitWith(*tx);
    Names::ForgetAll();  // renamed: views show the new name at once
    // Profile, unit, activity or password changed: this node's session caches forget.
    env_.credentials_epoch->fetch_add(1);
    return view;
}

}  // namespace sige::app

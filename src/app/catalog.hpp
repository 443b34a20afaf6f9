#pragma once

// Use cases on the slowly changing data: organisations, unit trees, users and the
// dossier-type catalogue. Reading is open to every signed-in user (a transfer needs the
// trees of every organisation); changing is ADMIN's.

#include <optional>
#include <string>
#include <vector>

#include "app/env.hpp"
#include "core/result.hpp"
#include "domain/model.hpp"

namespace sige::app {

inline constexpr int kMinPasswordLength = 8;

struct UserInput {
    std::optional<std::string> username;
    std::optional<std::string> name;
    std::optional<std::string> email;
    std::optional<domain::Profile> profile;
    std::optional<std::optional<UnitId>> unit_id;  ///< present-and-null: no unit (ADMIN)
    std::optional<std::string> password;
    std::optional<bool> active;
    std::optional<bool> sees_subunits;
};

struct UnitInput {
    std::optional<OrganizationId> organization_id;
    std::optional<std::optional<UnitId>> parent_id;
    std::optional<std::string> code;
    std::optional<std::string> name;
    std::optional<bool> is_desk;
    std::optional<bool> active;
};

struct UserView {
    domain::User user;
    std::string unit_name;
    std::optional<OrganizationId> organization_id;
    std::string organization_name;
    /// Works the virtual desk's tray (ADMIN, or DESK/OFFICE at the organisation's main desk).
    bool handles_submissions = false;
};

class Catalog {
public:
    explicit Catalog(Env& env) : env_(env) {}

    /// The caller's user, unit and organisation (GET /api/v1/me).
    UserView Me(const Caller& caller);

    std::vector<domain::Organization> Organizations();
    Result<domain::Organization> CreateOrganization(const Caller& caller, domain::Organization org);

    /// Units of one organisation, or of all; kNotFound for an unknown organisation.
    Result<std::vector<domain::Unit>> Units(std::optional<OrganizationId> organization);
    Result<domain::Unit> CreateUnit(const Caller& caller, const UnitInput& input);
    Result<domain::Unit> UpdateUnit(const Caller& caller, UnitId id, const UnitInput& input);

    Result<std::vector<domain::DossierType>> Types(std::optional<OrganizationId> organization);
    Result<domain::DossierType> CreateType(const Caller& caller, domain::DossierType type);
    Result<domain::DossierType> UpdateType(const Caller& caller,
                                           DossierTypeId id,
                                           std::optional<std::string> name,
                                           std::optional<bool> active);

    Result<std::vector<UserView>> Users(const Caller& caller);
    /// Creates a user; kInvalidInput naming each bad field (username taken included).
    Result<UserView> CreateUser(const Caller& caller, const UserInput& input);
    /// Changes profile, unit, name, e-mail, activity or password. Deactivating a user or
    /// setting a password ends their sessions. Users are never deleted.
    Result<UserView> UpdateUser(const Caller& caller, UserId id, const UserInput& input);

    /// How a password given to CreateUserAsSystem is treated.
    enum class Passwords {
        kEnforce,    ///< at least kMinPasswordLength characters, Argon2id INTERACTIVE
        kDemo,       ///< any non-empty password (the demo's "demo"), same hashing
        kBenchmark,  ///< any non-empty password, fastest hashing: generated data only
    };
    /// The creation path without a caller, for `sige user add` and generated data; the
    /// audit names "sistema" and "cli".
    Result<UserView> CreateUserAsSystem(const UserInput& input,
                                        Passwords passwords = Passwords::kEnforce);

private:
    Result<UserView> CreateUserChecked(const Caller& caller,
                                       const UserInput& input,
                                       Passwords passwords);
    Env& env_;
};

}  // namespace sige::app

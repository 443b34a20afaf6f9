#pragma once

// Repositories of the slowly changing data: organisations, their unit trees, users and the
// dossier-type catalogue. Each class reads and writes through the Transaction it is given;
// the caller (app/) decides when to commit.

#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "storage/database.hpp"

namespace sige::storage {

class Organizations {
public:
    explicit Organizations(Transaction& tx) : tx_(tx) {}
    std::vector<domain::Organization> List();
    std::optional<domain::Organization> Find(OrganizationId id);
    /// Inserts and returns the new id. Throws UniqueViolation for a repeated code.
    OrganizationId Insert(const domain::Organization& org, Timestamp now);

private:
    Transaction& tx_;
};

class Units {
public:
    explicit Units(Transaction& tx) : tx_(tx) {}
    /// Every unit, or those of one organisation; ordered by organisation, then name.
    std::vector<domain::Unit> List(std::optional<OrganizationId> organization = std::nullopt);
    std::optional<domain::Unit> Find(UnitId id);
    /// `unit` and every unit below it.
    std::vector<UnitId> Subtree(UnitId unit);
    /// The desk `unit` depends on: walking up from `unit`, the first unit that is a desk or
    /// has a desk among its children; else the organisation's first desk; else nullopt.
    std::optional<UnitId> NearestDesk(UnitId unit);
    /// The organisation's main desk (its first active desk), where the virtual desk's
    /// submissions go (API.md); nullopt when it has none.
    std::optional<UnitId> MainDesk(OrganizationId organization);
    /// Throws UniqueViolation for a code repeated in the organisation.
    UnitId Insert(const domain::Unit& unit);
    /// Writes name, desk flag and activity (code, organisation and parent are fixed).
    void Update(const domain::Unit& unit);

private:
    Transaction& tx_;
};

/// A user with the hash of their password, for logging in.
struct UserCredentials {
    domain::User user;
    std::string password_hash;
};

class Users {
public:
    explicit Users(Transaction& tx) : tx_(tx) {}
    std::vector<domain::User> List();
    std::optional<domain::User> Find(UserId id);
    std::optional<UserCredentials> FindByUsername(const std::string& username);
    /// Throws UniqueViolation for a repeated username.
    UserId Insert(const domain::User& user, const std::string& password_hash, Timestamp now);
    void Update(const domain::User& user, Timestamp now);
    void SetPasswordHash(UserId id, const std::string& password_hash, Timestamp now);

private:
    Transaction& tx_;
};

class DossierTypes {
public:
    explicit DossierTypes(Transaction& tx) : tx_(tx) {}
    std::vector<domain::DossierType> List(std::optional<OrganizationId> organization);
    std::optional<domain::DossierType> Find(DossierTypeId id);
    /// Throws UniqueViolation for a code repeated in the organisation.
    DossierTypeId Insert(const domain::DossierType& type);
    /// Writes name and activity.
    void Update(const domain::DossierType& type);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

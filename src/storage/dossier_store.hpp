#pragma once

// Repository of dossiers: rows, the per-organisation number counter, the route (which
// units a dossier has been at) and search with its filters and full text.

#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "storage/database.hpp"

namespace sige::storage {

/// Search filters (API.md `GET /api/v1/dossiers`). Absent filters do not filter.
struct DossierFilter {
    std::string q;  ///< words matched in code, summary, applicant name and number
    std::vector<domain::DossierState> states;  ///< any of these (none: any state)
    std::optional<DossierTypeId> type;
    std::optional<UnitId> unit;     ///< the unit that has custody
    std::optional<Timestamp> from;  ///< registered at or after
    std::optional<Timestamp> to;    ///< registered before
    std::optional<bool> reserved;
    std::optional<bool> in_transit;  ///< with a transfer waiting for reception
    /// kNewest: last registered first. kPriority: urgent first, then longest in custody
    /// (the desk's "En mi mesa").
    enum class Sort { kNewest, kPriority } sort = Sort::kNewest;
    /// nullopt: every dossier. Otherwise only those on the route of these units ...
    std::optional<std::vector<UnitId>> scope;
    /// ... plus, for the global query, every public dossier anywhere.
    bool include_public = false;
    int page = 1;
    int per_page = 50;
};

struct DossierPage {
    std::vector<domain::Dossier> items;
    std::int64_t total = 0;
};

class Dossiers {
public:
    explicit Dossiers(Transaction& tx) : tx_(tx) {}

    std::optional<domain::Dossier> Find(DossierId id);
    /// The dossier whose public tracking token is `token`.
    std::optional<domain::Dossier> FindByTrackingToken(const std::string& token);
    /// Dossiers with `code` (codes are unique per organisation, so there may be several).
    std::vector<domain::Dossier> FindByCode(const std::string& code);
    /// Finds and locks the row until commit (PostgreSQL; SQLite writes are serialised).
    std::optional<domain::Dossier> FindForUpdate(DossierId id);
    /// Inserts a dossier whose number and code are set; returns its id.
    DossierId Insert(const domain::Dossier& dossier);
    /// Writes every mutable column of `dossier`.
    void Update(const domain::Dossier& dossier);
    /// The next number of `organization` in `year`, counted inside this transaction: gapless
    /// because a rollback takes the increment back, unique because the counter row is locked.
    std::int64_t NextNumber(OrganizationId organization, int year);
    /// True when one of `units` registered the dossier, registered it in its name, or was
    /// sent it by a transfer that was not reverted.
    bool IsOnRoute(DossierId dossier, const std::vector<UnitId>& units);
    DossierPage Search(const DossierFilter& filter);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

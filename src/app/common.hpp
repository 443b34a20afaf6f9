#pragma once

// Pieces shared by the use cases: loading a dossier the caller may see, names for views,
// the actions a caller may take, and the audit snapshot of a dossier.

#include <string>
#include <unordered_map>

#include "app/env.hpp"
#include "app/views.hpp"
#include "core/json_text.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace sige::app {

/// The time zone of an organisation (numbering years, dates on receipts and e-mails);
/// `fallback` when it is unknown.
TimeZone ZoneOf(storage::Transaction& tx, OrganizationId org, const TimeZone& fallback);

/// The dossier if the caller may see it: kNotFound when it does not exist or is reserved
/// outside the caller's route, kForbidden when public outside it (access_policy.hpp).
/// `for_update` locks the row (PostgreSQL) in a write transaction.
Result<domain::Dossier> LoadVisibleDossier(storage::Transaction& tx,
                                           const Caller& caller,
                                           DossierId id,
                                           bool for_update = false);

/// Names of units, types, organisations and users for views: read once per transaction,
/// and remembered for 30 seconds across requests in this process (they change rarely; a
/// rename here is seen at once, one on another node within 30 seconds).
class Names {
public:
    explicit Names(storage::Transaction& tx) : tx_(tx) {}
    const std::string& Unit(UnitId id);
    const std::string& Type(DossierTypeId id);
    const std::string& Organization(OrganizationId id);
    const std::string& User(UserId id);
    /// Forgets every remembered name (after a rename).
    static void ForgetAll();

private:
    storage::Transaction& tx_;
    std::unordered_map<std::int64_t, std::string> units_, types_, organizations_, users_;
};

/// The view of `dossier` for `caller`: names, pending transfer and allowed actions.
DossierView MakeDossierView(storage::Transaction& tx,
                            Names& names,
                            const Caller& caller,
                            const domain::Dossier& dossier);

TransferView MakeTransferView(storage::Transaction& tx,
                              Names& names,
                              const domain::Transfer& transfer,
                              Timestamp now);

/// The fields of a dossier recorded in the audit trail (never the tracking secrets).
JsonObject AuditSnapshot(const domain::Dossier& dossier);

/// Keeps only the fields that differ between two snapshots, in both.
void KeepChanges(JsonObject& before, JsonObject& after);

/// The transfer as recorded in the audit trail.
JsonObject AuditSnapshot(const domain::Transfer& transfer);

}  // namespace sige::app

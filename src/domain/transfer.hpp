#pragma once

// Transfers ("pases"): moving custody of a dossier from one unit to another. Custody moves
// only when the receiving unit confirms reception; until then the dossier is in transit and
// nobody may change it. Pure: time comes in, nothing is persisted here.

#include <string>

#include "core/result.hpp"
#include "domain/model.hpp"

namespace sige::domain {

inline constexpr int kMaxNotesLength = 1'000;
inline constexpr int kMaxFoliosAdded = 100'000;
inline constexpr int kMaxVolumesAdded = 100;

/// What the sender fills in. Absent numbers are 0; absent permission is WRITE.
struct TransferRequest {
    UnitId to_unit;
    std::optional<TransferAction> action;
    Permission permission = Permission::kWrite;
    int folios_added = 0;
    int volumes_added = 0;
    std::string notes;
};

/// Every problem of a request at once (fields as in the API).
Validation ValidateTransferRequest(const TransferRequest& request);

/// Starts a transfer of `dossier` out of its custody unit (the caller has checked that the
/// sender may: access_policy.hpp). kConflict when the dossier is annulled, archived or
/// already in transit; kInvalidInput (to_unit) when sent to the unit that holds it.
/// On success the dossier is in process; the caller stores the transfer and then sets
/// `dossier.pending_transfer_id` to its id.
Result<Transfer> StartTransfer(Dossier& dossier,
                               const TransferRequest& request,
                               UserId sender,
                               Timestamp now);

/// Confirms reception: custody, permission and "since" move to the destination, folios and
/// volumes add up. kConflict when the transfer is not pending (received twice, reverted).
Status ReceiveTransfer(Dossier& dossier, Transfer& transfer, UserId receiver, Timestamp now);

/// PRODUCT.md §2: ADMIN reverts a mistaken transfer, pending or received, if no later
/// transfer followed it (`is_latest`). A received one gives custody, permission, folios and
/// volumes back to the sender. kConflict when already reverted, not the latest, or the
/// dossier was archived or annulled since.
Status RevertTransfer(Dossier& dossier,
                      Transfer& transfer,
                      bool is_latest,
                      UserId by,
                      const std::string& reason,
                      Timestamp now);

}  // namespace sige::domain

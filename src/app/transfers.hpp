#pragma once

// Use cases on transfers ("pases"): send one, send several with one delivery note, list
// what waits for reception, receive one or many, and ADMIN's revert.

#include <vector>

#include "app/env.hpp"
#include "app/views.hpp"
#include "core/result.hpp"
#include "domain/transfer.hpp"

namespace sige::app {

class Transfers {
public:
    explicit Transfers(Env& env) : env_(env) {}

    /// Sends a dossier out of its custody unit. kForbidden unless the caller's unit holds it
    /// (or ADMIN); kConflict when in transit, archived or annulled; kInvalidInput for bad
    /// fields or an unknown or inactive destination.
    Result<TransferView> Send(const Caller& caller,
                              DossierId dossier,
                              const domain::TransferRequest& request);
    /// Sends every dossier in `dossiers` to one unit with one delivery note, all or nothing;
    /// an error names the failing dossier's position ("dossier_ids[2]").
    Result<DeliveryNoteView> SendBulk(const Caller& caller,
                                      const std::vector<DossierId>& dossiers,
                                      const domain::TransferRequest& request);
    /// Pending transfers to the caller's unit (ADMIN: to `unit`, or to every unit).
    Result<Page<TransferView>> Inbox(const Caller& caller,
                                     std::optional<UnitId> unit,
                                     int page,
                                     int per_page);
    /// Pending transfers the caller's unit sent and nobody received yet ("Enviados").
    Result<Page<TransferView>> Sent(const Caller& caller,
                                    std::optional<UnitId> unit,
                                    int page,
                                    int per_page);
    /// Confirms reception of one transfer. kConflict when received twice or reverted.
    Result<TransferView> Receive(const Caller& caller, TransferId id);
    /// Confirms several, all or nothing; an error names the failing position ("ids[1]").
    Result<std::vector<TransferView>> ReceiveMany(const Caller& caller,
                                                  const std::vector<TransferId>& ids);
    /// ADMIN undoes a mistaken transfer (PRODUCT.md §2), recorded in the history.
    Result<TransferView> Revert(const Caller& caller, TransferId id, const std::string& reason);
    /// The transfers of a dossier the caller may see, oldest first.
    Result<std::vector<TransferView>> OfDossier(const Caller& caller, DossierId dossier);
    /// A delivery note with its transfers; visible to whoever may see its dossiers' route
    /// ends (sender or receiver units) and to ADMIN and AUTHORITY.
    Result<DeliveryNoteView> DeliveryNote(const Caller& caller, DeliveryNoteId id);

private:
    Result<Page<TransferView>> Tray(
        const Caller& caller, std::optional<UnitId> unit, int page, int per_page, bool inbox);
    Env& env_;
};

}  // namespace sige::app

#pragma once

// Repository of transfers ("pases") and delivery notes ("remitos").

#include <optional>
#include <vector>

#include "domain/model.hpp"
#include "storage/database.hpp"

namespace sige::storage {

class Transfers {
public:
    explicit Transfers(Transaction& tx) : tx_(tx) {}

    std::optional<domain::Transfer> Find(TransferId id);
    TransferId Insert(const domain::Transfer& transfer);
    /// Writes the state, reception and reversal columns.
    void Update(const domain::Transfer& transfer);
    /// Every transfer of a dossier, oldest first.
    std::vector<domain::Transfer> OfDossier(DossierId dossier);
    /// The newest transfer of a dossier that was not reverted, if any.
    std::optional<TransferId> LatestActive(DossierId dossier);
    /// Which end of a transfer a tray looks at.
    enum class End { kTo, kFrom };
    /// Pending transfers addressed to (kTo) or sent by (kFrom) `units` (every unit when
    /// nullopt), oldest first.
    std::vector<domain::Transfer> Pending(End end,
                                          const std::optional<std::vector<UnitId>>& units,
                                          int limit,
                                          int offset);
    std::int64_t CountPending(End end, const std::optional<std::vector<UnitId>>& units);
    std::vector<domain::Transfer> OfDeliveryNote(DeliveryNoteId note);

private:
    Transaction& tx_;
};

class DeliveryNotes {
public:
    explicit DeliveryNotes(Transaction& tx) : tx_(tx) {}

    std::optional<domain::DeliveryNote> Find(DeliveryNoteId id);
    /// Inserts a note numbered after the last of its sending unit in `year`; fills in the id,
    /// number and code of `note`.
    void Insert(domain::DeliveryNote& note, int year);

private:
    Transaction& tx_;
};

}  // namespace sige::storage

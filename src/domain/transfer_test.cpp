// Transfers: custody moves only on reception; folios accumulate; ADMIN reverts the last.

#include "domain/transfer.hpp"

#include <gtest/gtest.h>

namespace sige::domain {
namespace {

const Timestamp kT0 = FromMicros(1'800'000'000'000'000);
const Timestamp kT1 = kT0 + std::chrono::hours(1);
const Timestamp kT2 = kT0 + std::chrono::hours(2);

Dossier Registered() {
    Dossier d;
    d.id = DossierId(1);
    d.custody_unit_id = UnitId(10);
    d.custody_permission = Permission::kWrite;
    d.custody_since = kT0;
    d.folios = 5;
    d.volumes = 1;
    return d;
}

TransferRequest To(UnitId unit, int folios = 3, Permission permission = Permission::kRead) {
    TransferRequest r;
    r.to_unit = unit;
    r.action = TransferAction::kOpinion;
    r.permission = permission;
    r.folios_added = folios;
    return r;
}

TEST(Transfer, SendingPutsTheDossierInTransitWithoutMovingCustody) {
    Dossier d = Registered();
    auto t = StartTransfer(d, To(UnitId(20)), UserId(1), kT1);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->from_unit_id, UnitId(10));
    EXPECT_EQ(t->state, TransferState::kPending);
    EXPECT_EQ(d.custody_unit_id, UnitId(10));
    EXPECT_EQ(d.state, DossierState::kInProcess);
}

TEST(Transfer, ReceptionMovesCustodyPermissionAndAddsFolios) {
    Dossier d = Registered();
    auto t = StartTransfer(d, To(UnitId(20), 3), UserId(1), kT1);
    t->id = TransferId(7);
    d.pending_transfer_id = t->id;
    ASSERT_TRUE(ReceiveTransfer(d, *t, UserId(2), kT2));
    EXPECT_EQ(d.custody_unit_id, UnitId(20));
    EXPECT_EQ(d.custody_permission, Permission::kRead);
    EXPECT_EQ(d.custody_since, kT2);
    EXPECT_EQ(d.folios, 8);
    EXPECT_FALSE(d.InTransit());
    EXPECT_EQ(ReceiveTransfer(d, *t, UserId(2), kT2).error().message_key,
              "transfer.already_received");
}

TEST(Transfer, CannotSendWhatIsInTransitArchivedOrToItsOwnUnit) {
    Dossier d = Registered();
    EXPECT_EQ(StartTransfer(d, To(UnitId(10)), UserId(1), kT1).error().fields.front().field,
              "to_unit");
    d.pending_transfer_id = TransferId(3);
    EXPECT_EQ(StartTransfer(d, To(UnitId(20)), UserId(1), kT1).error().code, ErrorCode::kConflict);
    d.pending_transfer_id.reset();
    d.state = DossierState::kArchived;
    EXPECT_EQ(StartTransfer(d, To(UnitId(20)), UserId(1), kT1).error().code, ErrorCode::kConflict);
}

TEST(Transfer, RequestValidation) {
    TransferRequest r;
    r.folios_added = -1;
    r.notes = std::string(kMaxNotesLength + 1, 'x');
    auto v = ValidateTransferRequest(r);
    ASSERT_FALSE(v.ok());
    std::vector<std::string> fields;
    for (const auto& f : v.ToError().fields) {
        fields.push_back(f.field);
    }
    EXPECT_EQ(fields, (std::vector<std::string>{"to_unit", "action", "folios_added", "notes"}));
}

TEST(Transfer, RevertingAPendingTransferEndsTheTransit) {
    Dossier d = Registered();
    auto t = StartTransfer(d, To(UnitId(20)), UserId(1), kT1);
    t->id = TransferId(7);
    d.pending_transfer_id = t->id;
    ASSERT_TRUE(RevertTransfer(d, *t, /*is_latest=*/true, UserId(9), "destino equivocado", kT2));
    EXPECT_EQ(t->state, TransferState::kReverted);
    EXPECT_FALSE(d.InTransit());
    EXPECT_EQ(d.custody_unit_id, UnitId(10));
}

TEST(Transfer, RevertingAReceivedTransferGivesEverythingBack) {
    Dossier d = Registered();
    auto t = StartTransfer(d, To(UnitId(20), 4), UserId(1), kT1);
    t->id = TransferId(7);
    d.pending_transfer_id = t->id;
    ASSERT_TRUE(ReceiveTransfer(d, *t, UserId(2), kT1));
    ASSERT_TRUE(RevertTransfer(d, *t, true, UserId(9), "", kT2));
    EXPECT_EQ(d.custody_unit_id, UnitId(10));
    EXPECT_EQ(d.custody_permission, Permission::kWrite);
    EXPECT_EQ(d.folios, 5);
    EXPECT_EQ(RevertTransfer(d, *t, true, UserId(9), "", kT2).error().message_key,
              "transfer.already_reverted");
}

TEST(Transfer, OnlyTheLatestTransferIsReverted) {
    Dossier d = Registered();
    auto t = StartTransfer(d, To(UnitId(20)), UserId(1), kT1);
    EXPECT_EQ(RevertTransfer(d, *t, /*is_latest=*/false, UserId(9), "", kT2).error().message_key,
              "transfer.not_latest");
}

}  // namespace
}  // namespace sige::domain

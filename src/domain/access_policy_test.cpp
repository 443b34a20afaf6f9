// PRODUCT.md "Who uses it": the profile x action matrix, read as a specification.

#include "domain/access_policy.hpp"

#include <gtest/gtest.h>

namespace sige::domain {
namespace {

constexpr UnitId kDesk{10};
constexpr UnitId kOther{20};

Actor Make(Profile p, std::optional<UnitId> unit = kDesk) {
    Actor a;
    a.user.id = UserId(1);
    a.user.profile = p;
    a.user.unit_id = unit;
    if (unit) {
        a.scope_units = {*unit};
    }
    return a;
}

Dossier HeldBy(UnitId unit, Permission permission = Permission::kWrite) {
    Dossier d;
    d.id = DossierId(5);
    d.custody_unit_id = unit;
    d.registered_unit_id = unit;
    d.desk_unit_id = unit;
    d.custody_permission = permission;
    return d;
}

const char* Name(Profile p) {
    return ToString(p).data();
}

// Each row: a profile, and whether it may do each action on a dossier its unit holds with
// WRITE permission.
struct Row {
    Profile profile;
    bool register_;
    bool edit;
    bool transfer;
    bool archive;
    bool request_annulment;
    bool annul;
    bool revert;
    bool upload;
    bool annotate;
    bool manage;
    bool global_query;
};

constexpr Row kMatrix[] = {
    //                 reg    edit   xfer   arch   req    annul  revert upload annot  manage global
    {Profile::kAdmin, true, true, true, true, true, true, true, true, true, true, true},
    {Profile::kDesk, true, true, true, true, true, false, false, true, true, false, true},
    {Profile::kOffice, true, true, true, true, true, false, false, true, true, false, true},
    {Profile::kLoader, false, false, false, false, false, false, false, true, false, false, false},
    {Profile::kViewer, false, false, false, false, false, false, false, false, false, false, false},
    {Profile::kAuthority, false, false, false, false, false, false, false, false, false, false,
     true},
};

TEST(AccessPolicy, ProfileMatrixInCustodyWithWrite) {
    const Dossier d = HeldBy(kDesk);
    for (const auto& row : kMatrix) {
        const Actor a =
            Make(row.profile, row.profile == Profile::kAdmin ? std::nullopt : std::optional(kDesk));
        SCOPED_TRACE(Name(row.profile));
        EXPECT_EQ(CanRegister(a).has_value(), row.register_);
        EXPECT_EQ(CanEdit(a, d).has_value(), row.edit);
        EXPECT_EQ(CanTransfer(a, d).has_value(), row.transfer);
        EXPECT_EQ(CanArchive(a, d).has_value(), row.archive);
        EXPECT_EQ(CanRequestAnnulment(a, d).has_value(), row.request_annulment);
        EXPECT_EQ(CanAnnul(a).has_value(), row.annul);
        EXPECT_EQ(CanRevert(a).has_value(), row.revert);
        EXPECT_EQ(CanUpload(a, d).has_value(), row.upload);
        EXPECT_EQ(CanAnnotate(a, d).has_value(), row.annotate);
        EXPECT_EQ(CanManageCatalog(a).has_value(), row.manage);
        EXPECT_EQ(CanQueryGlobally(a), row.global_query);
    }
}

TEST(AccessPolicy, OnlyTheCustodyUnitChangesADossier) {
    const Dossier elsewhere = HeldBy(kOther);
    for (Profile p : {Profile::kDesk, Profile::kOffice, Profile::kLoader}) {
        const Actor a = Make(p);
        SCOPED_TRACE(Name(p));
        EXPECT_EQ(CanEdit(a, elsewhere).error().code, ErrorCode::kForbidden);
        EXPECT_FALSE(CanTransfer(a, elsewhere));
        EXPECT_FALSE(CanUpload(a, elsewhere));
        EXPECT_FALSE(CanAnnotate(a, elsewhere));
    }
    EXPECT_TRUE(CanEdit(Make(Profile::kAdmin, std::nullopt), elsewhere));
}

TEST(AccessPolicy, ReadPermissionForbidsChangesButNotPassingItOn) {
    const Dossier read_only = HeldBy(kDesk, Permission::kRead);
    const Actor desk = Make(Profile::kDesk);
    EXPECT_EQ(CanEdit(desk, read_only).error().message_key, "access.read_only");
    EXPECT_FALSE(CanArchive(desk, read_only));
    EXPECT_FALSE(CanUpload(desk, read_only));
    EXPECT_TRUE(CanTransfer(desk, read_only));
    EXPECT_TRUE(CanAnnotate(desk, read_only));
}

TEST(AccessPolicy, VisibilityOfPublicAndReserved) {
    Dossier d = HeldBy(kOther);
    const Actor desk = Make(Profile::kDesk);
    EXPECT_EQ(DossierVisibility(desk, d, /*on_route=*/true), Visibility::kVisible);
    EXPECT_EQ(DossierVisibility(desk, d, false), Visibility::kForbidden);
    d.reserved = true;
    EXPECT_EQ(DossierVisibility(desk, d, false), Visibility::kHidden);
    EXPECT_EQ(DossierVisibility(Make(Profile::kAuthority), d, false), Visibility::kVisible);
    EXPECT_EQ(DossierVisibility(Make(Profile::kAdmin, std::nullopt), d, false),
              Visibility::kVisible);
}

TEST(AccessPolicy, ReceptionBelongsToTheDestination) {
    Transfer t;
    t.to_unit_id = kDesk;
    EXPECT_TRUE(CanReceive(Make(Profile::kDesk), t));
    EXPECT_TRUE(CanReceive(Make(Profile::kOffice), t));
    EXPECT_FALSE(CanReceive(Make(Profile::kLoader), t));
    EXPECT_FALSE(CanReceive(Make(Profile::kViewer), t));
    EXPECT_EQ(CanReceive(Make(Profile::kDesk, kOther), t).error().message_key,
              "access.not_destination");
    EXPECT_TRUE(CanReceive(Make(Profile::kAdmin, std::nullopt), t));
}

TEST(AccessPolicy, AnnotationsAreRemovedByTheirAuthorOrAdmin) {
    Annotation n;
    n.author_id = UserId(1);
    Actor author = Make(Profile::kDesk);
    Actor colleague = Make(Profile::kDesk);
    colleague.user.id = UserId(2);
    EXPECT_TRUE(CanRemoveAnnotation(author, n));
    EXPECT_FALSE(CanRemoveAnnotation(colleague, n));
    EXPECT_TRUE(CanRemoveAnnotation(Make(Profile::kAdmin, std::nullopt), n));
}

TEST(AccessPolicy, TrackingSecretsStayWithTheRegisteringUnit) {
    Dossier d = HeldBy(kOther);
    d.registered_unit_id = kDesk;
    d.desk_unit_id = kDesk;
    EXPECT_TRUE(CanSeeTrackingSecrets(Make(Profile::kDesk), d));
    EXPECT_TRUE(CanSeeTrackingSecrets(Make(Profile::kOffice), d));
    EXPECT_FALSE(CanSeeTrackingSecrets(Make(Profile::kViewer), d));
    EXPECT_FALSE(CanSeeTrackingSecrets(Make(Profile::kLoader), d));
    EXPECT_FALSE(CanSeeTrackingSecrets(Make(Profile::kDesk, kOther), d));
    EXPECT_TRUE(CanSeeTrackingSecrets(Make(Profile::kAdmin, std::nullopt), d));
}

}  // namespace
}  // namespace sige::domain

// Rules of a dossier's data and life cycle.

#include "domain/dossier.hpp"

#include <gtest/gtest.h>

namespace sige::domain {
namespace {

const Timestamp kNow = FromMicros(1'800'000'000'000'000);

DossierInput ValidExternal() {
    DossierInput in;
    in.type_id = DossierTypeId(1);
    in.summary = "Solicitud de licencia de funcionamiento";
    in.origin = Origin::kExternal;
    in.applicant = Applicant{"Ana Núñez", IdType::kDni, "45678912", "ana@example.pe", "", ""};
    return in;
}

std::vector<std::string> Fields(const Validation& v) {
    std::vector<std::string> out;
    if (!v.ok()) {
        for (const auto& f : v.ToError().fields) {
            out.push_back(f.field);
        }
    }
    return out;
}

TEST(Dossier, CodeIsNumberLettersYear) {
    EXPECT_EQ(FormatDossierCode(1367, "GSC", 2026), "1367-GSC-2026");
    EXPECT_EQ(FormatDossierCode(48375, "", 2023), "48375-2023");
}

TEST(Dossier, AValidRegistrationHasNoProblems) {
    auto in = ValidExternal();
    Normalize(in);
    EXPECT_TRUE(ValidateRegistration(in).ok());
}

TEST(Dossier, RegistrationNamesEveryMissingField) {
    DossierInput in;
    in.origin = Origin::kExternal;
    EXPECT_EQ(Fields(ValidateRegistration(in)),
              (std::vector<std::string>{"type_id", "summary", "applicant"}));
}

TEST(Dossier, RegistrationChecksLengthsRangesAndIdentity) {
    auto in = ValidExternal();
    in.summary = "ab";
    in.folios = -1;
    in.volumes = 5000;
    in.letters = "G S C";
    in.applicant->id_number = "123";
    in.applicant->email = "no-es-correo";
    Normalize(in);
    EXPECT_EQ(Fields(ValidateRegistration(in)),
              (std::vector<std::string>{"letters", "summary", "folios", "volumes",
                                        "applicant.id_number", "applicant.email"}));
}

TEST(Dossier, InternalDossiersNeedNoApplicant) {
    DossierInput in;
    in.type_id = DossierTypeId(2);
    in.summary = "Memorando sobre vacaciones";
    in.origin = Origin::kInternal;
    EXPECT_TRUE(ValidateRegistration(in).ok());
}

TEST(Dossier, NormalizeTrimsAndUppercases) {
    auto in = ValidExternal();
    in.summary = "  extracto  ";
    in.letters = " gsc ";
    in.applicant->id_number = " ab123456 ";
    Normalize(in);
    EXPECT_EQ(*in.summary, "extracto");
    EXPECT_EQ(*in.letters, "GSC");
    EXPECT_EQ(in.applicant->id_number, "AB123456");
}

TEST(Dossier, OriginAndLettersAreFixedOnceRegistered) {
    Dossier d =
        NewDossier(ValidExternal(), OrganizationId(1), UnitId(1), UnitId(1), UserId(1), kNow);
    DossierInput edit;
    edit.origin = Origin::kInternal;
    edit.letters = "XYZ";
    EXPECT_EQ(Fields(ValidateEdit(edit, d)), (std::vector<std::string>{"origin", "letters"}));
}

TEST(Dossier, ANewDossierIsRegisteredInCustodyWithWrite) {
    Dossier d =
        NewDossier(ValidExternal(), OrganizationId(1), UnitId(7), UnitId(3), UserId(1), kNow);
    EXPECT_EQ(d.state, DossierState::kRegistered);
    EXPECT_EQ(d.custody_unit_id, UnitId(7));
    EXPECT_EQ(d.desk_unit_id, UnitId(3));
    EXPECT_EQ(d.custody_permission, Permission::kWrite);
    EXPECT_EQ(d.volumes, 1);
}

TEST(Dossier, ArchiveAndReopenRestoreTheState) {
    Dossier d;
    d.state = DossierState::kInProcess;
    ASSERT_TRUE(Archive(d, kNow));
    EXPECT_EQ(d.state, DossierState::kArchived);
    EXPECT_EQ(CheckChangeable(d).error().message_key, "dossier.archived");
    EXPECT_EQ(Archive(d, kNow).error().code, ErrorCode::kConflict);
    ASSERT_TRUE(Unarchive(d, kNow));
    EXPECT_EQ(d.state, DossierState::kInProcess);
    EXPECT_EQ(Unarchive(d, kNow).error().code, ErrorCode::kConflict);
}

TEST(Dossier, InTransitCannotChange) {
    Dossier d;
    d.pending_transfer_id = TransferId(9);
    EXPECT_EQ(CheckChangeable(d).error().message_key, "dossier.in_transit");
    EXPECT_EQ(Archive(d, kNow).error().code, ErrorCode::kConflict);
    EXPECT_EQ(Annul(d, UserId(1), "error", kNow).error().code, ErrorCode::kConflict);
}

TEST(Dossier, AnnulmentIsFinal) {
    Dossier d;
    ASSERT_TRUE(RequestAnnulment(d, UserId(2), "registrado dos veces", kNow));
    EXPECT_EQ(RequestAnnulment(d, UserId(2), "otra vez", kNow).error().code, ErrorCode::kConflict);
    ASSERT_TRUE(Annul(d, UserId(1), "", kNow));
    EXPECT_EQ(d.state, DossierState::kAnnulled);
    EXPECT_EQ(d.annulment_reason, "registrado dos veces");  // the request's reason is kept
    EXPECT_EQ(CheckChangeable(d).error().message_key, "dossier.annulled");
    EXPECT_EQ(Annul(d, UserId(1), "x", kNow).error().code, ErrorCode::kConflict);
    EXPECT_EQ(Unarchive(d, kNow).error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace sige::domain

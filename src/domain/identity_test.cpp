// API.md "Identity numbers": DNI 8 digits; RUC 11 digits starting 10, 15, 17 or 20 with
// its modulo-11 check digit; CE 9 to 12 letters or digits; passport 6 to 12.

#include "domain/identity.hpp"

#include <gtest/gtest.h>

namespace sige::domain {
namespace {

TEST(Identity, Ruc) {
    struct Case {
        const char* ruc;
        bool valid;
    } cases[] = {
        {"20131312955", true},   // SUNAT
        {"20100047218", true},   // a bank
        {"10467793549", true},   // a person with business
        {"20131312956", false},  // wrong check digit
        {"30131312955", false},  // wrong prefix
        {"2013131295", false},   // 10 digits
        {"2013131295A", false},  // a letter
    };
    for (const auto& c : cases) {
        EXPECT_EQ(IsValidRuc(c.ruc), c.valid) << c.ruc;
    }
}

TEST(Identity, DocumentsByType) {
    struct Case {
        IdType type;
        const char* number;
        const char* problem;
    } cases[] = {
        {IdType::kDni, "45678912", ""},
        {IdType::kDni, "4567891", "identity.dni"},
        {IdType::kDni, "4567891X", "identity.dni"},
        {IdType::kRuc, "20131312955", ""},
        {IdType::kRuc, "20131312954", "identity.ruc"},
        {IdType::kCe, "001234567", ""},
        {IdType::kCe, "12345678", "identity.ce"},
        {IdType::kPassport, "AB123456", ""},
        {IdType::kPassport, "AB12", "identity.passport"},
        {IdType::kPassport, "AB-123456", "identity.passport"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(IdentityProblem(c.type, c.number), c.problem) << c.number;
    }
}

}  // namespace
}  // namespace sige::domain

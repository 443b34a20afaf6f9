#include "core/crypto.hpp"

#include <set>

#include <gtest/gtest.h>

namespace sige::crypto {
namespace {

class CryptoTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { Init(); }
};

TEST_F(CryptoTest, Sha256KnownVector) {
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(CryptoTest, Sha256InPiecesEqualsAtOnce) {
    Sha256 h;
    h.Update("a");
    h.Update("bc");
    EXPECT_EQ(h.FinishHex(), Sha256Hex("abc"));
}

TEST_F(CryptoTest, TokensAreLongAndDistinct) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        auto t = RandomToken(16);
        EXPECT_EQ(t.size(), 22u);  // 128 bits in base64url
        EXPECT_TRUE(seen.insert(t).second);
    }
}

TEST_F(CryptoTest, PinsAreDigits) {
    auto pin = RandomDigits(6);
    ASSERT_EQ(pin.size(), 6u);
    EXPECT_EQ(pin.find_first_not_of("0123456789"), std::string::npos);
}

TEST_F(CryptoTest, PasswordHashVerifiesOnlyTheRightPassword) {
    auto hash = HashPassword("correcta", /*fast=*/true);
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(VerifyPassword(hash, "correcta"));
    EXPECT_FALSE(VerifyPassword(hash, "incorrecta"));
}

TEST_F(CryptoTest, ConstantTimeEquals) {
    EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
}

}  // namespace
}  // namespace sige::crypto

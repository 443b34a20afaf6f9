#include "core/text.hpp"

#include <gtest/gtest.h>

namespace sige::text {
namespace {

TEST(Text, Utf8Validity) {
    struct Case {
        std::string input;
        bool valid;
    } cases[] = {
        {"Núñez", true},
        {"plain", true},
        {"\xC3", false},              // truncated
        {"\xC0\xAF", false},          // overlong '/'
        {"\xED\xA0\x80", false},      // surrogate
        {"\xF4\x90\x80\x80", false},  // above U+10FFFF
        {"€ ¿¡", true},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(IsValidUtf8(c.input), c.valid) << c.input;
    }
}

TEST(Text, LengthCountsCharactersNotBytes) {
    EXPECT_EQ(Utf8Length("Núñez"), 5u);
}

TEST(Text, ControlCharacters) {
    EXPECT_TRUE(HasControlChars(std::string("a\0b", 3)));
    EXPECT_TRUE(HasControlChars("a\nb"));
    EXPECT_FALSE(HasControlChars("a\nb", /*allow_newlines=*/true));
    EXPECT_FALSE(HasControlChars("tab\tok"));
}

TEST(Text, TrimAndUpper) {
    EXPECT_EQ(Trim("  hola \n"), "hola");
    EXPECT_EQ(ToUpperAscii("gsc-ñ"), "GSC-ñ");
}

}  // namespace
}  // namespace sige::text

#include "core/time.hpp"

#include <gtest/gtest.h>

namespace sige {
namespace {

TEST(Time, LimaYearTurnsFiveHoursAfterUtc) {
    auto lima = TimeZone::Default();
    // 2026-01-01T03:00:00Z is still 31 December 2025 in Lima (UTC-5).
    auto t = *ParseIsoInstant("2026-01-01T03:00:00Z");
    EXPECT_EQ(lima.Year(t), 2025);
    EXPECT_EQ(lima.Year(t + std::chrono::hours(2)), 2026);
}

TEST(Time, FormatsWithOffsetAndForPeople) {
    auto lima = TimeZone::Default();
    auto t = *ParseIsoInstant("2026-11-21T14:05:09Z");
    EXPECT_EQ(lima.FormatIso(t), "2026-11-21T09:05:09-05:00");
    EXPECT_EQ(lima.FormatHuman(t), "21/11/2026 09:05");
}

TEST(Time, StartOfLocalDay) {
    auto lima = TimeZone::Default();
    EXPECT_EQ(lima.FormatIso(*lima.StartOfDay("2026-03-01")), "2026-03-01T00:00:00-05:00");
    EXPECT_FALSE(lima.StartOfDay("2026-13-01"));
    EXPECT_FALSE(lima.StartOfDay("ayer"));
}

TEST(Time, ParsesOffsets) {
    auto a = ParseIsoInstant("2026-11-21T09:05:09-05:00");
    auto b = ParseIsoInstant("2026-11-21T14:05:09Z");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
    EXPECT_FALSE(ParseIsoInstant("21/11/2026"));
}

TEST(Time, UnknownZone) {
    EXPECT_FALSE(TimeZone::Find("Mars/Olympus"));
}

}  // namespace
}  // namespace sige

// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/time.hpp>

using namespace theracore;
using boost::posix_time::hours;
using boost::posix_time::microseconds;
using boost::posix_time::minutes;

TEST(Time, DatesRoundTripIncludingLeapDays) {
    EXPECT_EQ(to_iso8601(date(2024, 2, 29)), "2024-02-29");
    EXPECT_EQ(parse_date("2024-02-29"), date(2024, 2, 29));
    EXPECT_EQ(parse_date("0999-01-01"), std::nullopt);  // before Boost's calendar range
}

TEST(Time, ImpossibleOrMalformedDatesAreRejected) {
    for (const char* s : {"2023-02-29", "2020-02-30", "31/02/2020", "2020-13-01", "2020-1-01",
                          "2020-01-01T00:00:00Z", "", "2020-01-0a", "２０２０-01-01"}) {
        EXPECT_EQ(parse_date(s), std::nullopt) << s;
    }
}

TEST(Time, InstantsAreUtcWithOptionalFractionAndOffset) {
    const instant t(date(2026, 11, 25), hours(23) + minutes(19) + boost::posix_time::seconds(5));
    EXPECT_EQ(to_iso8601(t), "2026-11-25T23:19:05Z");
    EXPECT_EQ(parse_instant("2026-11-25T23:19:05Z"), t);
    EXPECT_EQ(parse_instant("2026-11-26T01:19:05+02:00"), t);
    EXPECT_EQ(parse_instant("2026-11-25T18:49:05-04:30"), t);
    const instant f = t + microseconds(250000);
    EXPECT_EQ(to_iso8601(f), "2026-11-25T23:19:05.250000Z");
    EXPECT_EQ(parse_instant("2026-11-25T23:19:05.25Z"), f);
}

TEST(Time, InstantsWithoutZoneOrOutOfRangeAreRejected) {
    for (const char* s : {"2026-11-25T23:19:05", "2026-11-25 23:19:05Z", "2026-11-25T24:00:00Z",
                          "2026-11-25T23:60:00Z", "2026-02-30T00:00:00Z", "2026-11-25T23:19:05.Z",
                          "2026-11-25T23:19:05+2:00", "2026-11-25T23:19:05ZZ"}) {
        EXPECT_EQ(parse_instant(s), std::nullopt) << s;
    }
}

TEST(Time, SpecialValuesCannotBeWritten) {
    EXPECT_THROW((void)to_iso8601(date()), std::out_of_range);
    EXPECT_THROW((void)to_iso8601(instant()), std::out_of_range);
}

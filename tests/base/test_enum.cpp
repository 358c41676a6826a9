// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/people/episode.hpp>

using namespace theracore;

TEST(Enum, EveryValueRoundTripsThroughItsWireName) {
    constexpr auto table = describe_enum(episode_status{});
    for (const auto& [value, name] : table.entries) {
        EXPECT_EQ(to_string(value), name);
        EXPECT_EQ(enum_from_string<episode_status>(name), value);
    }
}

TEST(Enum, UnknownNamesAndCastValuesAreRejected) {
    EXPECT_EQ(enum_from_string<episode_status>("Active"), std::nullopt);  // case-sensitive
    EXPECT_EQ(enum_from_string<episode_status>(""), std::nullopt);
    EXPECT_THROW((void)to_string(static_cast<episode_status>(42)), error);
    EXPECT_EQ(enum_choices<episode_kind>(), "episode_kind (individual, couple, family, group)");
}

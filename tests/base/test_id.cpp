// SPDX-License-Identifier: Apache-2.0
#include <set>
#include <type_traits>
#include <unordered_set>

#include <gtest/gtest.h>

#include <theracore/id.hpp>

using namespace theracore;

TEST(Id, ComparesByValueWithinOneKind) {
    EXPECT_EQ(client_id("a"), client_id("a"));
    EXPECT_NE(client_id("a"), client_id("b"));
    EXPECT_LT(client_id("a"), client_id("b"));
    EXPECT_TRUE(client_id().empty());
    EXPECT_EQ(client_id("x").str(), "x");
    EXPECT_STREQ(client_id::kind(), "client_id");
}

TEST(Id, KindsAreDistinctTypesWithoutConversions) {
    static_assert(!std::is_same_v<client_id, episode_id>);
    static_assert(!std::is_convertible_v<client_id, episode_id>);
    static_assert(!std::is_convertible_v<std::string, client_id>);  // explicit only
    static_assert(!std::is_assignable_v<client_id&, episode_id>);
    SUCCEED();  // the checks above are compile-time; tests/compile_fail proves == fails too
}

TEST(Id, GeneratedIdsAreVersion4UuidsAndUnique) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const auto id = client_id::generate();
        const auto& s = id.str();
        ASSERT_EQ(s.size(), 36u);
        EXPECT_EQ(s[8], '-');
        EXPECT_EQ(s[14], '4');
        EXPECT_TRUE(s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b') << s;
        EXPECT_TRUE(seen.insert(s).second);
    }
}

TEST(Id, Hashable) {
    std::unordered_set<episode_id> ids{episode_id("1"), episode_id("2"), episode_id("1")};
    EXPECT_EQ(ids.size(), 2u);
}

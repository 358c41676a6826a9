// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/error.hpp>

using namespace theracore;

TEST(Error, HierarchyIsRootedAtError) {
    static_assert(std::is_base_of_v<std::runtime_error, error>);
    static_assert(std::is_base_of_v<error, validation_error>);
    static_assert(std::is_base_of_v<error, parse_error>);
    static_assert(std::is_base_of_v<error, not_found>);
    static_assert(std::is_base_of_v<error, conflict>);
    static_assert(std::is_base_of_v<error, access_denied>);
    static_assert(std::is_base_of_v<error, storage_error>);
    SUCCEED();
}

TEST(Error, ValidationErrorListsEveryProblemInWhat) {
    const validation_error e("invalid client",
                             {{"id", "required"}, {"legal_name.text", "required"}});
    EXPECT_EQ(e.problems().size(), 2u);
    EXPECT_STREQ(e.what(), "invalid client\n  id: required\n  legal_name.text: required");
}

TEST(Error, ParseErrorPathsComposeFromTheInside) {
    const parse_error inner("date_of_birth", "expected YYYY-MM-DD, got \"31/02/2020\"");
    const auto outer = inner.with_prefix("client");
    EXPECT_EQ(outer.path(), "client.date_of_birth");
    EXPECT_STREQ(outer.what(), "client.date_of_birth: expected YYYY-MM-DD, got \"31/02/2020\"");
    EXPECT_EQ(parse_error("[2]", "x").with_prefix("telecom").path(), "telecom[2]");
    EXPECT_EQ(parse_error("", "x").with_prefix("id").path(), "id");
}

TEST(Error, StorageErrorCarriesCategoryAndNativeCode) {
    const storage_error e(storage_errc::busy, "SQLITE_BUSY(5)", "database is locked");
    EXPECT_EQ(e.category(), storage_errc::busy);
    EXPECT_EQ(e.native_code(), "SQLITE_BUSY(5)");
    EXPECT_STREQ(e.what(), "database is locked");
}

TEST(Error, ThrowIfInvalidOnlyThrowsForProblems) {
    EXPECT_NO_THROW(throw_if_invalid({}, "x"));
    EXPECT_THROW(throw_if_invalid({{"a", "b"}}, "x"), validation_error);
}

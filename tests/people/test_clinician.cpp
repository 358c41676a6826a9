// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/people/clinician.hpp>

#include "support/builders.hpp"

using namespace theracore;

TEST(Licence, CreateAcceptsAValidLicence) {
    const auto l = test::sample_licence();
    EXPECT_EQ(l.type(), "Psychologist");
    EXPECT_TRUE(l.is_current(date(2020, 1, 15)));
    EXPECT_TRUE(l.is_current(date(2028, 1, 13)));
    EXPECT_FALSE(l.is_current(date(2028, 1, 14)));
    EXPECT_FALSE(l.is_current(date(2020, 1, 14)));
}

TEST(Licence, ExpiringBeforeIssueIsRejected) {
    try {
        (void)licence::create({"LPC", "US-TX", "123", date(2025, 6, 1), date(2025, 5, 31)});
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "expires");
        EXPECT_EQ(e.problems()[0].message,
                  "a licence must expire after it was issued (issued 2025-06-01, expires "
                  "2025-05-31)");
    }
    EXPECT_THROW((void)licence::create({"LPC", "US-TX", "123", date(2025, 6, 1), date(2025, 6, 1)}),
                 validation_error);
}

TEST(Licence, EveryMissingFieldIsReportedAtOnce) {
    const auto p = licence::check({});
    const problem_list expected{{"type", "required"},
                                {"jurisdiction", "required"},
                                {"number", "required"},
                                {"issued", "required"},
                                {"expires", "required"}};
    EXPECT_EQ(p, expected);
}

TEST(Clinician, SupervisionRules) {
    auto k = test::full_clinician();
    EXPECT_TRUE(validate(k).empty());
    k.supervisor.reset();
    EXPECT_EQ(validate(k),
              (problem_list{{"supervisor", "required when requires_supervision is true"}}));
    k.supervisor = k.id;
    EXPECT_EQ(validate(k),
              (problem_list{{"supervisor", "a clinician cannot supervise themselves"}}));
}

TEST(Clinician, ScopeTags) {
    const auto k = test::full_clinician();
    EXPECT_TRUE(has_scope(k, "couples"));
    EXPECT_FALSE(has_scope(k, "child-adolescent"));
}

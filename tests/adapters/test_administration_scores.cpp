// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/adapters/administration_scores.hpp>

#include "support/adapters_builders.hpp"

using namespace theracore;
using itest::at;
using itest::builtin;

TEST(ScaleFor, TheTotalByDefaultOrANamedScale) {
    EXPECT_EQ(scale_for(builtin("phq9")).id, "total");
    EXPECT_EQ(scale_for(builtin("phq9"), "phq2").id, "phq2");
    EXPECT_EQ(scale_for(builtin("dass21"), "stress").id, "stress");
}

TEST(ScaleFor, NamesWhatIsMissing) {
    try {
        (void)scale_for(builtin("dass21"));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"scale_id",
                                               "dass21 has no total scale; name one of: "
                                               "depression, anxiety, stress"}}));
    }
    try {
        (void)scale_for(builtin("phq9"), "phq8");
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"scale_id", "phq9 has no scale \"phq8\" (scales: total, phq2)"}}));
    }
}

TEST(ReadScale, AScoredScale) {
    const auto a = itest::phq9("a-1", "c-1", at(2026, 1, 5, 9), 12, 1);
    const auto r = read_scale(builtin("phq9"), a, scale_for(builtin("phq9")));
    ASSERT_NE(r.score, nullptr);
    EXPECT_EQ(*r.score->value, 13);
    EXPECT_FALSE(r.unscored);
}

TEST(ReadScale, AScaleNotScoredIsAFindingWithTheEnginesReason) {
    // PHQ-9 publishes no missing-data rule: one missing item leaves the total unscored.
    const auto a = itest::phq9("a-2", "c-1", at(2026, 1, 5, 9), 12, instruments::answer());
    const auto r = read_scale(builtin("phq9"), a, scale_for(builtin("phq9")));
    EXPECT_EQ(r.score, nullptr);
    ASSERT_TRUE(r.unscored);
    EXPECT_EQ(r.unscored->administration, administration_id("a-2"));
    EXPECT_EQ(r.unscored->scale, "total");
    EXPECT_EQ(r.unscored->reason, unscored_reason::scale_not_scored);
    EXPECT_EQ(r.unscored->detail.rfind("too_many_missing: 1 of 9 items missing", 0), 0u)
        << r.unscored->detail;
}

TEST(ReadScale, AnotherDefinitionVersionIsAFinding) {
    const auto a = itest::as_version(itest::phq9("a-3", "c-1", at(2026, 1, 5, 9), 12), "0.9");
    const auto r = read_scale(builtin("phq9"), a, scale_for(builtin("phq9")));
    EXPECT_EQ(r.score, nullptr);
    ASSERT_TRUE(r.unscored);
    EXPECT_EQ(r.unscored->reason, unscored_reason::other_version);
    EXPECT_EQ(r.unscored->detail,
              "scored with phq9 v0.9, not v1.0: re-score its answers with v1.0");
}

TEST(ReadScale, AStoredResultWithoutTheScaleIsAFinding) {
    auto a = itest::phq9("a-4", "c-1", at(2026, 1, 5, 9), 12);
    a.result.scales.pop_back();  // drop phq2
    const auto r = read_scale(builtin("phq9"), a, scale_for(builtin("phq9"), "phq2"));
    ASSERT_TRUE(r.unscored);
    EXPECT_EQ(r.unscored->reason, unscored_reason::scale_not_scored);
    EXPECT_EQ(r.unscored->detail, "the stored result has no scale \"phq2\"");
}

TEST(ReadScale, AnotherInstrumentIsAnError) {
    const auto a = itest::phq9("a-5", "c-1", at(2026, 1, 5, 9), 12);
    try {
        (void)read_scale(builtin("gad7"), a, scale_for(builtin("gad7")));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"instrument", "administration a-5 is of phq9, not gad7"}}));
    }
}

TEST(CriticalFlagsNotEvaluated, OnlyCriticalOnesUnlessAskedAndUnknownOnesAlways) {
    // PHQ-9 item 9 unanswered: its urgent flag can be neither raised nor ruled out.
    const auto a = itest::phq9("a-6", "c-1", at(2026, 1, 5, 9), 12, instruments::answer());
    const auto n = critical_flags_not_evaluated(builtin("phq9"), a);
    ASSERT_TRUE(n);
    EXPECT_EQ(n->administration, administration_id("a-6"));
    EXPECT_EQ(n->flags, (std::vector<std::string>{"item9_self_harm"}));
    EXPECT_FALSE(critical_flags_not_evaluated(builtin("phq9"),
                                              itest::phq9("a-7", "c-1", at(2026, 1, 5), 12, 0)));
    // AUDIT's "next higher zone" flag is informational: not critical unless asked for.
    std::vector<instruments::answer> audit(10, instruments::answer());
    audit[0] = 2;
    const auto au = itest::scored("audit", "a-8", "c-1", at(2026, 1, 5), audit);
    ASSERT_EQ(au.result.flags_not_evaluated, (std::vector<std::string>{"next_higher_zone"}));
    EXPECT_FALSE(critical_flags_not_evaluated(builtin("audit"), au));
    EXPECT_TRUE(
        critical_flags_not_evaluated(builtin("audit"), au, instruments::flag_severity::info));
    // A flag the definition does not know (a result from another version) is always reported.
    auto odd = a;
    odd.result.flags_not_evaluated = {"retired_flag"};
    EXPECT_EQ(critical_flags_not_evaluated(builtin("phq9"), odd)->flags,
              (std::vector<std::string>{"retired_flag"}));
}

TEST(CriticalFlagSeverity, UrgentAndAbove) {
    EXPECT_EQ(critical_flag_severity, instruments::flag_severity::urgent);
    EXPECT_EQ(to_string(unscored_reason::level_undetermined), "level_undetermined");
}

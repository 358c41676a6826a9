// SPDX-License-Identifier: Apache-2.0
// NHS Talking Therapies (IAPT) rule sets: PHQ-9 caseness >= 10, reliable change >= 6;
// GAD-7 caseness >= 8, reliable change >= 4 (instruments.md §2.1, §2.3, §3.4).
#include <gtest/gtest.h>

#include <theracore/adapters/builtin_rule_sets.hpp>
#include <theracore/outcomes/talking_therapies.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {
instrument_score phq9(double v) {
    return {"phq9", "1", v};
}
instrument_score gad7(double v) {
    return {"gad7", "1", v};
}
}  // namespace

// The built-in sets come from the PHQ-9 and GAD-7 definitions; the expected thresholds are the
// NHS Talking Therapies conventions (NHS Digital 2016; instruments.md §3.4).
TEST(TalkingTherapies, BuiltInRuleSetsAreData) {
    const auto& sets = talking_therapies_rule_sets();
    ASSERT_GE(sets.size(), 2u);
    const auto& p = talking_therapies_rule_set_named("nhs_talking_therapies.phq9");
    EXPECT_EQ(p.instrument_id, "phq9");
    EXPECT_EQ(p.caseness, 10);
    EXPECT_EQ(p.reliable_change, 6);
    const auto& g = talking_therapies_rule_set_named("nhs_talking_therapies.gad7");
    EXPECT_EQ(g.instrument_id, "gad7");
    EXPECT_EQ(g.caseness, 8);
    EXPECT_EQ(g.reliable_change, 4);
    for (const auto& s : sets) {
        EXPECT_TRUE(validate(s).empty()) << s.name;
        EXPECT_FALSE(s.source.empty());
    }
    EXPECT_THROW((void)talking_therapies_rule_set_named("iapt.k10"), not_found);
}

TEST(TalkingTherapies, Phq9Outcomes) {
    const auto& r = talking_therapies_rule_set_named("nhs_talking_therapies.phq9");
    auto o = talking_therapies(phq9(16), phq9(9), r);  // drop 7, case -> non-case
    EXPECT_TRUE(o.case_at_start);
    EXPECT_FALSE(o.case_at_end);
    EXPECT_TRUE(o.reliable_improvement);
    EXPECT_TRUE(o.recovered);
    EXPECT_TRUE(o.reliable_recovery);

    o = talking_therapies(phq9(16), phq9(10), r);  // drop 6 (reliable), 10 is still a case
    EXPECT_TRUE(o.reliable_improvement);
    EXPECT_TRUE(o.case_at_end);
    EXPECT_FALSE(o.recovered);
    EXPECT_FALSE(o.reliable_recovery);

    o = talking_therapies(phq9(12), phq9(9), r);  // recovered, but a drop of 3 is not reliable
    EXPECT_TRUE(o.recovered);
    EXPECT_FALSE(o.reliable_improvement);
    EXPECT_FALSE(o.reliable_recovery);

    o = talking_therapies(phq9(15), phq9(10), r);  // drop 5: not reliable
    EXPECT_FALSE(o.reliable_improvement);

    o = talking_therapies(phq9(8), phq9(14), r);  // rise 6
    EXPECT_TRUE(o.reliable_deterioration);
    EXPECT_FALSE(o.case_at_start);
    EXPECT_FALSE(o.recovered);
}

TEST(TalkingTherapies, Gad7Outcomes) {
    const auto& r = talking_therapies_rule_set_named("nhs_talking_therapies.gad7");
    auto o = talking_therapies(gad7(8), gad7(4), r);  // 8 is a case; drop 4 is reliable
    EXPECT_TRUE(o.case_at_start);
    EXPECT_TRUE(o.reliable_improvement);
    EXPECT_TRUE(o.reliable_recovery);
    o = talking_therapies(gad7(7), gad7(3), r);  // not a case at the start
    EXPECT_FALSE(o.case_at_start);
    EXPECT_TRUE(o.reliable_improvement);
    EXPECT_FALSE(o.recovered);
    o = talking_therapies(gad7(10), gad7(13), r);
    EXPECT_FALSE(o.reliable_deterioration);  // rise 3 < 4
    o = talking_therapies(gad7(10), gad7(14), r);
    EXPECT_TRUE(o.reliable_deterioration);
}

TEST(TalkingTherapies, ACallerDefinedHigherIsBetterRuleSet) {
    // A service's own rule set (made-up numbers): WHO-5 raw, a case at 12 or less, 5 points.
    const talking_therapies_rule_set who5{"local.who5", "who5", score_direction::higher_is_better,
                                          12,           5,      "local audit"};
    const instrument_score pre{"who5", "", 9}, post{"who5", "", 15};
    const auto o = talking_therapies(pre, post, who5);
    EXPECT_TRUE(o.case_at_start);
    EXPECT_FALSE(o.case_at_end);
    EXPECT_TRUE(o.reliable_improvement);
    EXPECT_TRUE(o.reliable_recovery);
    EXPECT_TRUE(talking_therapies(post, pre, who5).reliable_deterioration);
    EXPECT_TRUE(is_case(who5, 12));
    EXPECT_FALSE(is_case(who5, 13));
}

TEST(TalkingTherapiesBadInput, EveryRule) {
    const auto& r = talking_therapies_rule_set_named("nhs_talking_therapies.phq9");
    EXPECT_INVALID_AT(talking_therapies(phq9(16), gad7(5), r), "post.instrument_id");
    EXPECT_INVALID_AT(talking_therapies(gad7(16), gad7(5), r), "rules.instrument_id");
    EXPECT_INVALID_AT(talking_therapies(phq9(16), {"phq9", "2", 5}, r), "post.instrument_version");
    EXPECT_INVALID_AT(talking_therapies(phq9(std::nan("")), phq9(5), r), "pre.value");
    auto bad = r;
    bad.reliable_change = 0;
    bad.name.clear();
    EXPECT_INVALID_AT(talking_therapies(phq9(16), phq9(5), bad), "rules.reliable_change");
    EXPECT_INVALID_AT(talking_therapies(phq9(16), phq9(5), bad), "rules.name");
}

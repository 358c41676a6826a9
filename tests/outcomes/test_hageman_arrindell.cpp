// SPDX-License-Identifier: Apache-2.0
// Hageman & Arrindell (1999). Expected values are examples A, B and C of the verification notes
// (formulas of instruments.md §3.3; group inputs invented there for illustration), plus
// identities that follow from the formulas in Hageman & Arrindell (1999).
#include <cmath>

#include <gtest/gtest.h>

#include <theracore/outcomes/hageman_arrindell.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {
// Example A/B group: s_pre 7.7, s_post 8.5, r_12 .50, M_pre 19.7, M_post 12.0.
group_statistics group_ab() {
    return {19.7, 7.7, 12.0, 8.5, 0.50, "verification notes, example A"};
}
// Example C group (PCL-5): s_pre 21.16, s_post 19.0, r_12 .40, M_pre 50, M_post 35.
group_statistics group_c() {
    return {50, 21.16, 35, 19.0, 0.40, "verification notes, example C"};
}
}  // namespace

TEST(HagemanArrindell, ExampleA) {
    const auto p = test::core10_parameters();  // r_xx .90; norms 4.7/4.8 and 19.7/7.7
    const auto o = hageman_arrindell(test::score(p, 22), test::score(p, 12), p, group_ab());
    EXPECT_NEAR(o.se, 2.434954, 1e-6);
    EXPECT_NEAR(o.r_pre, 0.900000, 1e-6);
    EXPECT_NEAR(o.r_post, 0.917938, 1e-6);
    EXPECT_NEAR(o.r_dd, 0.820578, 1e-6);
    EXPECT_NEAR(o.rc_id, -3.073491, 1e-6);
    EXPECT_EQ(o.kind, change_kind::reliable_improvement);
    EXPECT_NEAR(*o.r_clinical, 0.900000, 1e-6);
    EXPECT_NEAR(*o.r_functional, 0.742665, 1e-6);
    EXPECT_NEAR(*o.c_true, 10.123124, 1e-6);
    EXPECT_NEAR(*o.cs_indiv, 0.804522, 1e-6);
    // 0.80 is not beyond -1.645: not clearly functional, so improved rather than recovered.
    EXPECT_EQ(o.post_side, true_score_side::indeterminate);
    EXPECT_EQ(o.category, jacobson_truax_category::improved);
    EXPECT_EQ(o.critical_value, 1.645);
    EXPECT_EQ(o.parameters, p);
    EXPECT_EQ(o.group, group_ab());
}

TEST(HagemanArrindell, ExampleB) {
    const auto p = test::core10_parameters();
    const auto o = hageman_arrindell(test::score(p, 22), test::score(p, 18), p, group_ab());
    EXPECT_NEAR(o.rc_id, -1.495134, 1e-6);
    EXPECT_EQ(o.kind, change_kind::no_reliable_change);
    EXPECT_NEAR(*o.c_true, 10.123124, 1e-6);
    EXPECT_NEAR(*o.cs_indiv, 3.165366, 1e-6);
    EXPECT_EQ(o.post_side, true_score_side::clinical);
    EXPECT_EQ(o.category, jacobson_truax_category::unchanged);
}

TEST(HagemanArrindell, ExampleCIsReliableWhereJacobsonTruaxIsNot) {
    const auto p = test::pcl5_parameters();  // r_xx .84; norms 20.9/17.7 and 36.97/21.16
    const auto o = hageman_arrindell(test::score(p, 52), test::score(p, 30), p, group_c());
    EXPECT_NEAR(o.se, 8.464000, 1e-6);
    EXPECT_NEAR(o.r_post, 0.801553, 1e-6);
    EXPECT_NEAR(o.r_dd, 0.705862, 1e-6);
    EXPECT_NEAR(o.rc_id, -1.982883, 1e-6);
    EXPECT_EQ(o.kind, change_kind::reliable_improvement);  // JT RC was -1.84, not reliable
    EXPECT_NEAR(*o.r_clinical, 0.840000, 1e-6);
    EXPECT_NEAR(*o.r_functional, 0.771332, 1e-6);
    EXPECT_NEAR(*o.c_true, 28.049978, 1e-6);
    EXPECT_NEAR(*o.cs_indiv, 0.388274, 1e-6);
    EXPECT_EQ(o.category, jacobson_truax_category::improved);
}

TEST(HagemanArrindell, CriticalValueIsAParameterAndRecorded) {
    // clinicalsignificance uses 1.65 where we default to 1.645. With x2 = 17.42 in example A's
    // group, RC_ID = -1.6477 lies between the two.
    const auto p = test::core10_parameters();
    const auto a = hageman_arrindell(test::score(p, 22), test::score(p, 17.42), p, group_ab());
    const auto b =
        hageman_arrindell(test::score(p, 22), test::score(p, 17.42), p, group_ab(), 1.65);
    EXPECT_GT(std::fabs(a.rc_id), 1.645);
    EXPECT_LT(std::fabs(a.rc_id), 1.65);
    EXPECT_EQ(a.kind, change_kind::reliable_improvement);
    EXPECT_EQ(b.kind, change_kind::no_reliable_change);
    EXPECT_EQ(b.critical_value, 1.65);
}

TEST(HagemanArrindell, ChangeEqualToTheGroupChangeIsNotShrunk) {
    // When x2 - x1 equals M_post - M_pre, the regression correction cancels:
    // RC_ID = (x2 - x1) / (sqrt(r_dd) * sqrt(2) * SE).
    const auto p = test::core10_parameters();
    const auto g = group_ab();
    const double x1 = 25, x2 = x1 + (g.post_mean - g.pre_mean);
    const auto o = hageman_arrindell(test::score(p, x1), test::score(p, x2), p, g);
    EXPECT_NEAR(o.rc_id, (x2 - x1) / (std::sqrt(o.r_dd) * std::sqrt(2.0) * o.se), 1e-12);
}

TEST(HagemanArrindell, TrueScoreCutoffEqualsJacobsonTruaxCWhenTheSdsAreEqual) {
    // With s0 = s1, r_clin = r_func and c_true reduces to (M0 + M1) / 2, which is JT's c.
    auto p = test::core10_parameters();
    p.functional->sd = 7.7;
    const auto o = hageman_arrindell(test::score(p, 22), test::score(p, 12), p, group_ab());
    EXPECT_NEAR(*o.c_true, *clinical_cutoffs(p).c.value, 1e-12);
    EXPECT_NEAR(*o.c_true, (4.7 + 19.7) / 2, 1e-12);
}

TEST(HagemanArrindell, BothDirectionsAgreeOnAMirroredScale) {
    const auto lower = test::core10_parameters();
    auto higher = lower;
    higher.direction = score_direction::higher_is_better;
    higher.functional->mean = 40 - lower.functional->mean;
    higher.dysfunctional->mean = 40 - lower.dysfunctional->mean;
    auto g = group_ab();
    auto gm = g;
    gm.pre_mean = 40 - g.pre_mean;
    gm.post_mean = 40 - g.post_mean;
    for (double post : {4.0, 12.0, 18.0, 30.0}) {
        const auto a =
            hageman_arrindell(test::score(lower, 22), test::score(lower, post), lower, g);
        const auto b =
            hageman_arrindell(test::score(higher, 18), test::score(higher, 40 - post), higher, gm);
        EXPECT_NEAR(a.rc_id, -b.rc_id, 1e-12);
        EXPECT_NEAR(*a.cs_indiv, -*b.cs_indiv, 1e-12);
        EXPECT_EQ(a.category, b.category) << post;
        EXPECT_EQ(a.post_side, b.post_side) << post;
    }
}

TEST(HagemanArrindell, WithoutNormsOnlyRecoveryIsUnknown) {
    const auto p = test::phq9_parameters();
    const group_statistics g{16, 4.25, 10, 5.0, 0.4, "made up"};
    const auto o = hageman_arrindell(test::score(p, 18), test::score(p, 6), p, g);
    EXPECT_EQ(o.kind, change_kind::reliable_improvement);
    EXPECT_FALSE(o.c_true.has_value());
    EXPECT_FALSE(o.category.has_value());
    EXPECT_EQ(o.note, "c_true needs functional and dysfunctional norms");
}

TEST(HagemanArrindellBadInput, EveryRule) {
    const auto p = test::core10_parameters();
    auto g = group_ab();
    g.post_sd = 0;
    g.pre_post_correlation = 1.5;
    try {
        (void)hageman_arrindell(test::score(p, 22), test::score(p, 12), p, g, 0);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        for (const char* path : {"group.post_sd", "group.pre_post_correlation", "critical_value"}) {
            EXPECT_TRUE(test::names_path(e, path)) << path;
        }
    }
    // A post SD not above the standard error of measurement (2.43) leaves r_post <= 0.
    g = group_ab();
    g.post_sd = 2.0;
    EXPECT_INVALID_AT(hageman_arrindell(test::score(p, 22), test::score(p, 12), p, g),
                      "group.post_sd");
    // Equal SDs with r_12 = .95 > r_xx give a negative r_dd.
    g = group_ab();
    g.post_sd = 7.7;
    g.pre_post_correlation = 0.95;
    EXPECT_INVALID_AT(hageman_arrindell(test::score(p, 22), test::score(p, 12), p, g),
                      "group.pre_post_correlation");
    auto bad = p;
    bad.reliability.value = 0;
    EXPECT_INVALID_AT(hageman_arrindell(test::score(p, 22), test::score(p, 12), bad, group_ab()),
                      "parameters.reliability.value");
    EXPECT_INVALID_AT(hageman_arrindell(test::score(p, 22), {"phq9", "1", 12}, p, group_ab()),
                      "post.instrument_id");
}

// SPDX-License-Identifier: Apache-2.0
// Jacobson & Truax (1991) reliable change. Expected values are the worked examples of
// instruments.md §3.1 as computed to 6 decimals in the verification notes, and cases built
// from the formulas of Jacobson & Truax (1991) / Christensen & Mendoza (1986).
#include <cmath>

#include <gtest/gtest.h>

#include <theracore/outcomes/reliable_change.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

TEST(JacobsonTruax, Core10WorkedExample) {
    // CORE-10: x1 22, x2 12, s1 7.7 (Connell & Barkham 2007), alpha .90 (Barkham 2013).
    const auto p = test::core10_parameters();
    const auto rc = jacobson_truax_rci(test::score(p, 22), test::score(p, 12), p);
    EXPECT_NEAR(rc.threshold.se, 2.434954, 1e-6);
    EXPECT_NEAR(rc.threshold.s_diff, 3.443545, 1e-6);
    EXPECT_NEAR(rc.rci, -2.903984, 1e-6);
    EXPECT_NEAR(rc.threshold.points, 6.749348, 1e-6);
    EXPECT_EQ(rc.threshold.min_whole_points, 7);
    EXPECT_EQ(rc.difference, -10);
    EXPECT_EQ(rc.kind, change_kind::reliable_improvement);
    EXPECT_EQ(rc.threshold.parameters, p);  // the parameters are echoed
    EXPECT_EQ(rc.threshold.parameters.z, 1.96);
}

TEST(JacobsonTruax, Core10PublishedRciOfSixUsesNinetyPercent) {
    // Barkham et al. (2013) publish a CORE-10 RCI of 6, computed with a 90 % interval
    // (z = 1.645): 1.645 * 3.443545 = 5.664631 -> 6 whole points.
    const auto p = test::core10_parameters(1.645);
    const auto t = jacobson_truax_threshold(p);
    EXPECT_NEAR(t.points, 5.664631, 1e-6);
    EXPECT_EQ(t.min_whole_points, 6);
    EXPECT_EQ(t.parameters.z, 1.645);
}

TEST(JacobsonTruax, Pcl5WorkedExampleIsNotReliableAtNinetyFivePercent) {
    // PCL-5: x1 52, x2 30, s1 21.16, test-retest r .84 (Bovin 2016).
    const auto p = test::pcl5_parameters();
    const auto rc = jacobson_truax_rci(test::score(p, 52), test::score(p, 30), p);
    EXPECT_NEAR(rc.threshold.se, 8.464000, 1e-6);
    EXPECT_NEAR(rc.threshold.s_diff, 11.969904, 1e-6);
    EXPECT_NEAR(rc.rci, -1.837943, 1e-6);
    EXPECT_NEAR(rc.threshold.points, 23.461011, 1e-6);
    EXPECT_EQ(rc.kind, change_kind::no_reliable_change);
    auto p90 = p;
    p90.z = 1.645;
    EXPECT_NEAR(jacobson_truax_threshold(p90).points, 19.690491, 1e-6);
    EXPECT_EQ(jacobson_truax_rci(test::score(p, 52), test::score(p, 30), p90).kind,
              change_kind::reliable_improvement);
}

TEST(JacobsonTruax, Phq9WorkedExample) {
    // PHQ-9 (illustrative): x1 16, x2 11, s1 4.25 (Gilbody 2015), alpha .89 (Kroenke 2001).
    const auto p = test::phq9_parameters();
    const auto rc = jacobson_truax_rci(test::score(p, 16), test::score(p, 11), p);
    EXPECT_NEAR(rc.threshold.se, 1.409566, 1e-6);
    EXPECT_NEAR(rc.threshold.s_diff, 1.993427, 1e-6);
    EXPECT_NEAR(rc.rci, -2.508244, 1e-6);
    EXPECT_NEAR(rc.threshold.points, 3.907116, 1e-6);
    EXPECT_EQ(rc.threshold.min_whole_points, 4);
    EXPECT_EQ(rc.kind, change_kind::reliable_improvement);
    // The other way round is a reliable deterioration of the same size.
    const auto back = jacobson_truax_rci(test::score(p, 11), test::score(p, 16), p);
    EXPECT_NEAR(back.rci, 2.508244, 1e-6);
    EXPECT_EQ(back.kind, change_kind::reliable_deterioration);
}

TEST(JacobsonTruax, SDiffIncludesTheSquareRootOfTwo) {
    // Christensen & Mendoza (1986): S_diff = sqrt(2) * SE, not SE as in Jacobson et al. (1984).
    const auto t = jacobson_truax_threshold(test::core10_parameters());
    EXPECT_NEAR(t.s_diff, std::sqrt(2.0) * t.se, 1e-12);
}

TEST(JacobsonTruax, WholePointRuleWhenTheThresholdIsAnExactInteger) {
    // s1 = 25, r = .5: S_diff = 25 * sqrt(2 * .5) = 25, and 1.96 * 25 = 49 exactly. |RCI| > 1.96
    // is strict, so 49 points are not reliable and 50 are: ceil(49) would be one short.
    auto p = test::core10_parameters();
    p.sd.value = 25;
    p.reliability.value = 0.5;
    p.range = score_range{0, 200};
    const auto t = jacobson_truax_threshold(p);
    EXPECT_EQ(t.s_diff, 25);
    EXPECT_EQ(t.points, 49);
    EXPECT_EQ(t.min_whole_points, 50);
    EXPECT_EQ(jacobson_truax_rci(test::score(p, 100), test::score(p, 51), p).kind,
              change_kind::no_reliable_change);
    EXPECT_EQ(jacobson_truax_rci(test::score(p, 100), test::score(p, 50), p).kind,
              change_kind::reliable_improvement);

    // Another exact case: z = 2, s1 = 3, r = .5 -> threshold 6, so 7 whole points.
    p.sd.value = 3;
    p.z = 2;
    EXPECT_EQ(jacobson_truax_threshold(p).min_whole_points, 7);
    EXPECT_EQ(jacobson_truax_rci(test::score(p, 20), test::score(p, 14), p).kind,
              change_kind::no_reliable_change);
    EXPECT_EQ(jacobson_truax_rci(test::score(p, 20), test::score(p, 13), p).kind,
              change_kind::reliable_improvement);
}

TEST(JacobsonTruax, WholePointThresholdAgreesWithTheRciEverywhere) {
    // For many parameter sets, a change of min_whole_points is reliable and one point less is
    // not: the two outputs can never disagree.
    for (double sd = 1.0; sd <= 12.0; sd += 0.35) {
        for (double r : {0.5, 0.7, 0.8, 0.84, 0.89, 0.9, 0.95}) {
            auto p = test::core10_parameters();
            p.sd.value = sd;
            p.reliability.value = r;
            p.range.reset();
            const auto t = jacobson_truax_threshold(p);
            const double k = t.min_whole_points;
            EXPECT_EQ(jacobson_truax_rci(test::score(p, 100), test::score(p, 100 - k), p).kind,
                      change_kind::reliable_improvement)
                << sd << " " << r;
            EXPECT_EQ(
                jacobson_truax_rci(test::score(p, 100), test::score(p, 100 - (k - 1)), p).kind,
                change_kind::no_reliable_change)
                << sd << " " << r;
        }
    }
}

TEST(JacobsonTruax, HigherIsBetterFlipsTheVerdict) {
    // WHO-5 percentage scale, higher is better: s1 18, alpha .85 (made-up numbers).
    // S_diff = 18 * sqrt(0.3) = 9.859006; a rise of 20 gives RCI 2.028602.
    const auto p = test::who5_parameters();
    const auto up = jacobson_truax_rci(test::score(p, 40), test::score(p, 60), p);
    EXPECT_NEAR(up.threshold.s_diff, 9.859006, 1e-6);
    EXPECT_NEAR(up.rci, 2.028602, 1e-6);
    EXPECT_EQ(up.kind, change_kind::reliable_improvement);
    const auto down = jacobson_truax_rci(test::score(p, 60), test::score(p, 40), p);
    EXPECT_NEAR(down.rci, -2.028602, 1e-6);
    EXPECT_EQ(down.kind, change_kind::reliable_deterioration);

    // The same numbers on a lower-is-better instrument mean the opposite.
    auto lower = p;
    lower.direction = score_direction::lower_is_better;
    EXPECT_EQ(jacobson_truax_rci(test::score(p, 40), test::score(p, 60), lower).kind,
              change_kind::reliable_deterioration);
}

TEST(JacobsonTruaxBadInput, ReliabilityOutsideZeroOne) {
    for (double r : {0.0, 1.0, 1.5, -0.1}) {
        auto p = test::core10_parameters();
        p.reliability.value = r;
        EXPECT_INVALID_AT(jacobson_truax_rci(test::score(p, 22), test::score(p, 12), p),
                          "parameters.reliability.value");
        EXPECT_INVALID_AT(jacobson_truax_threshold(p), "parameters.reliability.value");
    }
}

TEST(JacobsonTruaxBadInput, NonPositiveSd) {
    for (double sd : {0.0, -4.0}) {
        auto p = test::core10_parameters();
        p.sd.value = sd;
        EXPECT_INVALID_AT(jacobson_truax_rci(test::score(p, 22), test::score(p, 12), p),
                          "parameters.sd.value");
    }
}

TEST(JacobsonTruaxBadInput, PrePostFromDifferentInstruments) {
    const auto p = test::phq9_parameters();
    const instrument_score gad7{"gad7", "1", 5};
    EXPECT_INVALID_AT(jacobson_truax_rci(test::score(p, 16), gad7, p), "post.instrument_id");
    const instrument_score phq9_v2{"phq9", "2", 5};
    EXPECT_INVALID_AT(jacobson_truax_rci(test::score(p, 16), phq9_v2, p),
                      "post.instrument_version");
    // Scores from GAD-7 with PHQ-9 parameters.
    EXPECT_INVALID_AT(jacobson_truax_rci(gad7, gad7, p), "parameters.instrument_id");
}

TEST(JacobsonTruaxBadInput, ScoresOutsideTheRangeOrNotFinite) {
    const auto p = test::phq9_parameters();
    EXPECT_INVALID_AT(jacobson_truax_rci(test::score(p, 28), test::score(p, 12), p), "pre.value");
    EXPECT_INVALID_AT(jacobson_truax_rci(test::score(p, 12), test::score(p, std::nan("")), p),
                      "post.value");
}

TEST(JacobsonTruaxBadInput, EveryProblemIsReportedAtOnce) {
    auto p = test::phq9_parameters();
    p.sd.value = 0;
    p.reliability.value = 1;
    p.z = -1;
    try {
        (void)jacobson_truax_rci({"phq9", "1", 30}, {"gad7", "1", 3}, p);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        for (const char* path : {"parameters.sd.value", "parameters.reliability.value",
                                 "parameters.z", "post.instrument_id", "pre.value"}) {
            EXPECT_TRUE(test::names_path(e, path)) << path << "\n" << e.what();
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
#include <cmath>

#include <gtest/gtest.h>

#include <theracore/outcomes/trajectory.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

TEST(Trajectory, ChangesBandsAndRciAtEachPoint) {
    // PHQ-9 with S_diff 1.993427 (Gilbody 2015 SD, Kroenke 2001 alpha): a change must exceed
    // 3.907116 points.
    const auto s = test::phq9_series({17, 15, 12, 9, 7});
    const auto p = test::phq9_parameters();
    const auto t = build_trajectory(s, p, cutoff_criterion::published);
    ASSERT_EQ(t.points.size(), 5u);
    EXPECT_EQ(t.instrument_id, "phq9");
    EXPECT_EQ(t.instrument_name, "PHQ-9");
    EXPECT_EQ(t.threshold.parameters, p);
    const double s_diff = 4.25 * std::sqrt(2 * (1 - 0.89));
    const double values[] = {17, 15, 12, 9, 7};
    const char* bands[] = {"moderately severe", "moderately severe", "moderate", "mild", "mild"};
    const change_kind kinds[] = {change_kind::no_reliable_change, change_kind::no_reliable_change,
                                 change_kind::reliable_improvement,
                                 change_kind::reliable_improvement,
                                 change_kind::reliable_improvement};
    for (std::size_t i = 0; i < 5; ++i) {
        const auto& tp = t.points[i];
        EXPECT_EQ(tp.point, s.points[i]);
        EXPECT_EQ(tp.band, std::string(bands[i])) << i;
        EXPECT_EQ(tp.change_from_baseline, values[i] - 17) << i;
        EXPECT_NEAR(tp.rci, (values[i] - 17) / s_diff, 1e-12) << i;
        EXPECT_EQ(tp.kind, kinds[i]) << i;
        EXPECT_EQ(tp.clinical, values[i] >= 10) << i;
        if (i == 0) {
            EXPECT_FALSE(tp.change_from_previous.has_value());
        } else {
            EXPECT_EQ(tp.change_from_previous, values[i] - values[i - 1]) << i;
        }
    }
    ASSERT_TRUE(t.latest.has_value());
    EXPECT_EQ(t.latest->category, jacobson_truax_category::recovered);  // 17 -> 7 across 10
    EXPECT_EQ(t.latest->cutoff.criterion, cutoff_criterion::published);
    EXPECT_EQ(*t.latest->cutoff.value, 10);
}

TEST(Trajectory, BaselineOnlyHasNoLatestOutcome) {
    const auto t = build_trajectory(test::phq9_series({12}), test::phq9_parameters(),
                                    cutoff_criterion::published);
    ASSERT_EQ(t.points.size(), 1u);
    EXPECT_EQ(t.points[0].rci, 0);
    EXPECT_FALSE(t.latest.has_value());
}

TEST(Trajectory, LatestCategoryFollowsTheChosenCriterion) {
    // CORE-10 monthly: 24 -> 12. Published cut-off 11 (Barkham 2013): not recovered; criterion b
    // (14.3): recovered.
    score_series s;
    s.instrument_id = "core10";
    s.instrument_version = "1";
    s.cutoff = clinical_cutoff{11, cutoff_side::clinical, "Barkham et al. 2013"};
    s.points = {{observation_time(date(2026, 1, 5)), 24, {}, {}, {}, {}},
                {observation_time(date(2026, 2, 2)), 12, {}, {}, {}, {}}};
    const auto p = test::core10_parameters();
    EXPECT_EQ(build_trajectory(s, p, cutoff_criterion::published).latest->category,
              jacobson_truax_category::improved);
    EXPECT_EQ(build_trajectory(s, p, cutoff_criterion::b).latest->category,
              jacobson_truax_category::recovered);
}

TEST(Trajectory, HigherIsBetter) {
    score_series s;
    s.instrument_id = "who5";
    s.bands = {{0, 28, "poor"}, {29, 100, "adequate"}};  // made-up bands on the % scale
    s.cutoff = clinical_cutoff{50, cutoff_side::functional, "Topp 2015 (raw 13)"};
    s.points = {{observation_time(date(2026, 1, 5)), 24, {}, {}, {}, {}},
                {observation_time(date(2026, 2, 2)), 36, {}, {}, {}, {}},
                {observation_time(date(2026, 3, 2)), 64, {}, {}, {}, {}}};
    const auto t = build_trajectory(s, test::who5_parameters(), cutoff_criterion::published);
    EXPECT_EQ(t.points[1].kind, change_kind::no_reliable_change);  // +12 < 19.32
    EXPECT_EQ(t.points[2].kind, change_kind::reliable_improvement);
    EXPECT_EQ(t.points[0].clinical, true);
    EXPECT_EQ(t.points[2].clinical, false);
    EXPECT_EQ(t.latest->category, jacobson_truax_category::recovered);
}

TEST(TrajectoryBadInput, UnsortedOrDuplicatedTimePoints) {
    auto s = test::phq9_series({17, 15, 12});
    std::swap(s.points[1].when, s.points[2].when);
    EXPECT_INVALID_AT(build_trajectory(s, test::phq9_parameters(), cutoff_criterion::published),
                      "series.points[2].when");
    s = test::phq9_series({17, 15, 12});
    s.points[2].when = s.points[1].when;
    EXPECT_INVALID_AT(build_trajectory(s, test::phq9_parameters(), cutoff_criterion::published),
                      "series.points[2].when");
}

TEST(TrajectoryBadInput, EveryOtherRule) {
    const auto p = test::phq9_parameters();
    EXPECT_INVALID_AT(build_trajectory(test::phq9_series({}), p, cutoff_criterion::c),
                      "series.points");
    auto s = test::phq9_series({17, 30});
    EXPECT_INVALID_AT(build_trajectory(s, p, cutoff_criterion::c), "series.points[1].value");
    s = test::phq9_series({17, 12});
    s.instrument_id = "gad7";
    EXPECT_INVALID_AT(build_trajectory(s, p, cutoff_criterion::c), "parameters.instrument_id");
    s = test::phq9_series({17, 12});
    s.instrument_version = "2";
    EXPECT_INVALID_AT(build_trajectory(s, p, cutoff_criterion::c), "parameters.instrument_version");
    s = test::phq9_series({17, 12});
    s.cutoff.reset();
    EXPECT_INVALID_AT(build_trajectory(s, p, cutoff_criterion::published), "series.cutoff");
    auto bad = p;
    bad.sd.value = -1;
    EXPECT_INVALID_AT(build_trajectory(test::phq9_series({17, 12}), bad, cutoff_criterion::c),
                      "parameters.sd.value");
}

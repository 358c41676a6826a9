// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/outcomes/series.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;
using boost::posix_time::hours;

TEST(ObservationTime, IsADateOrAnInstantWithItsIsoText) {
    const observation_time d(date(2026, 1, 5));
    const observation_time t(instant(date(2026, 1, 5), hours(9)));
    EXPECT_TRUE(d.is_date());
    EXPECT_TRUE(t.is_instant());
    EXPECT_EQ(d.iso8601(), "2026-01-05");
    EXPECT_EQ(t.iso8601(), "2026-01-05T09:00:00Z");
    EXPECT_EQ(t.day(), date(2026, 1, 5));
    EXPECT_EQ(observation_time::parse("2026-01-05"), d);
    EXPECT_EQ(observation_time::parse("2026-01-05T10:00:00+01:00"), t);
    EXPECT_FALSE(observation_time::parse("2026-02-30"));
    EXPECT_FALSE(observation_time::parse("2026-01-05T09:00:00"));  // no zone
    EXPECT_FALSE(observation_time().is_set());
}

TEST(ObservationTime, OrdersWhatCanBeOrdered) {
    const observation_time d5(date(2026, 1, 5)), d6(date(2026, 1, 6));
    const observation_time t5(instant(date(2026, 1, 5), hours(9)));
    const observation_time t5b(instant(date(2026, 1, 5), hours(17)));
    EXPECT_EQ(compare(d5, d6), -1);
    EXPECT_EQ(compare(d6, d5), 1);
    EXPECT_EQ(compare(d5, d5), 0);
    EXPECT_EQ(compare(t5, t5b), -1);
    EXPECT_EQ(compare(t5, d6), -1);
    EXPECT_EQ(compare(d5, t5), std::nullopt);  // same day: unknowable
}

TEST(SeverityBands, ProratedScoresUseLowerBoundsAsThresholds) {
    // instruments.md §0: a prorated score is banded with the lower thresholds as >= tests.
    const auto bands = test::phq9_bands();
    EXPECT_EQ(band_index(bands, 0), 0u);
    EXPECT_EQ(band_index(bands, 4), 0u);
    EXPECT_EQ(band_index(bands, 4.5), 0u);
    EXPECT_EQ(band_index(bands, 5), 1u);
    EXPECT_EQ(band_index(bands, 9.9), 1u);
    EXPECT_EQ(band_index(bands, 10), 2u);
    EXPECT_EQ(band_index(bands, 27), 4u);
    EXPECT_EQ(band_index(bands, 27.5), std::nullopt);
    EXPECT_EQ(band_index(bands, -1), std::nullopt);
    EXPECT_EQ(band_index({}, 3), std::nullopt);
}

TEST(SeverityBands, MostSevereDependsOnDirection) {
    const auto bands = test::phq9_bands();
    EXPECT_EQ(most_severe_band(bands, score_direction::lower_is_better), 4u);
    EXPECT_EQ(most_severe_band(bands, score_direction::higher_is_better), 0u);
}

TEST(ClinicalCutoff, BothDirectionsAndBothBoundaryConventions) {
    // PHQ-9 caseness ">= 10" (Kroenke 2001): 10 is clinical.
    const clinical_cutoff phq9{10, cutoff_side::clinical, "Kroenke 2001"};
    EXPECT_TRUE(is_clinical(10, phq9, score_direction::lower_is_better));
    EXPECT_TRUE(is_clinical(11, phq9, score_direction::lower_is_better));
    EXPECT_FALSE(is_clinical(9, phq9, score_direction::lower_is_better));
    // ORS adults "< 25 clinical" (instruments.md §2.20, higher is better): 25 is functional.
    const clinical_cutoff ors{25, cutoff_side::functional, "Miller et al. 2003"};
    EXPECT_FALSE(is_clinical(25, ors, score_direction::higher_is_better));
    EXPECT_TRUE(is_clinical(24.9, ors, score_direction::higher_is_better));
    EXPECT_FALSE(is_clinical(30, ors, score_direction::higher_is_better));
}

TEST(ScoreSeries, ValidSeriesHasNoProblems) {
    EXPECT_TRUE(validate(test::phq9_series({17, 15, 12})).empty());
    EXPECT_TRUE(validate(test::phq9_series({})).empty());
}

TEST(ScoreSeries, UnsortedPointsAreNamedNotSorted) {
    auto s = test::phq9_series({17, 15, 12});  // 01-05, 01-12, 01-19
    std::swap(s.points[1].when, s.points[2].when);
    const auto p = validate(s);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].path, "points[2].when");
    EXPECT_EQ(p[0].message,
              "2026-01-12 is earlier than points[1] (2026-01-19); give points in time order (they "
              "are not sorted for you)");
    EXPECT_EQ(s.points[1].value, 15);  // and the series itself is left as given
}

TEST(ScoreSeries, DuplicatedAndAmbiguousTimePointsAreRejected) {
    auto s = test::phq9_series({17, 15});
    s.points[1].when = s.points[0].when;
    ASSERT_EQ(validate(s).size(), 1u);
    EXPECT_EQ(validate(s)[0].path, "points[1].when");
    EXPECT_NE(validate(s)[0].message.find("duplicates points[0]"), std::string::npos);

    s.points[1].when = observation_time(instant(s.points[0].when.day(), hours(15)));
    ASSERT_EQ(validate(s).size(), 1u);
    EXPECT_NE(validate(s)[0].message.find("a date and an instant on the same day"),
              std::string::npos);
}

TEST(ScoreSeries, EveryOtherRuleIsChecked) {
    score_series s;
    s.bands = {{0, 9, "low"}, {5, 12, "overlap"}, {20, 10, ""}};
    s.cutoff = clinical_cutoff{std::nan(""), cutoff_side::clinical, ""};
    s.points = {score_point{},
                score_point{observation_time(date(2026, 1, 1)), std::nan(""), {}, {}, {""}, {""}}};
    // Unscored administrations: a reason, distinct times in order, none at a point's time.
    s.unscored = {unscored_point{observation_time(date(2026, 1, 1)), {}, {}, "", {""}, {""}},
                  unscored_point{observation_time(date(2026, 1, 3)), {}, {}, "r", {}, {}},
                  unscored_point{observation_time(date(2026, 1, 2)), {}, {}, "r", {}, {}},
                  unscored_point{}};
    const auto p = validate(s);
    for (const char* path :
         {"instrument_id", "bands[1].lower", "bands[2].upper", "bands[2].label", "cutoff.value",
          "points[0].when", "points[1].value", "points[1].fired_flags[0]",
          "points[1].flags_not_evaluated[0]", "unscored[0].when", "unscored[0].reason",
          "unscored[0].fired_flags[0]", "unscored[0].flags_not_evaluated[0]", "unscored[2].when",
          "unscored[3].when", "unscored[3].reason"}) {
        bool found = false;
        for (const auto& x : p) {
            found = found || x.path == path;
        }
        EXPECT_TRUE(found) << path;
    }
}

TEST(ScoreSeries, DisplayNameFallsBackToTheId) {
    auto s = test::phq9_series({1});
    EXPECT_EQ(display_name(s), "PHQ-9");
    s.instrument_name.clear();
    EXPECT_EQ(display_name(s), "phq9");
    EXPECT_EQ(score_at(s, 0).value, 1.0);
    EXPECT_EQ(score_at(s, 0).instrument_id, "phq9");
}

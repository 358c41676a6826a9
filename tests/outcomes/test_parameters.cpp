// SPDX-License-Identifier: Apache-2.0
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <theracore/outcomes/parameters.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {
bool has(const problem_list& p, const std::string& path) {
    for (const auto& x : p) {
        if (x.path == path) {
            return true;
        }
    }
    return false;
}
}  // namespace

TEST(ChangeParameters, PublishedSetsAreValid) {
    EXPECT_TRUE(validate(test::core10_parameters()).empty());
    EXPECT_TRUE(validate(test::phq9_parameters()).empty());
    EXPECT_TRUE(validate(test::pcl5_parameters()).empty());
    EXPECT_TRUE(validate(test::who5_parameters()).empty());
}

TEST(ChangeParameters, ReliabilityMustLieStrictlyBetweenZeroAndOne) {
    for (double r : {0.0, 1.0, -0.2, 1.2, std::nan("")}) {
        auto p = test::core10_parameters();
        p.reliability.value = r;
        const auto problems = validate(p);
        ASSERT_EQ(problems.size(), 1u) << r;
        EXPECT_EQ(problems[0].path, "reliability.value");
    }
    auto p = test::core10_parameters();
    p.reliability.value = 0.999;
    EXPECT_TRUE(validate(p).empty());
}

TEST(ChangeParameters, StandardDeviationsMustBePositive) {
    for (double sd : {0.0, -7.7, std::numeric_limits<double>::infinity()}) {
        auto p = test::core10_parameters();
        p.sd.value = sd;
        ASSERT_EQ(validate(p).size(), 1u);
        EXPECT_EQ(validate(p)[0].path, "sd.value");
        p = test::core10_parameters();
        p.functional->sd = sd;
        p.dysfunctional->sd = sd;
        EXPECT_TRUE(has(validate(p), "functional.sd"));
        EXPECT_TRUE(has(validate(p), "dysfunctional.sd"));
    }
}

TEST(ChangeParameters, EveryOtherRuleIsReportedAtOnce) {
    change_parameters p;  // no instrument, SD 0, reliability 0
    p.z = 0;
    p.range = score_range{10, 10};
    p.functional = population_norm{std::nan(""), 1, "", ""};
    p.provenance.origin = parameter_origin::named_source;
    const auto problems = validate(p);
    for (const char* path : {"instrument_id", "sd.value", "reliability.value", "z", "range.max",
                             "functional.mean", "provenance.source"}) {
        EXPECT_TRUE(has(problems, path)) << path;
    }
    EXPECT_EQ(problems.size(), 7u);
}

TEST(ChangeParameters, DirectionDecidesWhatIsBetter) {
    EXPECT_TRUE(is_better(score_direction::lower_is_better, 20, 10));
    EXPECT_FALSE(is_better(score_direction::lower_is_better, 10, 20));
    EXPECT_TRUE(is_better(score_direction::higher_is_better, 10, 20));
    EXPECT_FALSE(is_better(score_direction::higher_is_better, 20, 20));
    EXPECT_EQ(to_string(score_direction::higher_is_better), "higher_is_better");
    EXPECT_EQ(enum_from_string<reliability_kind>("cronbach_alpha"),
              reliability_kind::cronbach_alpha);
}

TEST(ChangeParameters, RangeContainsItsEnds) {
    const score_range r{0, 27};
    EXPECT_TRUE(contains(r, 0));
    EXPECT_TRUE(contains(r, 27));
    EXPECT_FALSE(contains(r, 27.5));
    EXPECT_FALSE(contains(r, -1));
}

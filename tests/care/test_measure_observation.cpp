// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <limits>

#include <theracore/care/measure_observation.hpp>

#include "support/care_builders.hpp"

using namespace theracore;

TEST(MeasureObservation, BuiltObservationsAreValid) {
    for (const auto& o : test::couple_observations()) {
        EXPECT_TRUE(validate(o).empty());
    }
}

TEST(MeasureObservation, EveryRuleIsChecked) {
    measure_observation o;
    o.total = std::numeric_limits<double>::quiet_NaN();
    o.administration = administration_id();
    EXPECT_EQ(validate(o), (problem_list{{"instrument", "required"},
                                         {"client", "required"},
                                         {"at", "required"},
                                         {"total", "must be a finite number"},
                                         {"administration", "must not be empty when given"}}));
}

TEST(MeasureObservation, EqualityCoversEveryField) {
    const auto a = test::couple_observations()[0];
    auto b = a;
    EXPECT_EQ(a, b);
    b.administration.reset();
    EXPECT_NE(a, b);
    b = a;
    b.total += 1;
    EXPECT_NE(a, b);
}

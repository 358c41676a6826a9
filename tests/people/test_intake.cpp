// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/people/intake.hpp>

#include "support/builders.hpp"

using namespace theracore;

TEST(Intake, ValidAndInvalid) {
    EXPECT_TRUE(validate(test::full_intake()).empty());
    const problem_list expected{{"id", "required"},          {"client", "required"},
                                {"episode", "required"},     {"clinician", "required"},
                                {"recorded_on", "required"}, {"presenting_concerns", "required"}};
    EXPECT_EQ(validate(intake{}), expected);
}

TEST(Intake, MedicationsAreKeptAsFreeTextVerbatim) {
    auto i = test::full_intake();
    i.current_medications = {"“the blue pill” — dose unknown", ""};
    EXPECT_TRUE(validate(i).empty());  // never validated as prescriptions
}

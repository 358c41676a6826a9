// SPDX-License-Identifier: Apache-2.0
// The NHS Talking Therapies thresholds exist once, in the PHQ-9 and GAD-7 definitions; the
// outcome analytics' named rule sets are derived from them.
#include <gtest/gtest.h>

#include <theracore/adapters/builtin_rule_sets.hpp>

using namespace theracore;
using namespace theracore::outcomes;

TEST(BuiltinRuleSets, OnePerDefinitionWithTheCriterion) {
    std::vector<std::string> expected;
    for (const auto& inst : instruments::builtin_catalog().instruments()) {
        if (!inst.total()) {
            continue;
        }
        for (const auto& c : inst.total()->psychometrics.change_criteria) {
            if (c.id == talking_therapies_criterion) {
                expected.push_back("nhs_talking_therapies." + inst.id());
            }
        }
    }
    std::vector<std::string> names;
    for (const auto& r : talking_therapies_rule_sets()) {
        names.push_back(r.name);
        EXPECT_EQ(
            r, talking_therapies_rule_set_for(instruments::builtin_catalog().at(r.instrument_id)));
    }
    EXPECT_EQ(names, expected);
    // At least the two the reference names (instruments.md §3.4).
    EXPECT_NE(std::find(names.begin(), names.end(), "nhs_talking_therapies.phq9"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "nhs_talking_therapies.gad7"), names.end());
}

// NHS Digital (2016), IAPT data standard, as gathered in instruments.md §3.4.
TEST(BuiltinRuleSets, ThresholdsAreThePublishedOnes) {
    const auto& phq9 = talking_therapies_rule_set_named("nhs_talking_therapies.phq9");
    EXPECT_EQ(phq9.caseness, 10);
    EXPECT_EQ(phq9.reliable_change, 6);
    const auto& gad7 = talking_therapies_rule_set_named("nhs_talking_therapies.gad7");
    EXPECT_EQ(gad7.caseness, 8);
    EXPECT_EQ(gad7.reliable_change, 4);
    EXPECT_EQ(&talking_therapies_rule_sets(), &talking_therapies_rule_sets());  // built once
}

TEST(BuiltinRuleSets, AnUnknownNameListsTheKnownOnes) {
    try {
        (void)talking_therapies_rule_set_named("iapt.k10");
        FAIL() << "expected not_found";
    } catch (const not_found& e) {
        EXPECT_NE(std::string(e.what()).find("nhs_talking_therapies.phq9"), std::string::npos);
    }
}

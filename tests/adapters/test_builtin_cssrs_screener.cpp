// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/adapters/builtin_cssrs_screener.hpp>
#include <theracore/io/json.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;

TEST(BuiltinCssrsScreener, IsTheCatalogDefinition) {
    EXPECT_EQ(&builtin_cssrs_screener(), &instruments::builtin_catalog().at("cssrs_screener"));
    EXPECT_TRUE(check_cssrs_screener_definition(builtin_cssrs_screener()).empty());
}

// §2.18 (Posner et al. 2011; Columbia triage guidelines): Q6 within 3 months -> high,
// Q1 only -> low, nothing -> none.
TEST(BuiltinCssrsScreener, ConveniencesUseTheBuiltInDefinition) {
    cssrs_screener_answers recent;
    recent.q6 = true;
    recent.q6_past_3_months = true;
    EXPECT_EQ(cssrs_screener_triage(recent), cssrs_triage::high);
    EXPECT_EQ(score_cssrs_screener(recent).triage, cssrs_triage::high);
    cssrs_screener_answers wish;
    wish.q1 = true;
    EXPECT_EQ(cssrs_screener_triage(wish), cssrs_triage::low);
    EXPECT_EQ(cssrs_screener_triage(cssrs_screener_answers{}), cssrs_triage::none);
    EXPECT_TRUE(check_cssrs_screener(score_cssrs_screener(wish)).empty());
}

TEST(BuiltinCssrsScreener, TheSafetyBuildersTriageAgreesWithTheDefinition) {
    // tests/support/safety_builders.hpp types its triage (moderate) to stay catalog-free.
    EXPECT_TRUE(check_risk_assessment(test::full_risk_assessment()).empty());
}

TEST(BuiltinCssrsScreener, ATamperedTriageReadFromJsonIsFoundByTheDefinition) {
    // A reader checks what the record alone can check (the skip rule); the stored triage is
    // checked against the definition, which the JSON reader does not link.
    nlohmann::json j = test::full_risk_assessment();
    j["cssrs_screener"]["triage"] = "high";
    const auto read = j.get<risk_assessment>();
    EXPECT_EQ(check_risk_assessment(read),
              (problem_list{{"cssrs_screener.triage",
                             "does not match the answers (cssrs_screener v1.0 gives moderate)"}}));
}

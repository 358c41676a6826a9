// SPDX-License-Identifier: Apache-2.0
// Goal Attainment Scaling, Kiresuk & Sherman (1968). Worked examples: gasr calc_tscore
// documentation and the verification notes (instruments.md §3.5).
#include <cmath>

#include <gtest/gtest.h>

#include <theracore/outcomes/gas.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {
std::vector<gas_goal> goals(const std::vector<int>& levels,
                            const std::vector<double>& weights = {}) {
    std::vector<gas_goal> out;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        out.push_back({goal_id("g" + std::to_string(i + 1)), "goal " + std::to_string(i + 1),
                       levels[i], weights.empty() ? 1.0 : weights[i]});
    }
    return out;
}
}  // namespace

TEST(GoalAttainmentScaling, GasrWeightedExample) {
    // gasr: x = (-2, 0, -1, 2, 0, 1), w = (3, 5, 1, 4, 2, 6): sum wx = 7, denominator 14, T = 55.
    const auto r = gas_t_score(goals({-2, 0, -1, 2, 0, 1}, {3, 5, 1, 4, 2, 6}));
    EXPECT_NEAR(r.t_score, 55.000000, 1e-6);
    EXPECT_NEAR(r.weighted_sum, 7, 1e-12);
    EXPECT_NEAR(r.denominator, 14, 1e-12);
    EXPECT_EQ(r.goals_used, 6u);
    EXPECT_EQ(r.rho, 0.3);
}

TEST(GoalAttainmentScaling, UnweightedExamples) {
    EXPECT_NEAR(gas_t_score(goals({1, 1, 0})).t_score, 59.128709, 1e-6);
    EXPECT_NEAR(gas_t_score(goals({2})).t_score, 70.000000, 1e-6);
    EXPECT_NEAR(gas_t_score(goals({1, 0, -1})).t_score, 50.000000, 1e-6);
    EXPECT_NEAR(gas_t_score(goals({-1, -1, -2, 0})).t_score, 35.490475, 1e-6);
}

TEST(GoalAttainmentScaling, PropertiesFromKiresukAndSherman) {
    // Every goal at the expected level gives 50; one unweighted goal gives 50 + 10x.
    EXPECT_EQ(gas_t_score(goals({0, 0, 0, 0})).t_score, 50);
    for (int x = -2; x <= 2; ++x) {
        EXPECT_NEAR(gas_t_score(goals({x})).t_score, 50 + 10 * x, 1e-12);
    }
    // The denominator is the SD of sum(w x) when each x has unit variance and every pair
    // correlates rho (the derivation behind the T-score): check against the double sum.
    const std::vector<double> w{3, 5, 1, 4, 2, 6};
    for (double rho : {0.0, 0.3, 0.5, 1.0}) {
        double var = 0;
        for (std::size_t i = 0; i < w.size(); ++i) {
            for (std::size_t j = 0; j < w.size(); ++j) {
                var += w[i] * w[j] * (i == j ? 1.0 : rho);
            }
        }
        EXPECT_NEAR(gas_t_score(goals({-2, 0, -1, 2, 0, 1}, w), rho).denominator, std::sqrt(var),
                    1e-12);
    }
    // With rho = 0 and three unweighted goals summing to 2: T = 50 + 10 * 2 / sqrt(3).
    EXPECT_NEAR(gas_t_score(goals({1, 1, 0}), 0.0).t_score, 50 + 20 / std::sqrt(3.0), 1e-12);
}

TEST(GoalAttainmentScaling, MissingGoalsAreSkippedAsGasrDoes) {
    auto g = goals({1, 1, 0});
    g.push_back({goal_id("g4"), "not rated yet", std::nullopt, 1});
    const auto r = gas_t_score(g);
    EXPECT_NEAR(r.t_score, 59.128709, 1e-6);
    EXPECT_EQ(r.goals_used, 3u);
    EXPECT_EQ(r.goals_skipped, 1u);
}

TEST(GoalAttainmentScaling, AllZeroWeightsMeanEqualWeights) {
    const auto r = gas_t_score(goals({1, 1, 0}, {0, 0, 0}));
    EXPECT_TRUE(r.weights_reset);
    EXPECT_NEAR(r.t_score, 59.128709, 1e-6);
    EXPECT_FALSE(gas_t_score(goals({1, 1, 0})).weights_reset);
}

TEST(GoalAttainmentScalingBadInput, NoGoalsIsAClearError) {
    try {
        (void)gas_t_score({});
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "goals");
        EXPECT_NE(std::string(e.what()).find("no goals"), std::string::npos);
    }
    std::vector<gas_goal> unrated{{goal_id("g1"), "x", std::nullopt, 1}};
    EXPECT_INVALID_AT(gas_t_score(unrated), "goals");
}

TEST(GoalAttainmentScalingBadInput, LevelsWeightsAndRho) {
    EXPECT_INVALID_AT(gas_t_score(goals({3})), "goals[0].level");
    EXPECT_INVALID_AT(gas_t_score(goals({0, -3})), "goals[1].level");
    EXPECT_INVALID_AT(gas_t_score(goals({0, 1}, {1, -2})), "goals[1].weight");
    EXPECT_INVALID_AT(gas_t_score(goals({0, 1}, {1, std::nan("")})), "goals[1].weight");
    EXPECT_INVALID_AT(gas_t_score(goals({1}), 1.5), "rho");
    EXPECT_INVALID_AT(gas_t_score(goals({1}), -0.1), "rho");
}

// SPDX-License-Identifier: Apache-2.0
// GAS T-scores of treatment plans: the goals' scales and dated ratings (care records) fed to
// the Kiresuk–Sherman formula (outcome analytics).
#include <cmath>
#include <functional>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include <theracore/adapters/from_plan.hpp>

#include "support/adapters_builders.hpp"
#include "support/care_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {

using theracore::itest::problems_of;

plan_goal gas_goal_with(const std::string& id, std::optional<double> weight) {
    plan_goal g = test::sleep_goal();
    g.id = goal_id(id);
    g.statement = "Goal " + id;
    g.due = date(2026, 12, 1);
    g.gas->weight = weight;
    return g;
}

void rate(treatment_plan& p, const std::string& goal, date on, int level) {
    p.record_gas_rating(goal_id(goal), {on, level, clinician_id("k-ada"), std::nullopt});
}

/// One client's plan from 5 January 2026 with GAS goals A (weight 2), B (no weight: 1),
/// C (1), E (3, discontinued on 1 February) and a measure-bound goal D without GAS.
treatment_plan gas_plan() {
    treatment_plan::fields f;
    f.id = plan_id("p-gas");
    f.episode = episode_id("e-1");
    f.clients = {client_id("c-zoe")};
    plan_version v;
    v.effective = date(2026, 1, 5);
    v.author = clinician_id("k-ada");
    v.problems = {{"P1", "Low mood", std::nullopt}};
    plan_goal d = test::mood_goal();
    d.due = date(2026, 12, 1);
    v.goals = {gas_goal_with("A", 2.0), gas_goal_with("B", std::nullopt), gas_goal_with("C", 1.0),
               d, gas_goal_with("E", 3.0)};
    v.review_due = date(2026, 4, 5);
    f.versions = {v};
    auto p = treatment_plan::create(f);
    p.record_agreement(test::zoe_agrees(date(2026, 1, 5)));
    for (const char* g : {"A", "B", "C", "g-mood", "E"}) {
        p.transition_goal(goal_id(g), goal_status::active, date(2026, 1, 5));
    }
    rate(p, "A", date(2026, 1, 20), -2);
    rate(p, "B", date(2026, 1, 20), -1);
    rate(p, "E", date(2026, 1, 20), 0);
    p.transition_goal(goal_id("E"), goal_status::discontinued, date(2026, 2, 1));
    rate(p, "A", date(2026, 2, 10), 1);
    rate(p, "C", date(2026, 2, 10), 2);
    return p;
}

}  // namespace

TEST(GoalStatusOn, ReplaysTheHistory) {
    const auto p = gas_plan();
    const auto& e = p.goal(goal_id("E"));
    EXPECT_EQ(goal_status_on(e, date(2026, 1, 4)), goal_status::proposed);
    EXPECT_EQ(goal_status_on(e, date(2026, 1, 5)), goal_status::active);
    EXPECT_EQ(goal_status_on(e, date(2026, 2, 1)), goal_status::discontinued);
}

TEST(GasGoals, GoalsInPlayWithTheirRatingOnTheDay) {
    const auto p = gas_plan();
    const auto goals = gas_goals(p.current(), date(2026, 1, 25));
    ASSERT_EQ(goals.size(), 4u);  // A, B, C, E: D has no GAS scale
    EXPECT_EQ(goals[0].id, goal_id("A"));
    EXPECT_EQ(goals[0].level, -2);
    EXPECT_EQ(goals[0].weight, 2);
    EXPECT_EQ(goals[0].description, "Goal A");
    EXPECT_EQ(goals[1].weight, 1);  // no weight on the scale: unweighted
    EXPECT_FALSE(goals[2].level);   // C not rated yet
    EXPECT_EQ(goals[3].id, goal_id("E"));
    EXPECT_EQ(gas_goals(p.current(), date(2026, 2, 15)).size(), 3u);  // E discontinued
}

// Kiresuk & Sherman (1968), instruments.md §3.5:
//   T = 50 + 10·Σ(w·x) / √((1 − ρ)·Σw² + ρ·(Σw)²), ρ = 0.3.
TEST(GasTScore, HandComputedForAPlanOnADate) {
    const auto p = gas_plan();
    // 15 February: A +1 (w 2), B −1 (w 1), C +2 (w 1); E discontinued, D has no scale.
    // Σwx = 2 − 1 + 2 = 3; Σw = 4; Σw² = 6; √(0.7·6 + 0.3·16) = √9 = 3; T = 50 + 10·3/3 = 60.
    const auto feb = gas_t_score(p.current(), date(2026, 2, 15));
    EXPECT_NEAR(feb.t_score, 60.0, 1e-9);
    EXPECT_EQ(feb.goals_used, 3u);
    EXPECT_EQ(feb.goals_skipped, 0u);
    EXPECT_NEAR(feb.weighted_sum, 3.0, 1e-12);
    EXPECT_NEAR(feb.denominator, 3.0, 1e-12);
    // 25 January: A −2 (w 2), B −1 (w 1), E 0 (w 3); C not rated yet (skipped, counted).
    // Σwx = −5; Σw = 6; Σw² = 14; √(0.7·14 + 0.3·36) = √20.6; T = 50 − 50/√20.6 = 38.983684.
    const auto jan = gas_t_score(p, date(2026, 1, 25));
    EXPECT_NEAR(jan.t_score, 38.983684, 1e-6);
    EXPECT_EQ(jan.goals_used, 3u);
    EXPECT_EQ(jan.goals_skipped, 1u);
    // ρ is passed through: with ρ = 0, √(Σw²) = √6 in February.
    EXPECT_NEAR(gas_t_score(p.current(), date(2026, 2, 15), 0.0).t_score, 50 + 30 / std::sqrt(6.0),
                1e-9);
}

TEST(GasTScore, ARevisedGoalCountsOnceThroughItsReplacement) {
    auto p = gas_plan();
    auto r = p.draft_revision(date(2026, 3, 1), clinician_id("k-ada"), "Sleep goal reworded");
    plan_goal a2 = p.goal(goal_id("A"));
    a2.id = goal_id("A2");
    a2.statement = "Goal A, reworded";
    a2.revises = goal_id("A");
    a2.status = goal_status::proposed;
    a2.history.clear();  // its GAS ratings come with it
    r.goals.push_back(a2);
    p.revise(r);
    p.record_agreement(test::zoe_agrees(date(2026, 3, 1)));
    p.transition_goal(goal_id("A2"), goal_status::active, date(2026, 3, 1));
    // A is revised; A2 carries its +1 (w 2): the same T = 60 as before. Counting both would
    // give Σwx = 5, Σw = 6, Σw² = 10, T = 50 + 50/√17.8 = 61.85.
    EXPECT_NEAR(gas_t_score(p, date(2026, 3, 2)).t_score, 60.0, 1e-9);
    // Before the revision the plan's first version applies.
    EXPECT_NEAR(gas_t_score(p, date(2026, 2, 15)).t_score, 60.0, 1e-9);
    EXPECT_EQ(gas_goals(p.version(2), date(2026, 3, 2)).size(), 3u);
}

TEST(GasTScore, AnAchievedGoalStillCounts) {
    // The care-records fixture: g-sleep (GAS, weight 2) rated −1 on 2024-04-05 and achieved in
    // version 2. T = 50 + 10·(−2)/√(0.7·4 + 0.3·4) = 50 − 20/2 = 40.
    const auto p = test::revised_plan();
    EXPECT_EQ(p.goal(goal_id("g-sleep")).status, goal_status::achieved);
    EXPECT_NEAR(gas_t_score(p, date(2024, 6, 10)).t_score, 40.0, 1e-9);
}

TEST(GasTScore, BadInputIsNamed) {
    const auto p = gas_plan();
    // Nothing rated yet on 10 January.
    EXPECT_EQ(
        problems_of([&] { (void)gas_t_score(p.current(), date(2026, 1, 10)); }),
        (problem_list{{"goals", "no goal has a level yet: a GAS T-score needs at least one"}}));
    // No GAS goal at all.
    plan_version none = p.current();
    for (auto& g : none.goals) {
        g.gas.reset();
    }
    EXPECT_EQ(problems_of([&] { (void)gas_t_score(none, date(2026, 2, 15)); }),
              (problem_list{{"goals", "no goals: a GAS T-score needs at least one rated goal"}}));
    EXPECT_EQ(problems_of([&] { (void)gas_t_score(p, date(2025, 12, 31)); }),
              (problem_list{{"on", "before the plan's first version (p-gas)"}}));
    EXPECT_EQ(problems_of([&] { (void)gas_t_score(p, date(boost::date_time::not_a_date_time)); }),
              (problem_list{{"on", "not a calendar date"}}));
    EXPECT_EQ(
        problems_of([&] { (void)gas_goals(p.current(), date(boost::date_time::not_a_date_time)); }),
        (problem_list{{"on", "not a calendar date"}}));
    const auto bad_rho =
        problems_of([&] { (void)gas_t_score(p.current(), date(2026, 2, 15), 1.5); });
    ASSERT_EQ(bad_rho.size(), 1u);
    EXPECT_EQ(bad_rho[0].path, "rho");
}

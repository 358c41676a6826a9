// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <theracore/care/treatment_plan.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using test::has_path;
using test::problems_of;

namespace {
const std::vector<goal_status> all_goal_statuses{goal_status::proposed, goal_status::active,
                                                 goal_status::achieved, goal_status::revised,
                                                 goal_status::discontinued};

std::string text(goal_status s) {
    return std::string(to_string(s));
}

/// A plan whose goals are proposed and which both partners have agreed to.
treatment_plan agreed_but_proposed() {
    auto p = treatment_plan::create(test::plan_fields());
    p.record_agreement(test::zoe_agrees(date(2024, 3, 8)));
    return p;
}

/// A plan in which goal g-conflict has reached `s` along an allowed path.
treatment_plan with_conflict_goal_at(goal_status s) {
    auto p = agreed_but_proposed();
    const goal_id g("g-conflict");
    const date d(2024, 3, 9);
    switch (s) {
        case goal_status::proposed:
            break;
        case goal_status::active:
            p.transition_goal(g, goal_status::active, d);
            break;
        case goal_status::achieved:
            p.transition_goal(g, goal_status::active, d);
            p.transition_goal(g, goal_status::achieved, d);
            break;
        case goal_status::discontinued:
            p.transition_goal(g, goal_status::discontinued, d, std::string("Couple separated"));
            break;
        case goal_status::revised: {
            auto r = p.draft_revision(d, clinician_id("k-ada"), "Reword the conflict goal");
            auto reworded = test::conflict_goal();
            reworded.id = goal_id("g-conflict-2");
            reworded.revises = g;
            r.goals.push_back(reworded);
            p.revise(r);
            break;
        }
    }
    return p;
}
}  // namespace

TEST(TreatmentPlan, BuildersAreValid) {
    EXPECT_TRUE(treatment_plan::check(test::plan_fields()).empty());
    const auto p = test::agreed_plan();
    EXPECT_TRUE(validate(p).empty());
    EXPECT_TRUE(p.agreed());
    EXPECT_EQ(p.goal(goal_id("g-mood")).status, goal_status::active);
    EXPECT_EQ(p.goal(goal_id("g-mood")).history.size(), 1u);
    EXPECT_EQ(p.goal(goal_id("g-mood")).objectives[0].met_on, date(2024, 4, 12));
    EXPECT_EQ(p.goal(goal_id("g-sleep")).gas->ratings.size(), 1u);
    EXPECT_TRUE(validate(test::revised_plan()).empty());
}

TEST(TreatmentPlan, ProblemCodesAreOnlyWhatTheClinicianEntered) {
    const auto f = test::plan_fields();
    ASSERT_TRUE(f.versions[0].problems[0].code.has_value());
    EXPECT_EQ(f.versions[0].problems[0].code->code, "F32.1");
    EXPECT_FALSE(f.versions[0].problems[1].code.has_value());  // nothing inferred
    auto bad = f;
    bad.versions[0].problems[1].code = coded_concept{code_systems::icd10, "", ""};
    EXPECT_TRUE(has_path(treatment_plan::check(bad), "versions[0].problems[1].code.code"));
}

TEST(TreatmentPlan, PlanLevelRulesAreChecked) {
    treatment_plan::fields f;
    EXPECT_EQ(treatment_plan::check(f),
              (problem_list{{"id", "required"},
                            {"episode", "required"},
                            {"clients", "a plan is for at least one client"},
                            {"versions", "a plan has at least one version"}}));
    f = test::plan_fields();
    f.clients.push_back(client_id("c-zoe"));
    EXPECT_EQ(treatment_plan::check(f),
              (problem_list{{"clients[2]", "client c-zoe is already clients[0]"}}));
    EXPECT_THROW((void)treatment_plan::create(f), validation_error);
    const treatment_plan placeholder;  // only for assigning or reading into
    EXPECT_THROW((void)placeholder.current(), not_found);
    EXPECT_THROW((void)placeholder.goal(goal_id("g-mood")), not_found);
    EXPECT_FALSE(placeholder.agreed());
}

TEST(TreatmentPlan, VersionRulesAreChecked) {
    auto f = test::plan_fields();
    auto& v = f.versions[0];
    v.number = 2;
    v.author = clinician_id();
    v.effective = date(2024, 7, 1);  // after the review date
    v.problems.push_back({"P1", "", std::nullopt});
    v.agreements = {{"", agreeing_party::client, client_id("c-stranger"), date(2024, 1, 1),
                     agreement_method::verbal, std::nullopt}};
    const auto p = treatment_plan::check(f);
    for (const char* path : {"versions[0].number", "versions[0].author", "versions[0].review_due",
                             "versions[0].problems[2].key", "versions[0].problems[2].description",
                             "versions[0].agreements[0].agreed_by", "versions[0].agreements[0].on",
                             "versions[0].agreements[0].client"}) {
        EXPECT_TRUE(has_path(p, path)) << path;
    }
    f = test::plan_fields();
    f.versions[0].effective = date();
    f.versions[0].review_due = date();
    EXPECT_TRUE(has_path(treatment_plan::check(f), "versions[0].effective"));
    EXPECT_TRUE(has_path(treatment_plan::check(f), "versions[0].review_due"));
}

TEST(TreatmentPlan, GoalRulesAreChecked) {
    auto f = test::plan_fields();
    auto& goals = f.versions[0].goals;
    goals[0].statement.clear();
    goals[0].measured_by.clear();
    goals[0].target.clear();
    goals[0].due = date();
    goals[0].addresses = {"P9"};
    goals[0].measure->client = client_id("c-stranger");
    goals[0].measure->instrument.clear();
    goals[0].interventions.push_back({coded_concept{"", "x", ""}, std::nullopt, std::nullopt});
    goals[1].id = goal_id("g-mood");
    goals[2].objectives = {{"", date(2024, 9, 1), std::nullopt}};  // due is 2024-08-01
    goals[2].revises = goals[2].id;
    const auto p = treatment_plan::check(f);
    for (const char* path :
         {"versions[0].goals[0].statement", "versions[0].goals[0].measured_by",
          "versions[0].goals[0].target", "versions[0].goals[0].due",
          "versions[0].goals[0].addresses[0]", "versions[0].goals[0].measure.client",
          "versions[0].goals[0].measure.instrument",
          "versions[0].goals[0].interventions[2].modality.system", "versions[0].goals[1].id",
          "versions[0].goals[2].objectives[0].statement",
          "versions[0].goals[2].objectives[0].target_date", "versions[0].goals[2].revises"}) {
        EXPECT_TRUE(has_path(p, path)) << path;
    }
    auto nan_threshold = test::plan_fields();
    nan_threshold.versions[0].goals[0].measure->threshold =
        std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(
        has_path(treatment_plan::check(nan_threshold), "versions[0].goals[0].measure.threshold"));
}

TEST(TreatmentPlan, GasScaleRulesAreChecked) {
    auto g = test::sleep_gas_scale();
    EXPECT_TRUE(validate(g).empty());
    g.expected.clear();
    g.much_more_than_expected.clear();
    g.baseline_level = -3;
    g.weight = 0.0;
    g.ratings = {{date(2024, 5, 1), 3, clinician_id("k-ada"), std::nullopt},
                 {date(2024, 4, 1), 0, clinician_id(), std::nullopt}};
    const auto p = validate(g);
    EXPECT_EQ(p, (problem_list{{"expected", "required"},
                               {"much_more_than_expected", "required"},
                               {"baseline_level", "must be between -2 and 2 (got -3)"},
                               {"weight", "must be a positive number"},
                               {"ratings[0].level", "must be between -2 and 2 (got 3)"},
                               {"ratings[1].rated_by", "required"},
                               {"ratings[1].on", "ratings must be in date order"}}));
}

TEST(TreatmentPlan, GasScaleExposesDescriptionsAndRatingsButNoScore) {
    auto p = test::agreed_plan();
    p.record_gas_rating(goal_id("g-sleep"), {date(2024, 5, 3), 0, clinician_id("k-ada"), {}});
    const auto& g = *p.goal(goal_id("g-sleep")).gas;
    EXPECT_EQ(gas_description(g, -2), "Sleeps under 4 hours most nights");
    EXPECT_EQ(gas_description(g, 0), "Sleeps 6 hours on 5 nights a week");
    EXPECT_EQ(gas_description(g, 2), "Sleeps 7+ hours every night");
    EXPECT_THROW((void)gas_description(g, 3), validation_error);
    EXPECT_FALSE(gas_rating_on(g, date(2024, 4, 4)).has_value());
    EXPECT_EQ(gas_rating_on(g, date(2024, 4, 5))->level, -1);
    EXPECT_EQ(gas_rating_on(g, date(2024, 5, 2))->level, -1);
    EXPECT_EQ(gas_rating_on(g, date(2024, 12, 31))->level, 0);
    EXPECT_EQ(g.weight, 2.0);
    EXPECT_EQ(g.baseline_level, -2);
}

TEST(TreatmentPlan, GasRatingRules) {
    auto p = test::agreed_plan();
    const goal_id sleep("g-sleep");
    EXPECT_EQ(problems_of([&] {
                  p.record_gas_rating(goal_id("g-mood"),
                                      {date(2024, 5, 1), 0, clinician_id("k-ada"), {}});
              }),
              (problem_list{{"gas", "the goal has no GAS scale"}}));
    EXPECT_EQ(problems_of([&] {
                  p.record_gas_rating(sleep, {date(2024, 5, 1), -3, clinician_id("k-ada"), {}});
              }),
              (problem_list{{"level", "must be between -2 and 2 (got -3)"}}));
    EXPECT_TRUE(
        has_path(problems_of([&] {
                     p.record_gas_rating(sleep, {date(2024, 4, 1), 0, clinician_id("k-ada"), {}});
                 }),
                 "on"));  // before the last rating
    EXPECT_THROW(p.record_gas_rating(goal_id("nope"), {date(2024, 5, 1), 0, clinician_id("k"), {}}),
                 not_found);
    auto proposed = test::agreed_plan();
    auto r = proposed.draft_revision(date(2024, 5, 1), clinician_id("k-ada"), "add a goal");
    auto g = test::sleep_goal();
    g.id = goal_id("g-sleep-2");
    r.goals.push_back(g);
    proposed.revise(r);
    try {
        proposed.record_gas_rating(goal_id("g-sleep-2"),
                                   {date(2024, 5, 2), 0, clinician_id("k-ada"), {}});
        FAIL() << "expected conflict";
    } catch (const conflict& c) {
        EXPECT_NE(std::string(c.what()).find("proposed"), std::string::npos) << c.what();
    }
    EXPECT_EQ(p.goal(sleep).gas->ratings.size(), 1u);  // nothing was recorded
}

TEST(TreatmentPlan, GoalHistoryMustBeAChainEndingAtTheStatus) {
    auto f = test::agreed_plan().data();
    auto& g = f.versions[0].goals[0];
    g.history[0].from = goal_status::active;
    EXPECT_TRUE(has_path(treatment_plan::check(f), "versions[0].goals[0].history[0].from"));
    g = test::agreed_plan().data().versions[0].goals[0];
    g.status = goal_status::achieved;
    EXPECT_TRUE(has_path(treatment_plan::check(f), "versions[0].goals[0].status"));
    g = test::agreed_plan().data().versions[0].goals[0];
    g.history.push_back({goal_status::active, goal_status::proposed, date(2024, 3, 9), {}});
    g.status = goal_status::proposed;
    EXPECT_TRUE(has_path(treatment_plan::check(f), "versions[0].goals[0].history[1]"));
    g = test::agreed_plan().data().versions[0].goals[0];
    g.history.push_back({goal_status::active, goal_status::achieved, date(2024, 3, 1), {}});
    g.status = goal_status::achieved;
    EXPECT_TRUE(has_path(treatment_plan::check(f), "versions[0].goals[0].history[1].on"));
}

TEST(TreatmentPlan, GoalTransitionTable) {
    int allowed = 0;
    for (auto from : all_goal_statuses) {
        for (auto to : all_goal_statuses) {
            allowed += goal_transition_allowed(from, to) ? 1 : 0;
        }
    }
    EXPECT_EQ(allowed, 6);  // the documented table
    EXPECT_TRUE(goal_transition_allowed(goal_status::proposed, goal_status::active));
    EXPECT_TRUE(goal_transition_allowed(goal_status::active, goal_status::achieved));
    EXPECT_FALSE(goal_transition_allowed(goal_status::achieved, goal_status::active));
    EXPECT_TRUE(is_final(goal_status::revised));
    EXPECT_FALSE(is_final(goal_status::active));
}

TEST(TreatmentPlan, EveryInvalidGoalTransitionThrowsConflictNamingBothStates) {
    int invalid = 0;
    for (auto from : all_goal_statuses) {
        for (auto to : all_goal_statuses) {
            if (goal_transition_allowed(from, to)) {
                continue;
            }
            ++invalid;
            auto p = with_conflict_goal_at(from);
            ASSERT_EQ(p.goal(goal_id("g-conflict")).status, from);
            const auto before = p;
            try {
                p.transition_goal(goal_id("g-conflict"), to, date(2024, 3, 10));
                ADD_FAILURE() << text(from) << " -> " << text(to) << " was allowed";
            } catch (const conflict& c) {
                const std::string what = c.what();
                EXPECT_NE(what.find("from " + text(from)), std::string::npos) << what;
                EXPECT_NE(what.find("to " + text(to)), std::string::npos) << what;
            }
            EXPECT_EQ(p, before);
        }
    }
    EXPECT_EQ(invalid, 25 - 6);
}

TEST(TreatmentPlan, RevisedIsReachedOnlyByRevisingThePlan) {
    for (auto from : {goal_status::proposed, goal_status::active}) {
        auto p = with_conflict_goal_at(from);
        EXPECT_TRUE(has_path(problems_of([&] {
                                 p.transition_goal(goal_id("g-conflict"), goal_status::revised,
                                                   date(2024, 3, 10));
                             }),
                             "to"));
    }
    const auto p = with_conflict_goal_at(goal_status::revised);
    EXPECT_EQ(p.goal(goal_id("g-conflict-2")).revises, goal_id("g-conflict"));
    EXPECT_EQ(p.goal(goal_id("g-conflict")).history.back().to, goal_status::revised);
    EXPECT_EQ(p.goal(goal_id("g-conflict")).history.back().reason,
              std::string("Reword the conflict goal"));
}

TEST(TreatmentPlan, GoalsBecomeActiveOnlyAfterAgreement) {
    auto p = treatment_plan::create(test::plan_fields());
    EXPECT_FALSE(p.agreed());
    try {
        p.transition_goal(goal_id("g-mood"), goal_status::active, date(2024, 3, 8));
        FAIL() << "expected conflict";
    } catch (const conflict& c) {
        EXPECT_NE(std::string(c.what()).find("from proposed to active"), std::string::npos);
    }
    p.transition_goal(goal_id("g-mood"), goal_status::discontinued, date(2024, 3, 8),
                      std::string("Client did not want it"));
    EXPECT_EQ(p.goal(goal_id("g-mood")).status, goal_status::discontinued);
    // A plan read from storage cannot carry an active goal nobody agreed to either.
    auto f = test::plan_fields();
    f.versions[0].goals[0].status = goal_status::active;
    f.versions[0].goals[0].history = {
        {goal_status::proposed, goal_status::active, date(2024, 3, 8), {}}};
    EXPECT_TRUE(has_path(treatment_plan::check(f), "versions[0].goals[0].status"));
}

TEST(TreatmentPlan, TransitionDatesAreChecked) {
    auto p = agreed_but_proposed();
    const goal_id g("g-mood");
    EXPECT_EQ(problems_of([&] { p.transition_goal(g, goal_status::active, date(2024, 3, 7)); }),
              (problem_list{{"on", "is before version 1 took effect (2024-03-08)"}}));
    EXPECT_EQ(problems_of([&] { p.transition_goal(g, goal_status::active, date()); }),
              (problem_list{{"on", "required"}}));
    p.transition_goal(g, goal_status::active, date(2024, 4, 1));
    EXPECT_EQ(problems_of([&] { p.transition_goal(g, goal_status::achieved, date(2024, 3, 20)); }),
              (problem_list{{"on", "is before the last change (2024-04-01)"}}));
    EXPECT_THROW(p.transition_goal(goal_id("nope"), goal_status::active, date(2024, 4, 1)),
                 not_found);
}

TEST(TreatmentPlan, AgreementRules) {
    auto p = treatment_plan::create(test::plan_fields());
    EXPECT_EQ(problems_of([&] {
                  p.record_agreement({"",
                                      agreeing_party::client,
                                      client_id("c-x"),
                                      date(2024, 3, 1),
                                      agreement_method::verbal,
                                      {}});
              }),
              (problem_list{{"agreed_by", "required"},
                            {"on", "is before version 1 took effect (2024-03-08)"},
                            {"client", "c-x is not one of the plan's clients"}}));
    EXPECT_FALSE(p.agreed());
    p.record_agreement({"Ana Ñúñez (mother)",
                        agreeing_party::parent_or_guardian,
                        std::nullopt,
                        date(2024, 3, 9),
                        agreement_method::written_signature,
                        {}});
    EXPECT_TRUE(p.agreed());
    EXPECT_EQ(p.current().agreements[0].method, agreement_method::written_signature);
}

TEST(TreatmentPlan, ObjectiveRules) {
    auto p = test::agreed_plan();
    const goal_id g("g-mood");
    try {
        p.mark_objective_met(g, 0, date(2024, 5, 1));
        FAIL() << "expected conflict";
    } catch (const conflict& c) {
        EXPECT_NE(std::string(c.what()).find("already met on 2024-04-12"), std::string::npos);
    }
    EXPECT_THROW(p.mark_objective_met(g, 2, date(2024, 5, 1)), not_found);
    EXPECT_THROW(p.mark_objective_met(g, 1, date(2024, 3, 1)), validation_error);
    p.mark_objective_met(g, 1, date(2024, 5, 1));
    EXPECT_EQ(p.goal(g).objectives[1].met_on, date(2024, 5, 1));
    auto q = test::agreed_plan();
    q.transition_goal(g, goal_status::achieved, date(2024, 5, 2));
    EXPECT_THROW(q.mark_objective_met(g, 1, date(2024, 5, 3)), conflict);
}

TEST(TreatmentPlan, RevisingCreatesANewVersionAndKeepsEarlierOnesReadable) {
    const auto before = test::agreed_plan();
    const auto p = test::revised_plan();
    ASSERT_EQ(p.versions().size(), 2u);
    EXPECT_EQ(p.version(1), before.current());  // version 1 exactly as it was
    EXPECT_THROW((void)p.version(0), not_found);
    EXPECT_THROW((void)p.version(3), not_found);
    const auto& v2 = p.current();
    EXPECT_EQ(v2.number, 2);
    EXPECT_EQ(v2.author, clinician_id("k-ada"));
    EXPECT_EQ(v2.change_reason, std::string("Three-month review"));
    EXPECT_EQ(v2.review_due, date(2024, 9, 7));
    ASSERT_EQ(v2.agreements.size(), 1u);  // re-agreed by Zoë; the old agreements stay with v1
    EXPECT_EQ(p.version(1).agreements.size(), 2u);
    EXPECT_EQ(p.goal(goal_id("g-sleep")).status, goal_status::achieved);
    EXPECT_EQ(p.goal(goal_id("g-sleep")).history.back(),
              (goal_status_change{goal_status::active, goal_status::achieved, date(2024, 6, 7),
                                  std::string("Three-month review")}));
    EXPECT_EQ(p.goal(goal_id("g-conflict")).status, goal_status::revised);
    EXPECT_EQ(p.goal(goal_id("g-conflict-2")).status, goal_status::proposed);
    EXPECT_EQ(p.version(1).goals[1].status, goal_status::active);  // history is not rewritten
    EXPECT_EQ(p.goal(goal_id("g-sleep")).gas->ratings.size(), 1u);
}

TEST(TreatmentPlan, RevisionRules) {
    const auto base = test::agreed_plan();
    const auto expect_rejected = [&](treatment_plan::revision r, const std::string& path) {
        auto p = base;
        const auto problems = problems_of([&] { p.revise(r); });
        EXPECT_TRUE(has_path(problems, path)) << path;
        EXPECT_EQ(p, base);  // unchanged
    };
    auto r = base.draft_revision(date(2024, 6, 1), clinician_id("k-ada"), "");
    expect_rejected(r, "versions[1].change_reason");
    r = base.draft_revision(date(2024, 3, 1), clinician_id("k-ada"), "why");
    expect_rejected(r, "versions[1].effective");
    r = base.draft_revision(date(2024, 6, 1), clinician_id(), "why");
    expect_rejected(r, "versions[1].author");
    r = base.draft_revision(date(2024, 6, 1), clinician_id("k-ada"), "why");
    r.goals.pop_back();
    expect_rejected(r, "versions[1].goals");  // goals are closed, never deleted
    r = base.draft_revision(date(2024, 6, 1), clinician_id("k-ada"), "why");
    r.goals[0].history.clear();
    r.goals[0].status = goal_status::proposed;
    expect_rejected(r, "versions[1].goals[0].history");
    r = base.draft_revision(date(2024, 6, 1), clinician_id("k-ada"), "why");
    r.goals[1].gas->ratings.clear();
    expect_rejected(r, "versions[1].goals[1].gas.ratings");
    r = base.draft_revision(date(2024, 6, 1), clinician_id("k-ada"), "why");
    auto fresh = test::conflict_goal();
    fresh.id = goal_id("g-new");
    fresh.status = goal_status::active;
    fresh.history = {{goal_status::proposed, goal_status::active, date(2024, 6, 1), {}}};
    r.goals.push_back(fresh);
    expect_rejected(r, "versions[1].goals[3].status");  // nobody agreed to version 2 yet
    r = base.draft_revision(date(2024, 6, 1), clinician_id("k-ada"), "why");
    fresh = test::conflict_goal();
    fresh.id = goal_id("g-new");
    fresh.revises = goal_id("g-unknown");
    r.goals.push_back(fresh);
    expect_rejected(r, "versions[1].goals[3].revises");
}

TEST(TreatmentPlan, RevisionCannotReopenOrChangeAFinalGoal) {
    const auto base = test::revised_plan();  // g-sleep achieved, g-conflict revised
    auto p = base;
    auto r = p.draft_revision(date(2024, 7, 1), clinician_id("k-ada"), "why");
    for (auto& g : r.goals) {
        if (g.id == goal_id("g-sleep")) {
            g.status = goal_status::active;
        }
    }
    try {
        p.revise(r);
        FAIL() << "expected conflict";
    } catch (const conflict& c) {
        EXPECT_NE(std::string(c.what()).find("from achieved to active"), std::string::npos)
            << c.what();
    }
    EXPECT_EQ(p, base);
    r = p.draft_revision(date(2024, 7, 1), clinician_id("k-ada"), "why");
    r.goals[1].statement = "Sleeps well";  // g-sleep, achieved in version 2
    EXPECT_TRUE(has_path(problems_of([&] { p.revise(r); }), "versions[2].goals[1]"));
    r = p.draft_revision(date(2024, 7, 1), clinician_id("k-ada"), "why");
    auto again = test::sleep_goal();
    again.id = goal_id("g-sleep-3");
    again.revises = goal_id("g-sleep");
    r.goals.push_back(again);
    EXPECT_THROW(p.revise(r), conflict);  // achieved -> revised
    EXPECT_EQ(p, base);
}

TEST(TreatmentPlan, ActivatingInARevisionNeedsAgreementFirst) {
    auto p = test::revised_plan();  // Zoë agreed to version 2 after it was made
    auto r = p.draft_revision(date(2024, 7, 1), clinician_id("k-ada"), "activate the budget goal");
    for (auto& g : r.goals) {
        if (g.id == goal_id("g-conflict-2")) {
            g.status = goal_status::active;
        }
    }
    EXPECT_THROW(p.revise(r), conflict);
    p.transition_goal(goal_id("g-conflict-2"), goal_status::active, date(2024, 6, 8));
    EXPECT_EQ(p.goal(goal_id("g-conflict-2")).status, goal_status::active);
}

TEST(TreatmentPlan, ReviewDueAndOverdue) {
    const auto p = test::agreed_plan();  // review due 2024-06-08
    EXPECT_EQ(p.review_status(date(2024, 5, 24)), plan_review_status::not_due);
    EXPECT_EQ(p.review_status(date(2024, 5, 25)), plan_review_status::due);  // 14 days before
    EXPECT_EQ(p.review_status(date(2024, 6, 8)), plan_review_status::due);
    EXPECT_EQ(p.review_status(date(2024, 6, 9)), plan_review_status::overdue);
    EXPECT_EQ(p.review_status(date(2024, 6, 7), 0), plan_review_status::not_due);
    EXPECT_EQ(p.review_status(date(2024, 6, 8), 0), plan_review_status::due);
    EXPECT_EQ(problems_of([&] { (void)p.review_status(date(2024, 6, 1), -1); }),
              (problem_list{{"notice_days", "must not be negative"}}));
    EXPECT_THROW((void)p.review_status(date()), validation_error);
    // Revising moves the review date: the overdue plan is no longer overdue.
    EXPECT_EQ(test::revised_plan().review_status(date(2024, 6, 9)), plan_review_status::not_due);
}

TEST(MeasureGoal, ComparisonsAtTheThreshold) {
    EXPECT_TRUE(meets(target_comparison::below, 9, 10));
    EXPECT_FALSE(meets(target_comparison::below, 10, 10));
    EXPECT_TRUE(meets(target_comparison::at_most, 10, 10));
    EXPECT_FALSE(meets(target_comparison::at_most, 10.5, 10));
    EXPECT_TRUE(meets(target_comparison::above, 11, 10));
    EXPECT_FALSE(meets(target_comparison::above, 10, 10));
    EXPECT_TRUE(meets(target_comparison::at_least, 10, 10));
    EXPECT_FALSE(meets(target_comparison::at_least, 9.5, 10));
}

TEST(MeasureGoal, StatusIsComputedFromTheLatestScoreByTheDueDate) {
    const auto g = test::mood_goal();  // PHQ-9 below 10 by 2024-09-01, Zoë's scores
    const client_id zoe("c-zoe");
    std::vector<measure_observation> obs{
        {"phq9", zoe, test::at(2024, 3, 15, 15), 16, administration_id("a-1")},
        {"phq9", zoe, test::at(2024, 5, 10, 15), 12, std::nullopt},
        {"phq9", client_id("c-lee"), test::at(2024, 5, 11, 15), 3, std::nullopt},  // not hers
        {"gad7", zoe, test::at(2024, 5, 12, 15), 2, std::nullopt},  // another instrument
    };
    EXPECT_EQ(evaluate_measure_goal(g, obs, date(2024, 3, 14)).status, measure_status::no_data);
    auto e = evaluate_measure_goal(g, obs, date(2024, 3, 15));
    EXPECT_EQ(e.status, measure_status::not_met);
    EXPECT_EQ(e.evidence->administration, administration_id("a-1"));
    e = evaluate_measure_goal(g, obs, date(2024, 6, 1));
    EXPECT_EQ(e.status, measure_status::not_met);
    EXPECT_EQ(e.evidence->total, 12);
    EXPECT_EQ(evaluate_measure_goal(g, obs, date(2024, 9, 2)).status, measure_status::missed);
    obs.push_back({"phq9", zoe, test::at(2024, 9, 3, 15), 8, std::nullopt});  // after due
    e = evaluate_measure_goal(g, obs, date(2024, 9, 5));
    EXPECT_EQ(e.status, measure_status::missed);
    EXPECT_EQ(e.evidence->total, 12);  // a late score does not rescue the goal
    obs.push_back({"phq9", zoe, test::at(2024, 8, 20, 15), 9, std::nullopt});  // unsorted input
    e = evaluate_measure_goal(g, obs, date(2024, 9, 5));
    EXPECT_EQ(e.status, measure_status::met);
    EXPECT_EQ(e.evidence->total, 9);
    EXPECT_EQ(evaluate_measure_goal(g, {}, date(2024, 9, 5)).status, measure_status::no_data);
}

TEST(MeasureGoal, BadInputIsRejected) {
    auto g = test::mood_goal();
    std::vector<measure_observation> obs{
        {"phq9", client_id("c-zoe"), test::at(2024, 3, 15, 15), 16, std::nullopt},
        {"phq9", client_id("c-lee"), test::at(2024, 3, 15, 15), 4, std::nullopt}};
    g.measure->client.reset();
    EXPECT_TRUE(
        has_path(problems_of([&] { (void)evaluate_measure_goal(g, obs, date(2024, 6, 1)); }),
                 "measure.client"));
    obs.pop_back();
    EXPECT_EQ(evaluate_measure_goal(g, obs, date(2024, 6, 1)).status, measure_status::not_met);
    obs[0].total = std::numeric_limits<double>::infinity();
    EXPECT_EQ(problems_of([&] { (void)evaluate_measure_goal(g, obs, date(2024, 6, 1)); }),
              (problem_list{{"observations[0].total", "must be a finite number"}}));
    EXPECT_EQ(problems_of([&] { (void)evaluate_measure_goal(test::sleep_goal(), {}, date()); }),
              (problem_list{{"measure", "the goal is not bound to a measure"}}));
    EXPECT_EQ(problems_of([&] { (void)evaluate_measure_goal(test::mood_goal(), {}, date()); }),
              (problem_list{{"on", "required"}}));
}

TEST(TreatmentPlan, StoresCanRefuseChangesToSupersededVersions) {
    const auto v1 = test::agreed_plan();
    const auto v2 = test::revised_plan();
    EXPECT_NO_THROW(check_plan_update(v1, v2));  // a revision
    auto live = v2;
    live.transition_goal(goal_id("g-conflict-2"), goal_status::active, date(2024, 6, 8));
    EXPECT_NO_THROW(check_plan_update(v2, live));       // progress on the live version
    EXPECT_THROW(check_plan_update(v2, v1), conflict);  // a version dropped
    auto f = v2.data();
    f.versions[0].goals[0].statement = "Rewritten after the fact";
    try {
        check_plan_update(v2, treatment_plan::create(f));
        FAIL() << "expected conflict";
    } catch (const conflict& c) {
        EXPECT_NE(std::string(c.what()).find("version 1 is superseded"), std::string::npos)
            << c.what();
    }
    // Revising and editing the old live version in the same update is refused too.
    auto g = v2.data();
    g.versions[0].review_due = date(2024, 6, 9);
    EXPECT_THROW(check_plan_update(v1, treatment_plan::create(g)), conflict);
    f = v2.data();
    f.id = plan_id("p-other");
    EXPECT_THROW(check_plan_update(v2, treatment_plan::create(f)), validation_error);
}

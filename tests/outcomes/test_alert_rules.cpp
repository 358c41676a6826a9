// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/outcomes/alert_rules.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;
using boost::posix_time::hours;

namespace {
const alert_context ctx{client_id("c-1"), episode_id("e-1"), instant(date(2026, 4, 1), hours(8))};

alert_rule_parameters only(alert_kind k) {
    alert_rule_parameters r;
    r.instrument_id = "phq9";
    r.reliable_deterioration = k == alert_kind::reliable_deterioration;
    r.deterioration_from_best = k == alert_kind::deterioration_from_best;
    r.deterioration_from_previous = k == alert_kind::deterioration_from_previous;
    r.critical_items = k == alert_kind::critical_item;
    r.most_severe_band = k == alert_kind::most_severe_band;
    r.not_on_track_after = k == alert_kind::not_on_track ? default_not_on_track_after : 0;
    return r;
}

/// The three deterioration rules with their defaults, the other rules off.
alert_rule_parameters deterioration_rules() {
    alert_rule_parameters r;
    r.instrument_id = "phq9";
    r.critical_items = false;
    r.most_severe_band = false;
    r.not_on_track_after = 0;
    return r;
}

std::vector<std::size_t> trigger_points(const std::vector<alert>& alerts, const score_series& s) {
    std::vector<std::size_t> out;
    for (const auto& a : alerts) {
        for (const auto& e : a.evidence()) {
            if (e.role == evidence_role::trigger) {
                for (std::size_t i = 0; i < s.points.size(); ++i) {
                    if (s.points[i].when == e.when) {
                        out.push_back(i);
                    }
                }
            }
        }
    }
    return out;
}
}  // namespace

TEST(AlertRules, ReliableDeteriorationIsRaisedOnEntry) {
    // PHQ-9: a rise must exceed 3.907 points (S_diff 1.993427).
    const auto p = test::phq9_parameters();
    auto s = test::phq9_series({8, 9, 14, 15, 12, 16});
    auto alerts = evaluate_alerts(s, p, only(alert_kind::reliable_deterioration), ctx);
    ASSERT_EQ(alerts.size(), 1u);
    const auto& a = alerts[0];
    EXPECT_EQ(a.kind(), alert_kind::reliable_deterioration);
    EXPECT_EQ(a.severity(), alert_severity::warning);
    EXPECT_EQ(a.state(), alert_state::raised);
    EXPECT_EQ(a.raised_at(), ctx.now);
    EXPECT_EQ(a.client(), client_id("c-1"));
    EXPECT_EQ(a.data().episode, episode_id("e-1"));
    ASSERT_EQ(a.evidence().size(), 2u);
    EXPECT_EQ(a.evidence()[0].role, evidence_role::baseline);
    EXPECT_EQ(a.evidence()[0].value, 8);
    EXPECT_EQ(a.evidence()[1].role, evidence_role::trigger);
    EXPECT_EQ(a.evidence()[1].value, 14);
    EXPECT_EQ(a.evidence()[1].administration, administration_id("a-phq9-3"));
    EXPECT_EQ(a.evidence()[1].session, session_id("s-3"));
    EXPECT_EQ(a.summary(),
              "PHQ-9 rose from 8 to 14 since baseline: reliable deterioration (RCI 3.01)");
    EXPECT_EQ(a.id(), alert_id("c-1/phq9/reliable_deterioration/2026-01-19"));

    // Leaving and re-entering raises again.
    s = test::phq9_series({8, 14, 9, 14});
    EXPECT_EQ(
        trigger_points(evaluate_alerts(s, p, only(alert_kind::reliable_deterioration), ctx), s),
        (std::vector<std::size_t>{1, 3}));
    // A rise of 3 (< 3.907) is not reliable.
    s = test::phq9_series({8, 11});
    EXPECT_TRUE(evaluate_alerts(s, p, only(alert_kind::reliable_deterioration), ctx).empty());
}

TEST(AlertRules, TheZCriterionIsAParameter) {
    // With z = 1.645 the threshold is 3.279 points, so a rise of 3.5 becomes reliable.
    auto p = test::phq9_parameters();
    const auto s = test::phq9_series({8, 11.5});
    EXPECT_TRUE(evaluate_alerts(s, p, only(alert_kind::reliable_deterioration), ctx).empty());
    p.z = 1.645;
    EXPECT_EQ(evaluate_alerts(s, p, only(alert_kind::reliable_deterioration), ctx).size(), 1u);
}

TEST(AlertRules, CriticalItemAtEveryPointItFires) {
    auto s = test::phq9_series({12, 14, 10, 9});
    s.points[1].fired_flags = {"phq9_9"};
    s.points[3].fired_flags = {"phq9_9"};
    const auto p = test::phq9_parameters();
    auto alerts = evaluate_alerts(s, p, only(alert_kind::critical_item), ctx);
    ASSERT_EQ(alerts.size(), 2u);
    EXPECT_EQ(trigger_points(alerts, s), (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(alerts[0].severity(), alert_severity::critical);
    EXPECT_EQ(alerts[0].evidence()[0].fired_flags, (std::vector<std::string>{"phq9_9"}));
    EXPECT_EQ(alerts[0].summary(), "PHQ-9 critical item fired (phq9_9) on 2026-01-12");

    // Only the listed flags count when a list is given.
    auto rules = only(alert_kind::critical_item);
    rules.critical_flags = {"phq9_other"};
    EXPECT_TRUE(evaluate_alerts(s, p, rules, ctx).empty());
    rules.critical_flags = {"phq9_other", "phq9_9"};
    EXPECT_EQ(evaluate_alerts(s, p, rules, ctx).size(), 2u);
}

TEST(AlertRules, EntryIntoTheMostSevereBand) {
    const auto p = test::phq9_parameters();
    auto s = test::phq9_series({18, 21, 22, 17, 20});
    auto alerts = evaluate_alerts(s, p, only(alert_kind::most_severe_band), ctx);
    EXPECT_EQ(trigger_points(alerts, s), (std::vector<std::size_t>{1, 4}));
    EXPECT_EQ(alerts[0].summary(), "PHQ-9 21 is in the most severe band \"severe\" (20–27)");
    ASSERT_EQ(alerts[0].evidence().size(), 2u);
    EXPECT_EQ(alerts[0].evidence()[0].role, evidence_role::previous);
    // A baseline already in the band counts as an entry.
    s = test::phq9_series({23, 24});
    EXPECT_EQ(trigger_points(evaluate_alerts(s, p, only(alert_kind::most_severe_band), ctx), s),
              (std::vector<std::size_t>{0}));
    // No bands, no alert.
    s.bands.clear();
    EXPECT_TRUE(evaluate_alerts(s, p, only(alert_kind::most_severe_band), ctx).empty());
}

TEST(AlertRules, NotOnTrackAfterNAdministrationsConfigurable) {
    const auto p = test::phq9_parameters();
    auto rules = only(alert_kind::not_on_track);
    // The default: the fourth administration after baseline (STAR*D's week-4 decision point).
    EXPECT_EQ(rules.not_on_track_after, 4);
    // Baseline 15; drops of 1, 0, 1, 2 are not reliable; 6 is.
    const auto s = test::phq9_series({15, 14, 15, 14, 13, 9});
    EXPECT_EQ(trigger_points(evaluate_alerts(s, p, rules, ctx), s), (std::vector<std::size_t>{4}));
    rules.not_on_track_after = 8;
    EXPECT_TRUE(evaluate_alerts(s, p, rules, ctx).empty());  // fewer than 8 follow-ups
    rules.not_on_track_after = 3;
    auto alerts = evaluate_alerts(s, p, rules, ctx);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(trigger_points(alerts, s), (std::vector<std::size_t>{3}));
    EXPECT_EQ(alerts[0].severity(), alert_severity::info);
    EXPECT_EQ(alerts[0].data().rule,
              "not_on_track: no reliable improvement (z = 1.96) at or after administration 3 "
              "after baseline");
    rules.not_on_track_after = 5;
    EXPECT_TRUE(evaluate_alerts(s, p, rules, ctx).empty());  // improved by the fifth
    // Eight follow-ups without reliable improvement.
    const auto flat = test::phq9_series({15, 15, 14, 15, 16, 14, 15, 13, 14});
    rules.not_on_track_after = 8;
    EXPECT_EQ(trigger_points(evaluate_alerts(flat, p, rules, ctx), flat),
              (std::vector<std::size_t>{8}));
}

TEST(AlertRules, AFlatSevereSeriesIsNotOnTrackByTheFourthFollowUp) {
    // The stalled case that raised nothing under the old default of 8: PHQ-9 18 at seven
    // administrations. With the default N = 4 it is raised once, at the fourth after baseline.
    const auto p = test::phq9_parameters();
    const auto flat = test::phq9_series({18, 18, 18, 18, 18, 18, 18});
    const auto alerts = evaluate_alerts(flat, p, only(alert_kind::not_on_track), ctx);
    EXPECT_EQ(trigger_points(alerts, flat), (std::vector<std::size_t>{4}));
}

TEST(AlertRules, ARelapseAfterImprovementIsADeteriorationFromTheBest) {
    // PHQ-9 18 -> 10 -> 5 -> 4 -> 16: 16 is not reliably worse than the baseline 18, so the
    // baseline rule is silent, but it is 12 points above the best score 4 (threshold 3.907 =
    // 1.96 x S_diff 1.993427, Jacobson & Truax 1991).
    const auto p = test::phq9_parameters();
    const auto s = test::phq9_series({18, 10, 5, 4, 16});
    EXPECT_TRUE(evaluate_alerts(s, p, only(alert_kind::reliable_deterioration), ctx).empty());
    const auto alerts = evaluate_alerts(s, p, only(alert_kind::deterioration_from_best), ctx);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].kind(), alert_kind::deterioration_from_best);
    EXPECT_EQ(alerts[0].severity(), alert_severity::warning);
    ASSERT_EQ(alerts[0].evidence().size(), 2u);
    EXPECT_EQ(alerts[0].evidence()[0].role, evidence_role::best);
    EXPECT_EQ(alerts[0].evidence()[0].value, 4);
    EXPECT_EQ(alerts[0].evidence()[1].role, evidence_role::trigger);
    EXPECT_EQ(alerts[0].evidence()[1].value, 16);
    EXPECT_EQ(trigger_points(alerts, s), (std::vector<std::size_t>{4}));
    // With every rule on (the defaults), the relapse is raised once: the previous-score rule
    // does not repeat it.
    const auto every = evaluate_alerts(s, p, deterioration_rules(), ctx);
    ASSERT_EQ(every.size(), 1u);
    EXPECT_EQ(every[0].kind(), alert_kind::deterioration_from_best);
    // Raised on entry: staying reliably above the best raises nothing more; recovering and
    // relapsing again raises again.
    const auto twice = test::phq9_series({18, 10, 5, 4, 16, 15, 3, 12});
    EXPECT_EQ(trigger_points(
                  evaluate_alerts(twice, p, only(alert_kind::deterioration_from_best), ctx), twice),
              (std::vector<std::size_t>{4, 7}));
    // A rise within the threshold of the best is not a relapse: 4 -> 7 is 3 points.
    const auto small = test::phq9_series({18, 10, 5, 4, 7});
    EXPECT_TRUE(evaluate_alerts(small, p, only(alert_kind::deterioration_from_best), ctx).empty());
}

TEST(AlertRules, ASuddenWorseningIsADeteriorationFromThePrevious) {
    // 10 -> 15 is reliably worse than baseline (raised by the baseline rule at 1); 15 -> 20 is
    // no new entry for the baseline rule, but is a reliable deterioration from the previous
    // score, raised at 2.
    const auto p = test::phq9_parameters();
    const auto s = test::phq9_series({10, 15, 20});
    const auto alone = evaluate_alerts(s, p, only(alert_kind::deterioration_from_previous), ctx);
    EXPECT_EQ(trigger_points(alone, s), (std::vector<std::size_t>{1, 2}));
    ASSERT_EQ(alone[1].evidence()[0].role, evidence_role::previous);
    EXPECT_EQ(alone[1].evidence()[0].value, 15);
    const auto every = evaluate_alerts(s, p, deterioration_rules(), ctx);
    ASSERT_EQ(every.size(), 2u);
    EXPECT_EQ(every[0].kind(), alert_kind::reliable_deterioration);
    EXPECT_EQ(trigger_points({every[0]}, s), (std::vector<std::size_t>{1}));
    EXPECT_EQ(every[1].kind(), alert_kind::deterioration_from_previous);
    EXPECT_EQ(trigger_points({every[1]}, s), (std::vector<std::size_t>{2}));
}

TEST(AlertRules, HigherIsBetterInstruments) {
    // WHO-5 %: a fall beyond 19.32 points is a reliable deterioration; the lowest band is the
    // most severe.
    score_series s;
    s.instrument_id = "who5";
    s.bands = {{0, 28, "poor"}, {29, 100, "adequate"}};
    s.points = {{observation_time(date(2026, 1, 5)), 60, {}, {}, {}, {}},
                {observation_time(date(2026, 2, 2)), 36, {}, {}, {}, {}},
                {observation_time(date(2026, 3, 2)), 24, {}, {}, {}, {}}};
    alert_rule_parameters rules;
    rules.instrument_id = "who5";
    const auto alerts = evaluate_alerts(s, test::who5_parameters(), rules, ctx);
    ASSERT_EQ(alerts.size(), 2u);
    EXPECT_EQ(alerts[0].kind(), alert_kind::reliable_deterioration);
    EXPECT_EQ(trigger_points({alerts[0]}, s), (std::vector<std::size_t>{1}));
    EXPECT_EQ(alerts[0].summary(),
              "who5 fell from 60 to 36 since baseline: reliable "
              "deterioration (RCI -2.43)");
    EXPECT_EQ(alerts[1].kind(), alert_kind::most_severe_band);
    EXPECT_EQ(trigger_points({alerts[1]}, s), (std::vector<std::size_t>{2}));
    // A rise on the same instrument is no deterioration.
    s.points[1].value = 84;
    s.points[2].value = 90;
    EXPECT_TRUE(evaluate_alerts(s, test::who5_parameters(), rules, ctx).empty());
}

TEST(AlertRules, IdsAreStableAcrossEvaluations) {
    auto s = test::phq9_series({8, 14, 21});
    s.points[2].fired_flags = {"phq9_9"};
    alert_rule_parameters rules;
    rules.instrument_id = "phq9";
    const auto a = evaluate_alerts(s, test::phq9_parameters(), rules, ctx);
    s.points.push_back({observation_time(date(2026, 1, 26)), 21, {}, {}, {}, {}});
    const auto b = evaluate_alerts(s, test::phq9_parameters(), rules, ctx);
    // Deterioration since baseline at 8 -> 14, from the previous score at 14 -> 21, the critical
    // item and the most severe band at 21.
    ASSERT_EQ(a.size(), 4u);
    ASSERT_EQ(b.size(), 4u);  // the new point raises nothing new
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].id(), b[i].id());
    }
    EXPECT_TRUE(
        evaluate_alerts(test::phq9_series({}), test::phq9_parameters(), rules, ctx).empty());
}

TEST(AlertRulesBadInput, EveryRule) {
    const auto p = test::phq9_parameters();
    alert_rule_parameters rules;
    rules.instrument_id = "gad7";
    EXPECT_INVALID_AT(evaluate_alerts(test::phq9_series({8, 14}), p, rules, ctx),
                      "rules.instrument_id");
    rules.instrument_id = "phq9";
    rules.not_on_track_after = -1;
    rules.critical_flags = {""};
    EXPECT_INVALID_AT(evaluate_alerts(test::phq9_series({8, 14}), p, rules, ctx),
                      "rules.not_on_track_after");
    EXPECT_INVALID_AT(evaluate_alerts(test::phq9_series({8, 14}), p, rules, ctx),
                      "rules.critical_flags[0]");
    rules = alert_rule_parameters{};
    rules.instrument_id = "phq9";
    EXPECT_INVALID_AT(evaluate_alerts(test::phq9_series({8, 14}), p, rules, alert_context{}),
                      "context.client");
    EXPECT_INVALID_AT(evaluate_alerts(test::phq9_series({8, 14}), p, rules, alert_context{}),
                      "context.now");
    auto s = test::phq9_series({8, 14, 15});
    std::swap(s.points[0].when, s.points[1].when);
    EXPECT_INVALID_AT(evaluate_alerts(s, p, rules, ctx), "series.points[1].when");
    auto bad = p;
    bad.reliability.value = 1;
    EXPECT_INVALID_AT(evaluate_alerts(test::phq9_series({8, 14}), bad, rules, ctx),
                      "parameters.reliability.value");
}

// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/care/behaviour.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using test::has_path;
using test::problems_of;

namespace {
const behaviour_id drink("b-drink");
const behaviour_id walk("b-walk");

/// Three weeks (Mon 2024-03-18 … Sun 2024-04-07) of a daily card for b-drink: acted on 4, then
/// 2, then 1 days; urges 3 every day in week 1, 2 in week 2, 1 in week 3.
behaviour_diary three_weeks(int week1 = 4, int week2 = 2, int week3 = 1) {
    auto f = test::diary_fields();
    f.entries.clear();
    const int acted[3] = {week1, week2, week3};
    for (int w = 0; w < 3; ++w) {
        for (int d = 0; d < 7; ++d) {
            diary_entry e;
            e.target = drink;
            e.on = date(2024, 3, 18) + boost::gregorian::days(7 * w + d);
            e.urge = 3 - w;
            e.acted = d < acted[w];
            e.skills_used = {d % 2 == 0 ? "TIPP" : "opposite action"};
            f.entries.push_back(e);
        }
    }
    return behaviour_diary::create(f);
}
}  // namespace

TEST(Behaviour, BuiltDiaryIsValid) {
    const auto d = behaviour_diary::create(test::diary_fields());
    EXPECT_EQ(d.target(walk).direction, behaviour_direction::increase);
    EXPECT_THROW((void)d.target(behaviour_id("nope")), not_found);
}

TEST(Behaviour, EntryRules) {
    diary_entry e;
    e.urge = 6;
    e.count = 0;
    e.at = test::at(2024, 3, 25, 9);
    e.skills_used = {""};
    EXPECT_EQ(validate(e), (problem_list{{"target", "required"},
                                         {"on", "required"},
                                         {"urge", "must be between 0 and 5 (got 6)"},
                                         {"count", "must be at least 1 when given"},
                                         {"count", "is given only when acted is true"},
                                         {"skills_used[0]", "required"}}));
    e = diary_entry{drink, date(2024, 3, 18), test::at(2024, 3, 20, 9), -1, false, 2, {}, {}};
    EXPECT_EQ(validate(e), (problem_list{{"urge", "must be between 0 and 5 (got -1)"},
                                         {"count", "is given only when acted is true"},
                                         {"at", "is more than a day away from 2024-03-18"}}));
    e.at = test::at(2024, 3, 19, 1);  // the next UTC day: a time-zone difference, accepted
    e.urge = 0;
    e.acted = true;
    EXPECT_TRUE(validate(e).empty());
}

TEST(Behaviour, DiaryRules) {
    behaviour_diary::fields f;
    EXPECT_EQ(behaviour_diary::check(f),
              (problem_list{{"client", "required"}, {"episode", "required"}}));
    f = test::diary_fields();
    f.targets.push_back(f.targets[0]);
    f.targets.push_back(
        {behaviour_id(), "", std::nullopt, behaviour_direction::decrease, logging_mode::daily});
    f.entries.push_back({behaviour_id("b-unknown"), date(2024, 3, 20), {}, {}, {}, {}, {}, {}});
    f.entries.push_back({drink, date(2024, 3, 19), {}, 1, false, {}, {}, {}});  // same day again
    f.entries.push_back({walk, date(2024, 3, 21), {}, {}, true, {}, {}, {}});   // no time
    f.entries.push_back({drink, date(2024, 3, 1), {}, {}, {}, {}, {}, {}});     // out of order
    const auto p = behaviour_diary::check(f);
    for (const char* path : {"targets[2].id", "targets[3].id", "targets[3].name",
                             "entries[3].target", "entries[4]", "entries[5].at", "entries[6].on"}) {
        EXPECT_TRUE(has_path(p, path)) << path;
    }
}

TEST(Behaviour, LoggingKeepsOrderAndEnforcesTheRules) {
    auto d = behaviour_diary::create(test::diary_fields());
    d.log({walk, date(2024, 3, 18), test::at(2024, 3, 18, 6), {}, true, {}, {}, {}});
    d.log({drink, date(2024, 3, 17), {}, 0, false, {}, {}, {}});
    ASSERT_EQ(d.entries().size(), 5u);
    EXPECT_EQ(d.entries()[0].on, date(2024, 3, 17));
    EXPECT_EQ(d.entries()[2].at, test::at(2024, 3, 18, 6));  // before the 07:00 walk
    EXPECT_EQ(d.entries()[3].at, test::at(2024, 3, 18, 7));
    const auto before = d;
    EXPECT_THROW(d.log({behaviour_id("nope"), date(2024, 3, 18), {}, {}, {}, {}, {}, {}}),
                 not_found);
    EXPECT_TRUE(has_path(problems_of([&] {
                             d.log({drink, date(2024, 3, 18), {}, 1, false, {}, {}, {}});
                         }),
                         "entries[4]"));  // b-drink already has 18 March
    EXPECT_TRUE(has_path(problems_of([&] {
                             d.log({walk, date(2024, 3, 19), {}, {}, true, {}, {}, {}});
                         }),
                         "entries[5].at"));
    EXPECT_TRUE(has_path(problems_of([&] {
                             d.log({drink, date(2024, 3, 20), {}, 9, true, {}, {}, {}});
                         }),
                         "entries[5].urge"));
    EXPECT_EQ(d, before);
    d.add_target({behaviour_id("b-call"),
                  "Call a friend",
                  {},
                  behaviour_direction::increase,
                  logging_mode::per_event});
    EXPECT_THROW(
        d.add_target({walk, "Walk", {}, behaviour_direction::increase, logging_mode::daily}),
        conflict);
    EXPECT_THROW(
        d.add_target({behaviour_id(), "x", {}, behaviour_direction::increase, logging_mode::daily}),
        validation_error);
}

TEST(Behaviour, WeeklySummaries) {
    const auto d = three_weeks();
    const auto weeks = d.weekly_summaries(drink, date(2024, 3, 18), date(2024, 4, 7));
    ASSERT_EQ(weeks.size(), 3u);
    EXPECT_EQ(weeks[0].week_start, date(2024, 3, 18));
    EXPECT_EQ(weeks[0].days_logged, 7);
    EXPECT_EQ(weeks[0].entries, 7);
    EXPECT_EQ(weeks[0].action_days, 4);
    EXPECT_EQ(weeks[0].actions, 4);
    EXPECT_DOUBLE_EQ(*weeks[0].action_rate, 4.0 / 7);
    EXPECT_DOUBLE_EQ(*weeks[0].mean_urge, 3.0);
    EXPECT_EQ(weeks[0].max_urge, 3);
    EXPECT_EQ(weeks[0].skills_used, (std::vector<std::string>{"TIPP", "opposite action"}));
    EXPECT_DOUBLE_EQ(*weeks[2].action_rate, 1.0 / 7);
    // Weeks starting on Sunday split the same days differently; partial weeks count only the
    // days inside the period.
    const auto sunday =
        d.weekly_summaries(drink, date(2024, 3, 18), date(2024, 4, 7), boost::date_time::Sunday);
    ASSERT_EQ(sunday.size(), 4u);
    EXPECT_EQ(sunday[0].week_start, date(2024, 3, 17));
    EXPECT_EQ(sunday[0].days_logged, 6);
    EXPECT_EQ(sunday[3].week_start, date(2024, 4, 7));
    EXPECT_EQ(sunday[3].days_logged, 1);
    // A week with no entries has no daily rate: unlogged days are unknown.
    const auto later = d.weekly_summaries(drink, date(2024, 4, 8), date(2024, 4, 14));
    ASSERT_EQ(later.size(), 1u);
    EXPECT_EQ(later[0].days_logged, 0);
    EXPECT_FALSE(later[0].action_rate.has_value());
    EXPECT_FALSE(later[0].mean_urge.has_value());
}

TEST(Behaviour, PerEventTargetsCountEventsPerDay) {
    auto d = behaviour_diary::create(test::diary_fields());  // one walk on 18 March
    d.log({walk, date(2024, 3, 20), test::at(2024, 3, 20, 7), {}, true, 2, {}, {}});
    const auto weeks = d.weekly_summaries(walk, date(2024, 3, 18), date(2024, 3, 24));
    ASSERT_EQ(weeks.size(), 1u);
    EXPECT_EQ(weeks[0].actions, 3);
    EXPECT_EQ(weeks[0].action_days, 2);
    EXPECT_DOUBLE_EQ(*weeks[0].action_rate, 3.0 / 7);
    const auto daily = d.weekly_summaries(drink, date(2024, 3, 18), date(2024, 3, 24));
    EXPECT_EQ(daily[0].actions, 2);  // count 2 on the 18th, none on the 19th
    EXPECT_EQ(daily[0].action_days, 1);
    EXPECT_DOUBLE_EQ(*daily[0].action_rate, 0.5);
}

TEST(Behaviour, TrendIsDirectionAware) {
    const auto falling = three_weeks(4, 2, 1);
    auto t = falling.trend(drink, date(2024, 3, 18), date(2024, 4, 7), trend_metric::action_rate);
    EXPECT_EQ(t.weeks_used, 3);
    EXPECT_NEAR(*t.slope_per_week, -3.0 / 14, 1e-12);    // least squares through 4/7, 2/7, 1/7
    EXPECT_EQ(t.direction, trend_direction::improving);  // a behaviour to decrease fell
    t = falling.trend(drink, date(2024, 3, 18), date(2024, 4, 7), trend_metric::action_rate, 0.25);
    EXPECT_EQ(t.direction, trend_direction::stable);  // within the tolerance
    t = falling.trend(drink, date(2024, 3, 18), date(2024, 4, 7), trend_metric::mean_urge);
    EXPECT_NEAR(*t.slope_per_week, -1.0, 1e-12);
    EXPECT_EQ(t.direction, trend_direction::improving);
    const auto rising = three_weeks(1, 2, 4);
    EXPECT_EQ(rising.trend(drink, date(2024, 3, 18), date(2024, 4, 7), trend_metric::action_rate)
                  .direction,
              trend_direction::worsening);
    // For a behaviour to increase the same rise is an improvement.
    auto f = rising.data();
    f.targets[0].direction = behaviour_direction::increase;
    EXPECT_EQ(behaviour_diary::create(f)
                  .trend(drink, date(2024, 3, 18), date(2024, 4, 7), trend_metric::action_rate)
                  .direction,
              trend_direction::improving);
    const auto flat = three_weeks(3, 3, 3);
    EXPECT_EQ(
        flat.trend(drink, date(2024, 3, 18), date(2024, 4, 7), trend_metric::action_rate).direction,
        trend_direction::stable);
    t = falling.trend(drink, date(2024, 3, 18), date(2024, 3, 24), trend_metric::action_rate);
    EXPECT_EQ(t.direction, trend_direction::insufficient_data);
    EXPECT_FALSE(t.slope_per_week.has_value());
}

TEST(Behaviour, QueriesAreChecked) {
    const auto d = three_weeks();
    EXPECT_EQ(
        problems_of([&] { (void)d.weekly_summaries(drink, date(2024, 4, 7), date(2024, 3, 18)); }),
        (problem_list{{"to", "is before from"}}));
    EXPECT_EQ(problems_of([&] { (void)d.weekly_summaries(drink, date(), date()); }),
              (problem_list{{"from", "required"}, {"to", "required"}}));
    EXPECT_EQ(problems_of([&] {
                  (void)d.trend(drink, date(2024, 3, 18), date(2024, 4, 7),
                                trend_metric::action_rate, -0.1);
              }),
              (problem_list{{"tolerance", "must not be negative"}}));
    EXPECT_THROW(
        (void)d.weekly_summaries(behaviour_id("nope"), date(2024, 3, 18), date(2024, 4, 7)),
        not_found);
}

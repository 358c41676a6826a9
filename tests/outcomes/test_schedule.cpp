// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/outcomes/schedule.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;
using boost::gregorian::days;

namespace {
// PHQ-9 every session and at intake and discharge; CORE-10 at intake and every 28 days with a
// week's grace.
measurement_schedule schedule() {
    return {
        episode_id("e-1"),
        {{"phq9", true, true, 1, std::nullopt, 0}, {"core10", true, false, std::nullopt, 28, 7}}};
}

// Weekly sessions from Monday 2026-01-05 (s1) to s<n>.
episode_timeline timeline(int sessions) {
    episode_timeline t;
    t.intake = date(2026, 1, 5);
    for (int i = 0; i < sessions; ++i) {
        t.sessions.push_back({session_id("s" + std::to_string(i + 1)), t.intake + days(7 * i)});
    }
    return t;
}

void administer(episode_timeline& t, const std::string& instrument, date on) {
    t.administrations.push_back({instrument, on, std::nullopt, std::nullopt});
}

const measure_due& find(const std::vector<measure_due>& v, const std::string& id) {
    for (const auto& m : v) {
        if (m.instrument_id == id) {
            return m;
        }
    }
    throw std::runtime_error("no " + id);
}
}  // namespace

TEST(MeasurementSchedule, EverySessionMeasureIsDueAtTodaysSession) {
    auto t = timeline(3);  // sessions on 01-05, 01-12, 01-19
    administer(t, "phq9", date(2026, 1, 5));
    administer(t, "phq9", date(2026, 1, 12));
    administer(t, "core10", date(2026, 1, 5));
    const auto due = measures_due(schedule(), t, date(2026, 1, 19));
    ASSERT_EQ(due.size(), 2u);
    const auto& phq9 = find(due, "phq9");
    EXPECT_EQ(phq9.status, due_status::due);
    EXPECT_EQ(phq9.due_since, date(2026, 1, 19));
    ASSERT_EQ(phq9.reasons.size(), 1u);
    EXPECT_EQ(phq9.reasons[0], "every session: session s3 on 2026-01-19 without an administration");
    const auto& core10 = find(due, "core10");
    EXPECT_EQ(core10.status, due_status::not_due);
    EXPECT_EQ(core10.next_due, date(2026, 2, 2));
}

TEST(MeasurementSchedule, MissedSessionMakesItOverdue) {
    auto t = timeline(3);
    administer(t, "phq9", date(2026, 1, 5));
    administer(t, "phq9", date(2026, 1, 12));
    const auto due = measures_due(schedule(), t, date(2026, 1, 21));
    EXPECT_EQ(find(due, "phq9").status, due_status::overdue);
    EXPECT_EQ(find(due, "phq9").due_since, date(2026, 1, 19));
    // Between sessions, once done, nothing is due until the next session is held.
    administer(t, "phq9", date(2026, 1, 19));
    const auto later = measures_due(schedule(), t, date(2026, 1, 21));
    EXPECT_EQ(find(later, "phq9").status, due_status::not_due);
    EXPECT_EQ(find(later, "phq9").sessions_until_due, 1);
}

TEST(MeasurementSchedule, CalendarMeasureWithGrace) {
    auto t = timeline(6);
    administer(t, "core10", date(2026, 1, 5));
    EXPECT_EQ(find(measures_due(schedule(), t, date(2026, 2, 1)), "core10").status,
              due_status::not_due);
    const auto on_time = find(measures_due(schedule(), t, date(2026, 2, 5)), "core10");
    EXPECT_EQ(on_time.status, due_status::due);  // due 02-02, grace 7 days
    EXPECT_EQ(on_time.due_since, date(2026, 2, 2));
    EXPECT_EQ(find(measures_due(schedule(), t, date(2026, 2, 9)), "core10").status,
              due_status::due);
    EXPECT_EQ(find(measures_due(schedule(), t, date(2026, 2, 10)), "core10").status,
              due_status::overdue);
}

TEST(MeasurementSchedule, IntakeMeasures) {
    const auto t = timeline(1);
    const auto due = measures_due(schedule(), t, date(2026, 1, 5));
    EXPECT_EQ(find(due, "phq9").status, due_status::due);
    EXPECT_EQ(find(due, "core10").status, due_status::due);
    EXPECT_EQ(find(due, "core10").reasons.size(), 2u);  // at intake, and the 28-day rule's start
    const auto before = measures_due(schedule(), t, date(2026, 1, 2));
    EXPECT_EQ(find(before, "core10").status, due_status::not_due);
    EXPECT_EQ(find(before, "core10").next_due, date(2026, 1, 5));
    const auto late = measures_due(schedule(), t, date(2026, 1, 13));
    EXPECT_EQ(find(late, "core10").status, due_status::overdue);  // grace 7 days passed
}

TEST(MeasurementSchedule, EveryOtherSession) {
    measurement_schedule s{episode_id("e-1"), {{"gad7", false, false, 2, std::nullopt, 0}}};
    auto t = timeline(4);  // 01-05, 01-12, 01-19, 01-26
    administer(t, "gad7", date(2026, 1, 5));
    auto m = measures_due(s, t, date(2026, 1, 12)).at(0);
    EXPECT_EQ(m.status, due_status::not_due);
    EXPECT_EQ(m.sessions_until_due, 1);
    m = measures_due(s, t, date(2026, 1, 19)).at(0);
    EXPECT_EQ(m.status, due_status::due);
    EXPECT_EQ(m.due_since, date(2026, 1, 19));
    m = measures_due(s, t, date(2026, 1, 26)).at(0);
    EXPECT_EQ(m.status, due_status::overdue);
}

TEST(MeasurementSchedule, DischargeMeasureAndPeriodicRulesStopAtDischarge) {
    auto t = timeline(12);
    t.discharge = date(2026, 3, 23);  // the twelfth session
    for (const auto& s : t.sessions) {
        administer(t, "phq9", s.on);
    }
    administer(t, "core10", date(2026, 3, 2));
    auto due = measures_due(schedule(), t, date(2026, 3, 25));
    EXPECT_EQ(find(due, "phq9").status, due_status::not_due);  // given at the last session
    // CORE-10's next 28-day date (03-30) falls after discharge: not due.
    EXPECT_EQ(find(due, "core10").status, due_status::not_due);
    EXPECT_FALSE(find(due, "core10").next_due.has_value());

    // Without the final PHQ-9, the discharge rule makes it overdue after the date.
    t.administrations.pop_back();  // drop the 03-02 CORE-10
    t.administrations.pop_back();  // drop the 03-23 PHQ-9
    due = measures_due(schedule(), t, date(2026, 3, 25));
    const auto& phq9 = find(due, "phq9");
    EXPECT_EQ(phq9.status, due_status::overdue);
    bool discharge_reason = false;
    for (const auto& r : phq9.reasons) {
        discharge_reason = discharge_reason || r.rfind("at discharge", 0) == 0;
    }
    EXPECT_TRUE(discharge_reason);
}

TEST(MeasurementScheduleBadInput, EveryRule) {
    auto s = schedule();
    s.measures.push_back({"phq9", true, false, std::nullopt, std::nullopt, 0});
    s.measures.push_back({"gad7", false, false, std::nullopt, std::nullopt, 0});
    s.measures.push_back({"k10", false, false, 0, -1, -2});
    s.episode = episode_id();
    try {
        (void)measures_due(s, timeline(2), date(2026, 1, 5));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        for (const char* path :
             {"schedule.episode", "schedule.measures[2].instrument_id", "schedule.measures[3]",
              "schedule.measures[4].every_sessions", "schedule.measures[4].every_days",
              "schedule.measures[4].grace_days"}) {
            EXPECT_TRUE(test::names_path(e, path)) << path << "\n" << e.what();
        }
    }
}

TEST(MeasurementScheduleBadInput, UnsortedSessionsAndOtherTimelineErrors) {
    auto t = timeline(3);
    std::swap(t.sessions[1].on, t.sessions[2].on);
    EXPECT_INVALID_AT(measures_due(schedule(), t, date(2026, 1, 20)), "timeline.sessions[2].on");
    t = timeline(3);
    t.sessions[2].id = t.sessions[0].id;
    EXPECT_INVALID_AT(measures_due(schedule(), t, date(2026, 1, 20)), "timeline.sessions[2].id");
    t = timeline(3);
    t.discharge = date(2025, 12, 1);
    EXPECT_INVALID_AT(measures_due(schedule(), t, date(2026, 1, 20)), "timeline.discharge");
    t = timeline(3);
    t.administrations.push_back({"", date(), std::nullopt, std::nullopt});
    EXPECT_INVALID_AT(measures_due(schedule(), t, date(2026, 1, 20)),
                      "timeline.administrations[0].on");
    EXPECT_INVALID_AT(measures_due(schedule(), timeline(3), date()), "on");
}

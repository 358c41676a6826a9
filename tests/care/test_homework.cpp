// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/care/homework.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using test::problems_of;

TEST(Homework, BuiltAssignmentIsValid) {
    const auto h = homework_assignment::create(test::assignment_fields());
    EXPECT_EQ(h.log().size(), 3u);
    EXPECT_EQ(h.data().skill, skill_kind::thought_record);
}

TEST(Homework, EveryRuleIsChecked) {
    homework_assignment::fields f;
    f.assigned_in = session_id();
    EXPECT_EQ(homework_assignment::check(f),
              (problem_list{{"id", "required"},
                            {"client", "required"},
                            {"episode", "required"},
                            {"assigned_in", "must not be empty when given"},
                            {"assigned_by", "required"},
                            {"title", "required"},
                            {"instructions", "required"},
                            {"assigned_on", "required"},
                            {"due", "required"}}));
    f = test::assignment_fields();
    f.due = date(2024, 3, 14);
    f.log[0].rating = 11;
    f.log[1].on = date(2024, 3, 10);
    EXPECT_EQ(homework_assignment::check(f),
              (problem_list{{"due", "is before the assignment date 2024-03-15"},
                            {"log[0].rating", "must be between 0 and 10 (got 11)"},
                            {"log[1].on", "is before the assignment date 2024-03-15"},
                            {"log[1].on", "the log is in date order"}}));
    EXPECT_THROW((void)homework_assignment::create(f), validation_error);
}

TEST(Homework, LoggingKeepsDateOrderAndRejectsBadEntries) {
    auto h = homework_assignment::create(test::assignment_fields());
    h.log_completion({date(2024, 3, 17), completion::done, 8, std::nullopt});
    h.log_completion({date(2024, 3, 16), completion::partly, std::nullopt, std::string("2nd")});
    ASSERT_EQ(h.log().size(), 5u);
    EXPECT_EQ(h.log()[1].on, date(2024, 3, 16));
    EXPECT_EQ(h.log()[1].note, std::string("2nd"));  // after the earlier entry of that day
    EXPECT_EQ(h.log()[2].on, date(2024, 3, 17));
    EXPECT_TRUE(validate(h).empty());
    const auto before = h;
    EXPECT_EQ(problems_of([&] {
                  h.log_completion({date(2024, 3, 1), completion::done, -1, std::nullopt});
              }),
              (problem_list{{"rating", "must be between 0 and 10 (got -1)"},
                            {"on", "is before the assignment date 2024-03-15"}}));
    EXPECT_EQ(problems_of([&] {
                  h.log_completion({date(), completion::done, std::nullopt, std::nullopt});
              }),
              (problem_list{{"on", "required"}}));
    EXPECT_EQ(h, before);
}

TEST(Homework, AdherenceOverAPeriod) {
    const auto h = homework_assignment::create(test::assignment_fields());
    // Log: 16th done, 18th partly, 20th not done.
    auto a = h.adherence(date(2024, 3, 15), date(2024, 3, 21));
    EXPECT_EQ(a.entries, 3);
    EXPECT_EQ(a.done, 1);
    EXPECT_EQ(a.partly, 1);
    EXPECT_EQ(a.not_done, 1);
    EXPECT_DOUBLE_EQ(*a.rate, 1.5 / 3);
    EXPECT_DOUBLE_EQ(*h.adherence(date(2024, 3, 15), date(2024, 3, 21), 0.0).rate, 1.0 / 3);
    EXPECT_DOUBLE_EQ(*h.adherence(date(2024, 3, 15), date(2024, 3, 21), 1.0).rate, 2.0 / 3);
    a = h.adherence(date(2024, 3, 16), date(2024, 3, 18));  // both ends inclusive
    EXPECT_EQ(a.entries, 2);
    EXPECT_DOUBLE_EQ(*a.rate, 0.75);
    a = h.adherence(date(2024, 4, 1), date(2024, 4, 30));
    EXPECT_EQ(a.entries, 0);
    EXPECT_FALSE(a.rate.has_value());  // nothing logged is unknown, not 0 %
}

TEST(Homework, AdherenceQueriesAreChecked) {
    const auto h = homework_assignment::create(test::assignment_fields());
    EXPECT_EQ(
        problems_of([&] { (void)h.adherence(date(2024, 3, 20), date(2024, 3, 19), 1.5); }),
        (problem_list{{"to", "is before from"}, {"partial_credit", "must be between 0 and 1"}}));
    EXPECT_EQ(problems_of([&] { (void)h.adherence(date(), date(2024, 3, 19)); }),
              (problem_list{{"from", "required"}}));
}

TEST(Homework, OverdueWhenNotDoneByTheDueDate) {
    auto f = test::assignment_fields();  // due 2024-03-22, done on the 16th
    EXPECT_FALSE(homework_assignment::create(f).overdue(date(2024, 3, 30)));
    f.log[0].status = completion::partly;
    const auto h = homework_assignment::create(f);
    EXPECT_FALSE(h.overdue(date(2024, 3, 22)));
    EXPECT_TRUE(h.overdue(date(2024, 3, 23)));
}

// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/care/session.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using test::has_path;

namespace {
session_attendee client_attendee(const char* id, attendance_role role = attendance_role::client) {
    return {client_id(id), std::nullopt, std::nullopt, role};
}
}  // namespace

TEST(Session, BuiltSessionsAreValid) {
    const auto s = session::create(test::individual_session_fields());
    EXPECT_EQ(s.end(), test::at(2024, 3, 15, 15, 50));
    EXPECT_EQ(s.attending_clients(), std::vector<client_id>{client_id("c-zoe")});
    EXPECT_TRUE(s.attended(client_id("c-zoe")));
    EXPECT_FALSE(s.attended(client_id("c-lee")));
    EXPECT_TRUE(s.risk_reviewed());
    const auto c = session::create(test::couple_session_fields());
    EXPECT_EQ(c.attending_clients(),
              (std::vector<client_id>{client_id("c-zoe"), client_id("c-lee")}));
    EXPECT_EQ(c.data().setting, session_setting::telehealth_video);
}

TEST(Session, RequiredFieldsAndDuration) {
    session::fields f;
    const auto p = session::check(f);
    for (const char* path :
         {"id", "episode", "clinician", "start", "duration_minutes", "attendees"}) {
        EXPECT_TRUE(has_path(p, path)) << path;
    }
    f = test::individual_session_fields();
    f.duration_minutes = 24 * 60 + 1;
    EXPECT_EQ(session::check(f),
              (problem_list{{"duration_minutes", "must be between 1 and 1440 (got 1441)"}}));
    f.duration_minutes = 1440;
    EXPECT_TRUE(session::check(f).empty());
    f.duration_minutes = -5;
    EXPECT_THROW((void)session::create(f), validation_error);
}

TEST(Session, AttendeeRules) {
    EXPECT_EQ(validate(session_attendee{}),
              (problem_list{{"client", "exactly one of client, clinician or name is required"}}));
    EXPECT_TRUE(has_path(validate(session_attendee{client_id("c"), clinician_id("k"), std::nullopt,
                                                   attendance_role::client}),
                         "client"));
    EXPECT_EQ(validate(client_attendee("c-zoe", attendance_role::interpreter)),
              (problem_list{{"role", "a client cannot attend as interpreter"}}));
    EXPECT_EQ(
        validate(session_attendee{std::nullopt, clinician_id("k-x"), std::nullopt,
                                  attendance_role::partner}),
        (problem_list{{"role", "a clinician attends as co_therapist or observer, not partner"}}));
    EXPECT_TRUE(validate(session_attendee{std::nullopt, clinician_id("k-x"), std::nullopt,
                                          attendance_role::co_therapist})
                    .empty());
    EXPECT_EQ(validate(session_attendee{std::nullopt, std::nullopt, std::string(),
                                        attendance_role::support_person}),
              (problem_list{{"name", "must not be empty when given"}}));
    auto f = test::couple_session_fields();
    f.attendees.push_back(client_attendee("c-zoe"));
    EXPECT_EQ(session::check(f),
              (problem_list{{"attendees[3].client", "client c-zoe is already attendees[0]"}}));
}

TEST(Session, AttendanceMatchesTheSessionType) {
    auto f = test::individual_session_fields();
    f.attendees = {{std::nullopt, std::nullopt, std::string("Tomás"), attendance_role::sibling}};
    EXPECT_EQ(session::check(f), (problem_list{{"attendees", "at least one client must attend"}}));
    f = test::individual_session_fields();
    f.attendees.push_back(client_attendee("c-lee", attendance_role::partner));
    EXPECT_EQ(session::check(f),
              (problem_list{{"attendees", "an individual session has exactly one client"}}));
    f = test::couple_session_fields();
    f.attendees.erase(f.attendees.begin() + 1);  // Lee did not come
    EXPECT_EQ(session::check(f),
              (problem_list{{"attendees", "a couple session needs both partners as clients"}}));
    f.type = session_type::family;
    EXPECT_EQ(session::check(f),  // Zoë and an interpreter: one family member
              (problem_list{{"attendees", "a family session needs at least two family members"}}));
    f.attendees.push_back(
        {std::nullopt, std::nullopt, std::string("Ana (mother)"), attendance_role::parent});
    EXPECT_TRUE(session::check(f).empty());
    for (auto t : {session_type::intake, session_type::crisis, session_type::discharge,
                   session_type::group}) {
        f = test::individual_session_fields();
        f.type = t;
        EXPECT_TRUE(session::check(f).empty()) << to_string(t);
    }
}

TEST(Session, RiskReviewAndWorkListsAreConsistent) {
    auto f = test::individual_session_fields();
    f.risk_reviewed = false;
    EXPECT_EQ(session::check(f),
              (problem_list{{"risk_assessment",
                             "a risk assessment is linked only when risk_reviewed is true"}}));
    f = test::individual_session_fields();
    f.risk_assessment.reset();
    EXPECT_TRUE(session::check(f).empty());  // a review without a formal assessment is allowed
    f.measures.push_back(administration_id("a-phq9-1"));
    f.homework_reviewed = {assignment_id("h-1")};
    f.interventions.push_back(coded_concept{code_systems::theracore_interventions, "", ""});
    const auto p = session::check(f);
    EXPECT_TRUE(has_path(p, "measures[1]")) << p.size();
    EXPECT_TRUE(has_path(p, "homework_reviewed[0]"));
    EXPECT_TRUE(has_path(p, "interventions[1].code"));
    f = test::individual_session_fields();
    f.homework_assigned.push_back(assignment_id());
    EXPECT_EQ(session::check(f), (problem_list{{"homework_assigned[1]", "required"}}));
}

TEST(Session, CheckAgainstItsEpisode) {
    const auto e = care_episode::create(test::couple_episode_fields());  // opened 2024-02-29
    const auto s = session::create(test::couple_session_fields());
    EXPECT_TRUE(check_against(s, e).empty());
    auto f = test::couple_session_fields();
    f.episode = episode_id("e-other");
    f.attendees[1].client = client_id("c-stranger");
    f.start = test::at(2024, 2, 1, 9);
    EXPECT_EQ(
        check_against(session::create(f), e),
        (problem_list{{"episode", "is e-other, not e-100"},
                      {"attendees[1].client", "c-stranger is not a participant of episode e-100"},
                      {"start", "is before the episode opened (2024-02-29)"}}));
    const auto closed = test::closed_episode();  // closed 2024-12-20
    f = test::couple_session_fields();
    f.start = test::at(2025, 1, 3, 9);
    EXPECT_EQ(check_against(session::create(f), closed),
              (problem_list{{"start", "is after the episode closed (2024-12-20)"}}));
}

TEST(Session, RegularValueSemantics) {
    const auto a = session::create(test::couple_session_fields());
    auto f = a.data();
    EXPECT_EQ(session::create(f), a);
    f.visibility = session_visibility::private_to_attendees;
    EXPECT_NE(session::create(f), a);
}

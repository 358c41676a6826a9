// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <limits>

#include <theracore/care/dyadic.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using test::at;
using test::has_path;
using test::problems_of;

namespace {
const client_id zoe("c-zoe");
const client_id lee("c-lee");
}  // namespace

TEST(Dyadic, BothPartnersSideBySideWithTheirDiscrepancy) {
    // CSI-16 (higher = more satisfied): Zoë 38 and Lee 51 on 22 March, Zoë 47 on 19 April,
    // Lee 53 on 21 April. The PHQ-9 score is ignored.
    const auto s = dyadic("csi16", zoe, lee, test::couple_observations());
    ASSERT_EQ(s.rows.size(), 3u);
    EXPECT_EQ(s.rows[0].occasion, date(2024, 3, 22));
    EXPECT_EQ(s.rows[0].first->total, 38);
    EXPECT_EQ(s.rows[0].second->total, 51);
    EXPECT_EQ(s.rows[0].discrepancy, -13.0);
    EXPECT_FALSE(s.rows[1].second.has_value());
    EXPECT_FALSE(s.rows[1].discrepancy.has_value());
    EXPECT_FALSE(s.rows[2].first.has_value());
    EXPECT_EQ(s.paired_occasions, 1);
    EXPECT_EQ(s.latest_discrepancy, -13.0);
    EXPECT_EQ(s.mean_absolute_discrepancy, 13.0);
    // With a three-day window the April scores form one occasion.
    const auto w = dyadic("csi16", zoe, lee, test::couple_observations(), 3);
    ASSERT_EQ(w.rows.size(), 2u);
    EXPECT_EQ(w.rows[1].occasion, date(2024, 4, 19));
    EXPECT_EQ(w.rows[1].discrepancy, -6.0);
    EXPECT_EQ(w.paired_occasions, 2);
    EXPECT_EQ(w.latest_discrepancy, -6.0);
    EXPECT_EQ(w.mean_absolute_discrepancy, 9.5);
    // Order of the partners decides the sign only.
    EXPECT_EQ(dyadic("csi16", lee, zoe, test::couple_observations(), 3).latest_discrepancy, 6.0);
    EXPECT_EQ(dyadic("phq9", zoe, lee, test::couple_observations()).paired_occasions, 0);
}

TEST(Dyadic, FamilyMembersSideBySide) {
    const client_id kid("c-kid");
    auto obs = test::couple_observations();
    obs.push_back({"csi16", kid, at(2024, 3, 22, 18), 20, std::nullopt});
    obs.push_back({"csi16", zoe, at(2024, 3, 22, 19), 40, std::nullopt});  // Zoë again: new row
    const auto t = side_by_side("csi16", {zoe, lee, kid}, obs);
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.rows[0].scores[2]->total, 20);
    EXPECT_EQ(t.rows[0].spread, 31.0);  // 51 - 20
    EXPECT_EQ(t.rows[1].occasion, date(2024, 3, 22));
    EXPECT_EQ(t.rows[1].scores[0]->total, 40);
    EXPECT_FALSE(t.rows[1].spread.has_value());
    EXPECT_EQ(t.clients, (std::vector<client_id>{zoe, lee, kid}));
}

TEST(Dyadic, BadInputIsRejected) {
    const auto obs = test::couple_observations();
    EXPECT_EQ(problems_of([&] { (void)side_by_side("", {zoe}, obs, -1); }),
              (problem_list{{"instrument", "required"},
                            {"clients", "at least 2 are required"},
                            {"window_days", "must not be negative"}}));
    EXPECT_EQ(problems_of([&] { (void)dyadic("csi16", zoe, zoe, obs); }),
              (problem_list{{"clients[1]", "c-zoe is already clients[0]"}}));
    auto bad = obs;
    bad[1].total = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(problems_of([&] { (void)dyadic("csi16", zoe, lee, bad); }),
              (problem_list{{"observations[1].total", "must be a finite number"}}));
}

TEST(Visibility, AnIndividualSessionInACoupleEpisodeIsPrivateToThatPartner) {
    const auto e = care_episode::create(test::couple_episode_fields());
    const auto individual = session::create(test::individual_session_fields());  // Zoë alone
    const auto joint = session::create(test::couple_session_fields());
    EXPECT_EQ(effective_visibility(individual, e), session_visibility::private_to_attendees);
    EXPECT_TRUE(visible_to(individual, e, zoe));
    EXPECT_FALSE(visible_to(individual, e, lee));
    EXPECT_EQ(effective_visibility(joint, e), session_visibility::shared_with_episode);
    EXPECT_TRUE(visible_to(joint, e, zoe));
    EXPECT_TRUE(visible_to(joint, e, lee));
    EXPECT_FALSE(visible_to(joint, e, client_id("c-stranger")));
    // Zoë may choose to share her individual session with Lee.
    auto f = test::individual_session_fields();
    f.visibility = session_visibility::shared_with_episode;
    EXPECT_TRUE(visible_to(session::create(f), e, lee));
    // A joint session can be marked private to whoever attended.
    auto family = test::couple_episode_fields();
    family.kind = episode_kind::family;
    family.participants.push_back({client_id("c-kid"), participant_role::child});
    const auto fe = care_episode::create(family);
    auto g = test::couple_session_fields();  // the parents only
    EXPECT_TRUE(visible_to(session::create(g), fe, client_id("c-kid")));
    g.visibility = session_visibility::private_to_attendees;
    EXPECT_FALSE(visible_to(session::create(g), fe, client_id("c-kid")));
    EXPECT_TRUE(visible_to(session::create(g), fe, lee));
}

TEST(Visibility, AnIndividualEpisodeHasNoOneToHideFrom) {
    auto f = test::couple_episode_fields();
    f.kind = episode_kind::individual;
    f.participants.pop_back();
    const auto e = care_episode::create(f);
    const auto s = session::create(test::individual_session_fields());
    EXPECT_EQ(effective_visibility(s, e), session_visibility::shared_with_episode);
    EXPECT_TRUE(visible_to(s, e, zoe));
    EXPECT_FALSE(visible_to(s, e, lee));
}

TEST(Visibility, NotesFollowTheirSession) {
    const auto e = care_episode::create(test::couple_episode_fields());
    const auto s1 = session::create(test::individual_session_fields());
    const auto s2 = session::create(test::couple_session_fields());
    const auto n1 = test::signed_note_with_addendum();
    const auto n2 = progress_note::create(test::couple_note_fields());
    EXPECT_FALSE(visible_to(n1, s1, e, lee));
    EXPECT_TRUE(visible_to(n1, s1, e, zoe));
    EXPECT_TRUE(visible_to(n2, s2, e, lee));
    EXPECT_EQ(problems_of([&] { (void)visible_to(n1, s2, e, lee); }),
              (problem_list{{"session", "note n-1 belongs to session s-1, not s-2"}}));
    auto other = test::individual_session_fields();
    other.episode = episode_id("e-other");
    EXPECT_TRUE(has_path(problems_of([&] { (void)visible_to(session::create(other), e, zoe); }),
                         "episode"));
}

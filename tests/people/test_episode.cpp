// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/people/episode.hpp>

#include "support/builders.hpp"

using namespace theracore;

namespace {
const std::vector<episode_status> all_statuses{
    episode_status::referred, episode_status::waitlisted, episode_status::assessment,
    episode_status::active,   episode_status::on_hold,    episode_status::closed};

bool has_path(const problem_list& p, const std::string& path) {
    for (const auto& x : p) {
        if (x.path == path) {
            return true;
        }
    }
    return false;
}
}  // namespace

TEST(CareEpisode, ClosedWithoutCloseDateIsRejected) {
    auto f = test::couple_episode_fields();
    f.status = episode_status::closed;
    f.history = {{episode_status::referred, episode_status::closed, date(2024, 3, 1)}};
    try {
        (void)care_episode::create(f);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"closed", "a closed episode needs a close date"}}));
    }
}

TEST(CareEpisode, EveryInvariantIsChecked) {
    care_episode::fields f;
    f.kind = episode_kind::couple;
    f.participants = {{client_id("a"), participant_role::identified_client}};
    f.closed = date(2020, 1, 1);
    f.presenting_problems = {{"", std::nullopt}};
    const auto p = care_episode::check(f);
    for (const char* path : {"id", "primary_clinician", "opened", "participants", "closed",
                             "presenting_problems[0].description"}) {
        EXPECT_TRUE(has_path(p, path)) << path;
    }
}

TEST(CareEpisode, ParticipantRulesPerKind) {
    auto f = test::couple_episode_fields();
    f.kind = episode_kind::individual;
    EXPECT_TRUE(has_path(care_episode::check(f), "participants"));
    f.kind = episode_kind::family;
    EXPECT_TRUE(care_episode::check(f).empty());
    f.participants.push_back({client_id("c-zoe"), participant_role::child});
    EXPECT_EQ(
        care_episode::check(f),
        (problem_list{{"participants[2].client", "client c-zoe is already participants[0]"}}));
    auto e = care_episode::create(test::couple_episode_fields());
    EXPECT_THROW(e.add_participant({client_id("c-lee"), participant_role::child}),
                 validation_error);
    e.add_participant({client_id("c-kid"), participant_role::child});
    EXPECT_TRUE(e.includes(client_id("c-kid")));
}

TEST(CareEpisode, TransitionsFollowTheLifecycle) {
    auto e = test::closed_episode();
    EXPECT_EQ(e.status(), episode_status::closed);
    EXPECT_EQ(e.closed(), date(2024, 12, 20));
    EXPECT_EQ(e.data().close_reason, std::string("Goals met"));
    EXPECT_EQ(e.data().history.size(), 5u);
    // The recorded history re-validates.
    EXPECT_TRUE(care_episode::check(e.data()).empty());
}

TEST(CareEpisode, EveryInvalidTransitionThrowsConflictNamingBothStates) {
    int invalid = 0;
    for (auto from : all_statuses) {
        for (auto to : all_statuses) {
            if (episode_transition_allowed(from, to)) {
                continue;
            }
            ++invalid;
            // Reach `from` along a valid path, then try the invalid move.
            auto e = care_episode::create(test::couple_episode_fields());
            const date d(2024, 3, 1);
            if (from == episode_status::waitlisted) {
                e.transition(episode_status::waitlisted, d);
            } else if (from == episode_status::assessment) {
                e.transition(episode_status::assessment, d);
            } else if (from == episode_status::active) {
                e.transition(episode_status::active, d);
            } else if (from == episode_status::on_hold) {
                e.transition(episode_status::active, d);
                e.transition(episode_status::on_hold, d);
            } else if (from == episode_status::closed) {
                e.transition(episode_status::closed, d);
            }
            ASSERT_EQ(e.status(), from);
            const auto before = e;
            try {
                e.transition(to, d);
                ADD_FAILURE() << to_string(from) << " -> " << to_string(to) << " was allowed";
            } catch (const conflict& c) {
                const std::string what = c.what();
                EXPECT_NE(what.find(std::string("from ") + std::string(to_string(from))),
                          std::string::npos)
                    << what;
                EXPECT_NE(what.find(std::string("to ") + std::string(to_string(to))),
                          std::string::npos)
                    << what;
            }
            EXPECT_EQ(e, before);  // a rejected move changes nothing
        }
    }
    EXPECT_EQ(invalid, 36 - 13);  // 13 allowed moves in the documented table
}

TEST(CareEpisode, TransitionDatesMustNotGoBackwards) {
    auto e = care_episode::create(test::couple_episode_fields());
    EXPECT_THROW(e.transition(episode_status::active, date(2024, 2, 28)), validation_error);
    e.transition(episode_status::active, date(2024, 3, 10));
    EXPECT_THROW(e.transition(episode_status::closed, date(2024, 3, 9)), validation_error);
    EXPECT_EQ(e.status(), episode_status::active);
}

TEST(CareEpisode, TamperedHistoryIsRejected) {
    auto f = test::closed_episode().data();
    f.history[1].from = episode_status::closed;
    EXPECT_TRUE(has_path(care_episode::check(f), "history[1].from"));
    f = test::closed_episode().data();
    f.status = episode_status::active;
    f.closed.reset();
    EXPECT_TRUE(has_path(care_episode::check(f), "status"));
}

// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/safety/referral.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;
using test::at;

namespace {

const std::vector<referral_status> all_referral_statuses{
    referral_status::draft,     referral_status::sent,      referral_status::accepted,
    referral_status::scheduled, referral_status::completed, referral_status::declined,
    referral_status::cancelled};

using theracore::test::has_path;

/// A referral brought to `target` along allowed moves.
referral reach(referral_status target, instant t) {
    auto r = referral::create(test::draft_referral_fields());
    using S = referral_status;
    const auto path = [&]() -> std::vector<S> {
        switch (target) {
            case S::draft:
                return {};
            case S::sent:
                return {S::sent};
            case S::accepted:
                return {S::sent, S::accepted};
            case S::scheduled:
                return {S::sent, S::accepted, S::scheduled};
            case S::completed:
                return {S::sent, S::accepted, S::scheduled, S::completed};
            case S::declined:
                return {S::sent, S::declined};
            case S::cancelled:
                return {S::cancelled};
        }
        return {};
    }();
    for (auto s : path) {
        r.transition(s, t);
    }
    return r;
}

}  // namespace

TEST(Referral, FullLifecycleIsRecordedWithTimes) {
    const auto r = test::completed_referral();
    EXPECT_EQ(r.status(), referral_status::completed);
    ASSERT_EQ(r.data().history.size(), 4u);
    EXPECT_EQ(r.data().history[0].from, referral_status::draft);
    EXPECT_EQ(r.data().history[0].to, referral_status::sent);
    EXPECT_EQ(r.data().history[0].at, at(2025, 3, 3, 16, 0));
    EXPECT_EQ(r.data().history[0].note, "Faxed and e-mailed");
    EXPECT_EQ(r.sent_at(), at(2025, 3, 3, 16, 0));
    EXPECT_EQ(r.status_on(date(2025, 3, 2)), referral_status::draft);
    EXPECT_EQ(r.status_on(date(2025, 3, 3)), referral_status::sent);
    EXPECT_EQ(r.status_on(date(2025, 3, 4)), referral_status::scheduled);
    EXPECT_EQ(r.status_on(date(2025, 3, 10)), referral_status::completed);
    EXPECT_TRUE(referral::check(r.data()).empty());
    EXPECT_FALSE(referral::create(test::draft_referral_fields()).sent_at());
}

TEST(Referral, EveryInvalidTransitionThrowsConflictNamingBothStates) {
    int invalid = 0;
    for (auto from : all_referral_statuses) {
        for (auto to : all_referral_statuses) {
            if (referral_transition_allowed(from, to)) {
                continue;
            }
            ++invalid;
            auto r = reach(from, at(2025, 3, 4, 9, 0));
            ASSERT_EQ(r.status(), from);
            const auto before = r;
            try {
                r.transition(to, at(2025, 3, 5, 9, 0));
                ADD_FAILURE() << to_string(from) << " -> " << to_string(to) << " was allowed";
            } catch (const conflict& c) {
                const std::string what = c.what();
                EXPECT_EQ(what, "referral r-1: cannot move from " + std::string(to_string(from)) +
                                    " to " + std::string(to_string(to)));
            }
            EXPECT_EQ(r, before);  // a rejected move changes nothing
        }
    }
    EXPECT_EQ(invalid, 49 - 9);  // 9 allowed moves in the documented table
}

TEST(Referral, EveryAllowedTransitionIsAccepted) {
    int allowed = 0;
    for (auto from : all_referral_statuses) {
        for (auto to : all_referral_statuses) {
            if (!referral_transition_allowed(from, to)) {
                continue;
            }
            ++allowed;
            auto r = reach(from, at(2025, 3, 4, 9, 0));
            r.transition(to, at(2025, 3, 5, 9, 0));
            EXPECT_EQ(r.status(), to);
        }
    }
    EXPECT_EQ(allowed, 9);
}

TEST(Referral, TransitionsAreTimeOrdered) {
    auto r = referral::create(test::draft_referral_fields());  // created 03-03 15:30
    EXPECT_THROW(r.transition(referral_status::sent, at(2025, 3, 3, 15, 29)), validation_error);
    r.transition(referral_status::sent, at(2025, 3, 3, 16, 0));
    try {
        r.transition(referral_status::accepted, at(2025, 3, 3, 15, 59));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{
                      {"history[1].at", "changes must be timed, in order, from the creation"}}));
    }
    EXPECT_EQ(r.status(), referral_status::sent);
}

TEST(Referral, SendingOutboundNeedsTheConsentUsedUnlessEmergency) {
    auto f = test::draft_referral_fields();
    f.consent.reset();
    auto r = referral::create(f);  // a draft may lack consent
    try {
        r.transition(referral_status::sent, at(2025, 3, 3, 16, 0));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "consent");
    }
    EXPECT_EQ(r.status(), referral_status::draft);
    r.transition(referral_status::cancelled, at(2025, 3, 3, 16, 0));  // cancelling is fine

    f.urgency = referral_urgency::emergency;
    auto emergency = referral::create(f);
    emergency.transition(referral_status::sent, at(2025, 3, 3, 16, 0));
    EXPECT_EQ(emergency.status(), referral_status::sent);

    f.urgency = referral_urgency::routine;
    f.direction = referral_direction::inbound;
    auto inbound = referral::create(f);
    inbound.transition(referral_status::sent, at(2025, 3, 3, 16, 0));  // received
    EXPECT_EQ(inbound.status(), referral_status::sent);
}

TEST(Referral, EveryInvariantIsChecked) {
    referral::fields f;
    f.attachments = {{attachment_kind::letter, "", ""}};
    f.consent = consent_id("");
    const auto p = referral::check(f);
    const problem_list expected{{"id", "required"},
                                {"client", "required"},
                                {"counterpart.name", "required"},
                                {"clinician", "required"},
                                {"reason", "required"},
                                {"attachments[0].reference", "required"},
                                {"consent", "empty id"},
                                {"created_at", "required"}};
    EXPECT_EQ(p, expected);
    f = test::draft_referral_fields();
    f.counterpart.telecom = {{contact_system::email, "", contact_use::work}};
    EXPECT_EQ(referral::check(f), (problem_list{{"counterpart.telecom[0].value", "required"}}));
}

TEST(Referral, TamperedHistoryIsRejected) {
    auto f = test::completed_referral().data();
    f.history[2].from = referral_status::sent;
    EXPECT_TRUE(has_path(referral::check(f), "history[2].from"));
    f = test::completed_referral().data();
    f.status = referral_status::cancelled;
    EXPECT_EQ(referral::check(f), (problem_list{{"status",
                                                 "does not match the history "
                                                 "(completed)"}}));
    f = test::completed_referral().data();
    f.history[3].to = referral_status::draft;
    f.status = referral_status::draft;
    EXPECT_EQ(referral::check(f),
              (problem_list{{"history[3]", "cannot move from scheduled to draft"}}));
    f = test::completed_referral().data();
    f.history[1].at = at(2025, 3, 3, 0, 0);
    EXPECT_TRUE(has_path(referral::check(f), "history[1].at"));
    f = test::completed_referral().data();
    f.consent.reset();
    EXPECT_TRUE(has_path(referral::check(f), "consent"));
}

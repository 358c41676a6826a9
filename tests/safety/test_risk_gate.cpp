// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/safety/risk_gate.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;
using test::at;

namespace {

const client_id zoe("c-zoe");
const date signing_day(2025, 3, 4);

risk_flag flag(const char* id, risk_level severity, instant raised, const char* client = "c-zoe") {
    risk_flag::fields f;
    f.id = flag_id(id);
    f.client = client_id(client);
    f.source = clinician_raised_source{clinician_id("k-ada"), "In-session disclosure"};
    f.severity = severity;
    f.raised_at = raised;
    f.review_by = raised.date();
    f.required_follow_up = "Risk review";
    return risk_flag::create(f);
}

referral sent_referral(referral_urgency urgency, instant sent,
                       referral_direction direction = referral_direction::outbound) {
    auto f = test::draft_referral_fields();
    f.urgency = urgency;
    f.direction = direction;
    f.created_at = sent - boost::posix_time::hours(1);
    auto r = referral::create(f);
    r.transition(referral_status::sent, sent);
    return r;
}

std::vector<risk_gate_reason> reasons(const risk_gate_decision& d) {
    std::vector<risk_gate_reason> out;
    for (const auto& r : d.reasons) {
        out.push_back(r.reason);
    }
    return out;
}

}  // namespace

TEST(RiskSigningGate, NoFlagsNoGate) {
    const auto d = evaluate_risk_signing_gate(zoe, signing_day, false, {}, {}, {});
    EXPECT_TRUE(d.may_sign);
    EXPECT_TRUE(d.blocking_flags.empty());
    EXPECT_TRUE(d.reasons.empty());
}

TEST(RiskSigningGate, OnlyHighOrImminentFlagsBlock) {
    const std::vector<risk_flag> mild{flag("f-low", risk_level::low, at(2025, 3, 3)),
                                      flag("f-mod", risk_level::moderate, at(2025, 3, 3))};
    EXPECT_TRUE(evaluate_risk_signing_gate(zoe, signing_day, false, mild, {}, {}).may_sign);

    for (auto severity : {risk_level::high, risk_level::imminent}) {
        const auto d = evaluate_risk_signing_gate(zoe, signing_day, false,
                                                  {flag("f-hi", severity, at(2025, 3, 3))}, {}, {});
        EXPECT_FALSE(d.may_sign) << to_string(severity);
        EXPECT_EQ(d.blocking_flags, std::vector<flag_id>{flag_id("f-hi")});
    }
}

TEST(RiskSigningGate, OtherClientsFlagsAreIgnored) {
    const auto d = evaluate_risk_signing_gate(
        zoe, signing_day, false, {flag("f-x", risk_level::imminent, at(2025, 3, 3), "c-other")}, {},
        {});
    EXPECT_TRUE(d.may_sign);
}

TEST(RiskSigningGate, ResolvedExpiredAndFutureFlagsDoNotBlockButFollowedUpStillDoes) {
    auto resolved = flag("f-r", risk_level::high, at(2025, 3, 1));
    resolved.resolve(at(2025, 3, 2, 9, 0), clinician_id("k-ada"), "resolved");
    EXPECT_TRUE(evaluate_risk_signing_gate(zoe, signing_day, false, {resolved}, {}, {}).may_sign);

    auto f = risk_flag::create([] {
        auto x = flag("f-e", risk_level::high, at(2025, 2, 1)).data();
        x.expires = date(2025, 3, 1);
        return x;
    }());
    EXPECT_TRUE(evaluate_risk_signing_gate(zoe, signing_day, false, {f}, {}, {}).may_sign);

    const auto future = flag("f-f", risk_level::high, at(2025, 3, 5));
    EXPECT_TRUE(evaluate_risk_signing_gate(zoe, signing_day, false, {future}, {}, {}).may_sign);

    // A follow-up does not end the risk: only resolution or expiry does.
    auto followed = flag("f-u", risk_level::high, at(2025, 3, 3));
    followed.follow_up(at(2025, 3, 3, 12, 0), clinician_id("k-ada"), "called client");
    EXPECT_FALSE(evaluate_risk_signing_gate(zoe, signing_day, false, {followed}, {}, {}).may_sign);
}

// Issue 15, correction 6: the gate reads the current rating. A clinician who rates an item-9
// flag moderate after a formulation may sign; rated high again, the gate holds; a re-rating
// counts from its day, so the day before it the raised rating still holds.
TEST(RiskSigningGate, UsesTheClinicianRatingOnTheDay) {
    auto f = flag("f-9", risk_level::high, at(2025, 3, 1));
    EXPECT_FALSE(evaluate_risk_signing_gate(zoe, signing_day, false, {f}, {}, {}).may_sign);
    f.rerate(risk_level::moderate, at(2025, 3, 3, 9, 0), clinician_id("k-ada"),
             "Risk formulation: passive ideation, no plan, intent or means");
    EXPECT_TRUE(evaluate_risk_signing_gate(zoe, signing_day, false, {f}, {}, {}).may_sign);
    EXPECT_FALSE(evaluate_risk_signing_gate(zoe, date(2025, 3, 2), false, {f}, {}, {}).may_sign);
    f.rerate(risk_level::high, at(2025, 3, 3, 16, 0), clinician_id("k-ada"), "Disclosed a plan");
    EXPECT_FALSE(evaluate_risk_signing_gate(zoe, signing_day, false, {f}, {}, {}).may_sign);
}

TEST(RiskSigningGate, NeedsARiskReviewAndASafetyMeasure) {
    const std::vector<risk_flag> flags{flag("f-1", risk_level::high, at(2025, 3, 3, 14, 0))};
    const auto neither = evaluate_risk_signing_gate(zoe, signing_day, false, flags, {}, {});
    EXPECT_FALSE(neither.may_sign);
    EXPECT_EQ(reasons(neither),
              (std::vector<risk_gate_reason>{risk_gate_reason::risk_review_missing,
                                             risk_gate_reason::safety_measure_missing}));
    EXPECT_EQ(neither.reasons[0].message,
              "the session must record a risk review (open high or imminent flags: f-1)");
    EXPECT_EQ(neither.reasons[1].message,
              "needs a current safety plan or an urgent referral sent since the flag was raised "
              "(flags: f-1)");

    const auto review_only = evaluate_risk_signing_gate(zoe, signing_day, true, flags, {}, {});
    EXPECT_EQ(reasons(review_only),
              std::vector<risk_gate_reason>{risk_gate_reason::safety_measure_missing});

    const std::vector<safety_plan> plans{test::full_safety_plan()};  // 2025-03-03 .. 06-03
    const auto plan_only = evaluate_risk_signing_gate(zoe, signing_day, false, flags, plans, {});
    EXPECT_EQ(reasons(plan_only),
              std::vector<risk_gate_reason>{risk_gate_reason::risk_review_missing});

    const auto both = evaluate_risk_signing_gate(zoe, signing_day, true, flags, plans, {});
    EXPECT_TRUE(both.may_sign);
    EXPECT_TRUE(both.reasons.empty());
    EXPECT_EQ(both.blocking_flags, std::vector<flag_id>{flag_id("f-1")});
}

TEST(RiskSigningGate, ASafetyPlanMustBeCurrent) {
    const std::vector<risk_flag> flags{flag("f-1", risk_level::high, at(2025, 3, 3))};
    auto plan = test::full_safety_plan();
    plan.review_on = date(2025, 3, 3);  // review date passed the day before signing
    EXPECT_FALSE(evaluate_risk_signing_gate(zoe, signing_day, true, flags, {plan}, {}).may_sign);
    plan.review_on = signing_day;  // reviewed up to and including the review date
    EXPECT_TRUE(evaluate_risk_signing_gate(zoe, signing_day, true, flags, {plan}, {}).may_sign);
    plan.client = client_id("c-other");
    EXPECT_FALSE(evaluate_risk_signing_gate(zoe, signing_day, true, flags, {plan}, {}).may_sign);
    plan = test::full_safety_plan();
    plan.created_on = date(2025, 3, 5);  // written after the signing date
    plan.client_copy_given_on.reset();
    EXPECT_FALSE(evaluate_risk_signing_gate(zoe, signing_day, true, flags, {plan}, {}).may_sign);
}

TEST(RiskSigningGate, AnUrgentOrEmergencyReferralSentSinceTheFlagCounts) {
    const std::vector<risk_flag> flags{flag("f-1", risk_level::high, at(2025, 3, 3, 14, 0))};
    for (auto urgency : {referral_urgency::urgent, referral_urgency::emergency}) {
        const auto d = evaluate_risk_signing_gate(zoe, signing_day, true, flags, {},
                                                  {sent_referral(urgency, at(2025, 3, 3, 16, 0))});
        EXPECT_TRUE(d.may_sign) << to_string(urgency);
    }
    // The same day counts even if sent hours before the flag fired (one clinical day).
    EXPECT_TRUE(
        evaluate_risk_signing_gate(zoe, signing_day, true, flags, {},
                                   {sent_referral(referral_urgency::urgent, at(2025, 3, 3, 9, 0))})
            .may_sign);
}

TEST(RiskSigningGate, ReferralsThatDoNotCount) {
    const std::vector<risk_flag> flags{flag("f-1", risk_level::high, at(2025, 3, 3, 14, 0))};
    const auto blocked = [&](const referral& r) {
        return !evaluate_risk_signing_gate(zoe, signing_day, true, flags, {}, {r}).may_sign;
    };
    EXPECT_TRUE(blocked(sent_referral(referral_urgency::routine, at(2025, 3, 3, 16, 0))));
    EXPECT_TRUE(blocked(sent_referral(referral_urgency::urgent, at(2025, 3, 2, 16, 0))))
        << "sent before the flag was raised";
    EXPECT_TRUE(blocked(sent_referral(referral_urgency::urgent, at(2025, 3, 5, 9, 0))))
        << "sent after the signing date";
    EXPECT_TRUE(blocked(sent_referral(referral_urgency::urgent, at(2025, 3, 3, 16, 0),
                                      referral_direction::inbound)));
    EXPECT_TRUE(blocked(referral::create(test::draft_referral_fields()))) << "a draft";
    auto declined = sent_referral(referral_urgency::urgent, at(2025, 3, 3, 16, 0));
    declined.transition(referral_status::declined, at(2025, 3, 4, 8, 0));
    EXPECT_TRUE(blocked(declined));
    auto cancelled = sent_referral(referral_urgency::urgent, at(2025, 3, 3, 16, 0));
    cancelled.transition(referral_status::cancelled, at(2025, 3, 4, 8, 0));
    EXPECT_TRUE(blocked(cancelled));
    auto other = test::draft_referral_fields();
    other.client = client_id("c-other");
    auto r = referral::create(other);
    r.transition(referral_status::sent, at(2025, 3, 3, 16, 0));
    EXPECT_TRUE(blocked(r));
    // Cancelled only after the signing date: it still counted on that date.
    auto later = sent_referral(referral_urgency::urgent, at(2025, 3, 3, 16, 0));
    later.transition(referral_status::accepted, at(2025, 3, 4, 8, 0));
    later.transition(referral_status::cancelled, at(2025, 3, 6, 8, 0));
    EXPECT_FALSE(blocked(later));
}

TEST(RiskSigningGate, EachFlagNeedsItsOwnCoverWithoutASafetyPlan) {
    const std::vector<risk_flag> flags{flag("f-old", risk_level::high, at(2025, 2, 1)),
                                       flag("f-new", risk_level::imminent, at(2025, 3, 3))};
    // Sent on 02-10: covers the February flag, not the one raised in March.
    const auto d = evaluate_risk_signing_gate(
        zoe, signing_day, true, flags, {},
        {sent_referral(referral_urgency::urgent, at(2025, 2, 10, 9, 0))});
    EXPECT_FALSE(d.may_sign);
    ASSERT_EQ(d.reasons.size(), 1u);
    EXPECT_EQ(d.reasons[0].reason, risk_gate_reason::safety_measure_missing);
    EXPECT_EQ(d.reasons[0].flags, std::vector<flag_id>{flag_id("f-new")});
    EXPECT_EQ(d.blocking_flags, (std::vector<flag_id>{flag_id("f-old"), flag_id("f-new")}));
}

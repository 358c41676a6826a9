// SPDX-License-Identifier: Apache-2.0
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include <theracore/safety/referral_trigger.hpp>

#include "support/builders.hpp"
#include "support/safety_builders.hpp"

using namespace theracore;
using test::at;

namespace {

observed_score total(const char* instrument, date on, double value, const char* adm = nullptr) {
    observed_score o;
    o.instrument_id = instrument;
    o.on = on;
    o.total = value;
    if (adm) {
        o.administration = administration_id(adm);
    }
    return o;
}

observed_score level(const char* instrument, date on, const char* value) {
    observed_score o;
    o.instrument_id = instrument;
    o.on = on;
    o.level = value;
    return o;
}

clinician generalist() {
    auto k = test::full_clinician();
    k.scope_tags = {"couples"};
    return k;
}

std::vector<std::string> fired(const std::vector<suggested_referral>& s) {
    std::vector<std::string> ids;
    for (const auto& x : s) {
        ids.push_back(x.trigger_id);
    }
    return ids;
}

const auto standard = standard_referral_triggers(4);

}  // namespace

// PHQ-9 >= 20 is the severe band (Kroenke et al. 2001; instruments reference §2.1).
TEST(ReferralTriggers, Phq9MustStaySevereForTheLastNAdministrations) {
    std::vector<observed_score> obs{total("phq9", date(2025, 1, 6), 22, "a1"),
                                    total("phq9", date(2025, 1, 13), 21, "a2"),
                                    total("phq9", date(2025, 1, 20), 20, "a3")};
    const date today(2025, 2, 1);
    EXPECT_TRUE(evaluate_referral_triggers(standard, obs, generalist(), today).empty())
        << "three severe scores are not yet four";
    obs.push_back(total("phq9", date(2025, 1, 27), 20, "a4"));  // exactly at the threshold
    const auto s = evaluate_referral_triggers(standard, obs, generalist(), today);
    ASSERT_EQ(fired(s), std::vector<std::string>{"phq9-persistent-severe"});
    EXPECT_EQ(s[0].refer_to, referral_party_kind::psychiatrist);
    EXPECT_EQ(s[0].urgency, referral_urgency::routine);
    ASSERT_EQ(s[0].evidence.size(), 4u);
    EXPECT_EQ(s[0].evidence.front().administration, administration_id("a1"));
    EXPECT_EQ(s[0].evidence.back().administration, administration_id("a4"));

    obs.push_back(total("phq9", date(2025, 1, 30), 19, "a5"));  // moderately severe now
    EXPECT_TRUE(evaluate_referral_triggers(standard, obs, generalist(), today).empty());
}

TEST(ReferralTriggers, ObservationsAreTakenInDateOrderUpToTheDate) {
    // Given out of order; the most recent four are all >= 20 only if sorted by date.
    const std::vector<observed_score> obs{
        total("phq9", date(2025, 1, 27), 24), total("phq9", date(2025, 1, 6), 12),
        total("phq9", date(2025, 1, 20), 23), total("phq9", date(2025, 1, 13), 25),
        total("phq9", date(2025, 1, 10), 21), total("phq9", date(2025, 3, 1), 5)};
    // On 02-01 the 03-01 score does not exist yet: last four are 01-10, 01-13, 01-20, 01-27.
    EXPECT_EQ(fired(evaluate_referral_triggers(standard, obs, generalist(), date(2025, 2, 1))),
              std::vector<std::string>{"phq9-persistent-severe"});
    EXPECT_TRUE(evaluate_referral_triggers(standard, obs, generalist(), date(2025, 3, 1)).empty());
}

TEST(ReferralTriggers, UnscorableAndOtherInstrumentsAreSkipped) {
    std::vector<observed_score> obs;
    for (int day = 1; day <= 4; ++day) {
        obs.push_back(total("phq9", date(2025, 1, static_cast<unsigned short>(day)), 21));
    }
    observed_score missing;  // a PHQ-9 that could not be scored: no total
    missing.instrument_id = "phq9";
    missing.on = date(2025, 1, 5);
    obs.push_back(missing);
    obs.push_back(total("gad7", date(2025, 1, 6), 3));
    EXPECT_EQ(fired(evaluate_referral_triggers(standard, obs, generalist(), date(2025, 1, 6))),
              std::vector<std::string>{"phq9-persistent-severe"});
}

// AUDIT >= 20: zone IV, referral for diagnostic evaluation (Babor et al. 2001; §2.8).
TEST(ReferralTriggers, AuditZoneFour) {
    EXPECT_TRUE(evaluate_referral_triggers(standard, {total("audit", date(2025, 1, 6), 19)},
                                           generalist(), date(2025, 1, 6))
                    .empty());
    const auto s = evaluate_referral_triggers(standard, {total("audit", date(2025, 1, 6), 20)},
                                              generalist(), date(2025, 1, 6));
    ASSERT_EQ(fired(s), std::vector<std::string>{"audit-possible-dependence"});
    EXPECT_EQ(s[0].refer_to, referral_party_kind::specialist_service);
    EXPECT_EQ(s[0].evidence.size(), 1u);
}

// C-SSRS screener triage high -> immediate action (§2.18).
TEST(ReferralTriggers, CssrsHigh) {
    EXPECT_TRUE(evaluate_referral_triggers(standard,
                                           {level("cssrs_screener", date(2025, 1, 6), "moderate")},
                                           generalist(), date(2025, 1, 6))
                    .empty());
    const auto s =
        evaluate_referral_triggers(standard, {level("cssrs_screener", date(2025, 1, 6), "high")},
                                   generalist(), date(2025, 1, 6));
    ASSERT_EQ(fired(s), std::vector<std::string>{"cssrs-high"});
    EXPECT_EQ(s[0].refer_to, referral_party_kind::crisis_service);
    EXPECT_EQ(s[0].urgency, referral_urgency::emergency);
}

// PCL-5 >= 33 (NCPTSD; library default; §2.6) when the clinician lacks trauma-focused scope.
TEST(ReferralTriggers, Pcl5OnlyOutsideTraumaScope) {
    const std::vector<observed_score> obs{total("pcl5", date(2025, 1, 6), 33)};
    EXPECT_EQ(fired(evaluate_referral_triggers(standard, obs, generalist(), date(2025, 1, 6))),
              std::vector<std::string>{"pcl5-outside-trauma-scope"});
    const auto trauma = test::full_clinician();  // carries "trauma-focused"
    EXPECT_TRUE(evaluate_referral_triggers(standard, obs, trauma, date(2025, 1, 6)).empty());
    EXPECT_TRUE(evaluate_referral_triggers(standard, {total("pcl5", date(2025, 1, 6), 32)},
                                           generalist(), date(2025, 1, 6))
                    .empty());
    const auto lower = standard_referral_triggers(4, 31.0);  // NCPTSD's lower alternative
    EXPECT_EQ(fired(evaluate_referral_triggers(lower, {total("pcl5", date(2025, 1, 6), 31)},
                                               generalist(), date(2025, 1, 6))),
              std::vector<std::string>{"pcl5-outside-trauma-scope"});
}

TEST(ReferralTriggers, TriggersAreDataACustomOneNeedsNoCode) {
    referral_trigger_set custom;
    custom.name = "Clinic rules";
    custom.triggers.push_back({"k10-very-high", "k10", total_at_least{30.0}, 2,
                               std::string("high-intensity"), referral_party_kind::psychologist,
                               referral_urgency::urgent, "Very high distress twice",
                               "Andrews & Slade 2001"});
    const std::vector<observed_score> obs{total("k10", date(2025, 1, 1), 31),
                                          total("k10", date(2025, 1, 8), 30)};
    const auto s = evaluate_referral_triggers(custom, obs, generalist(), date(2025, 1, 8));
    ASSERT_EQ(fired(s), std::vector<std::string>{"k10-very-high"});
    EXPECT_EQ(s[0].reason, "Very high distress twice");
    auto senior = generalist();
    senior.scope_tags.push_back("high-intensity");
    EXPECT_TRUE(evaluate_referral_triggers(custom, obs, senior, date(2025, 1, 8)).empty());
}

TEST(ReferralTriggers, AllFourCanFireTogetherInTriggerOrder) {
    std::vector<observed_score> obs{total("pcl5", date(2025, 1, 6), 50),
                                    level("cssrs_screener", date(2025, 1, 6), "high"),
                                    total("audit", date(2025, 1, 6), 25)};
    for (int day = 1; day <= 4; ++day) {
        obs.push_back(total("phq9", date(2025, 1, static_cast<unsigned short>(day)), 27));
    }
    EXPECT_EQ(fired(evaluate_referral_triggers(standard, obs, generalist(), date(2025, 1, 6))),
              (std::vector<std::string>{"phq9-persistent-severe", "audit-possible-dependence",
                                        "cssrs-high", "pcl5-outside-trauma-scope"}));
}

TEST(ReferralTriggers, InvalidTriggersAndObservationsAreRejected) {
    referral_trigger_set s;
    s.triggers.push_back({"", "", total_at_least{std::numeric_limits<double>::infinity()}, 0,
                          std::string(), referral_party_kind::other, referral_urgency::routine, "",
                          ""});
    s.triggers.push_back({"x", "phq9", level_in{{}}, 1, std::nullopt, referral_party_kind::other,
                          referral_urgency::routine, "r", ""});
    s.triggers.push_back({"x", "phq9", level_in{{"high", ""}}, 1, std::nullopt,
                          referral_party_kind::other, referral_urgency::routine, "r", ""});
    const problem_list expected{
        {"name", "required"},
        {"triggers[0].id", "required"},
        {"triggers[0].instrument_id", "required"},
        {"triggers[0].condition.total_at_least.threshold", "not a finite number"},
        {"triggers[0].consecutive_observations", "must be at least 1"},
        {"triggers[0].unless_scope_tag", "empty tag"},
        {"triggers[0].reason", "required"},
        {"triggers[1].condition.level_in.levels", "name at least one level"},
        {"triggers[2].condition.level_in.levels[1]", "empty entry"},
        {"triggers[2].id", "duplicate trigger id x"}};
    EXPECT_EQ(validate(s), expected);
    EXPECT_THROW((void)evaluate_referral_triggers(s, {}, generalist(), date(2025, 1, 1)),
                 validation_error);

    observed_score bad;
    bad.total = std::nan("");
    try {
        (void)evaluate_referral_triggers(standard, {bad}, generalist(), date(2025, 1, 1));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"observations[0].instrument_id", "required"},
                                              {"observations[0].on", "required"},
                                              {"observations[0].total", "not a finite number"}}));
    }
    EXPECT_THROW((void)standard_referral_triggers(0), validation_error);
}

TEST(ReferralTriggers, ASuggestionBecomesADraftReferralWithItsEvidenceAttached) {
    std::vector<observed_score> obs;
    for (int day = 1; day <= 4; ++day) {
        obs.push_back(total("phq9", date(2025, 1, static_cast<unsigned short>(day)), 21,
                            ("adm-" + std::to_string(day)).c_str()));
    }
    const auto s = evaluate_referral_triggers(standard, obs, generalist(), date(2025, 1, 4));
    ASSERT_EQ(s.size(), 1u);
    const auto r = draft_referral(s[0], referral_id("r-9"), client_id("c-zoe"),
                                  clinician_id("k-ada"), test::psychiatrist(), at(2025, 1, 4, 12));
    EXPECT_EQ(r.status(), referral_status::draft);
    EXPECT_EQ(r.data().suggested_by, std::string("phq9-persistent-severe"));
    EXPECT_EQ(r.data().reason, s[0].reason);
    ASSERT_EQ(r.data().attachments.size(), 4u);
    EXPECT_EQ(r.data().attachments[0].reference, "adm-1");
    EXPECT_EQ(r.data().attachments[0].description, "phq9 on 2025-01-01");
    EXPECT_THROW((void)draft_referral(s[0], referral_id("r-9"), client_id("c-zoe"),
                                      clinician_id("k-ada"), referral_party{}, at(2025, 1, 4)),
                 validation_error);
}

// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <theracore/adapters/from_administration.hpp>
#include <theracore/care.hpp>
#include <theracore/safety.hpp>

#include "support/adapters_builders.hpp"

using namespace theracore;
using itest::at;
using itest::builtin;
namespace ti = theracore::instruments;

namespace {

using theracore::itest::problems_of;

const ti::answer skip;  // missing: left out by a skip rule, or not answered

instruments::administration dass21(const std::string& id) {
    return itest::scored("dass21", id, "c-zoe", at(2026, 1, 6),
                         std::vector<ti::answer>(21, ti::answer(1)));
}

/// GAD-7 under another id: an instrument the built-in catalog does not hold.
instruments::administration local_instrument(const std::string& id) {
    const auto local = itest::variant_of("gad7", [](auto& d) {
        d.id = "gad7_local";
        d.locales.clear();
        d.default_locale.clear();
    });
    return administer(local, administration_id(id), client_id("c-zoe"), at(2026, 1, 7),
                      ti::responses::ordered({1, 1, 1, 1, 1, 1, 1}));
}

}  // namespace

TEST(MeasureObservations, TotalsOfEveryInstrumentAndWhyTheOthersGaveNone) {
    const std::vector<instruments::administration> adms{
        itest::phq9("p-1", "c-zoe", at(2026, 1, 5, 9), 20, 1),
        dass21("d-1"),
        local_instrument("l-1"),
        itest::phq9("p-2", "c-zoe", at(2026, 1, 12, 9), 12, skip),
        itest::as_version(itest::phq9("p-3", "c-zoe", at(2026, 1, 19, 9), 5), "0.9"),
        itest::phq9("p-4", "c-zoe", at(2026, 2, 2, 9), 8, 0),
        itest::phq9("p-5", "c-lee", at(2026, 2, 2, 10), 4, 0)};
    const auto out = measure_observations(ti::builtin_catalog(), adms);
    ASSERT_EQ(out.observations.size(), 3u);
    EXPECT_EQ(out.observations[0],
              (measure_observation{"phq9", client_id("c-zoe"), at(2026, 1, 5, 9), 21,
                                   administration_id("p-1")}));
    EXPECT_EQ(out.observations[1].total, 8);
    EXPECT_EQ(out.observations[2].client, client_id("c-lee"));
    ASSERT_EQ(out.unscored.size(), 4u);
    EXPECT_EQ(out.unscored[0].administration, administration_id("d-1"));
    EXPECT_EQ(out.unscored[0].reason, unscored_reason::no_total_scale);
    EXPECT_EQ(out.unscored[1].reason, unscored_reason::unknown_instrument);
    EXPECT_EQ(out.unscored[1].detail, "gad7_local is not in the catalog");
    EXPECT_EQ(out.unscored[2].reason, unscored_reason::scale_not_scored);
    EXPECT_EQ(out.unscored[3].reason, unscored_reason::other_version);

    // Measure-bound goal "PHQ-9 below 10": met by the 8 of 2 February (Zoë's, not Lee's 4).
    plan_goal g;
    g.id = goal_id("g-mood");
    g.statement = "Mood lifts";
    g.due = date(2026, 6, 1);
    g.measure = measure_target{"phq9", target_comparison::below, 10, client_id("c-zoe")};
    const auto e = evaluate_measure_goal(g, out.observations, date(2026, 2, 3));
    EXPECT_EQ(e.status, measure_status::met);
    EXPECT_EQ(e.evidence->administration, administration_id("p-4"));
    // Couples: both partners' PHQ-9 side by side, 8 − 4 = 4 apart.
    const auto d = dyadic("phq9", client_id("c-zoe"), client_id("c-lee"), out.observations, 1);
    EXPECT_EQ(d.latest_discrepancy, 4.0);
}

TEST(MeasureObservations, InvalidAdministrationsAreNamed) {
    auto bad = itest::phq9("p-1", "c-zoe", at(2026, 1, 5, 9), 12);
    bad.client = client_id();
    EXPECT_EQ(problems_of([&] { (void)measure_observations(ti::builtin_catalog(), {bad}); }),
              (problem_list{{"administrations[0].client", "required"}}));
    EXPECT_EQ(problems_of([&] { (void)observed_scores(ti::builtin_catalog(), {bad}); }),
              (problem_list{{"administrations[0].client", "required"}}));
}

TEST(ObservedScores, TotalsAndLevelsForTheReferralTriggers) {
    // AUDIT 4,4,4,2,2,2,0,0,2,2 = 22: zone IV (20–40, Babor et al. 2001).
    // C-SSRS Q1 Q2 Q4 Yes: high (§2.18). A C-SSRS without Q1 cannot be triaged.
    const std::vector<instruments::administration> adms{
        itest::phq9("p-1", "c-zoe", at(2026, 1, 5, 9), 20, 1),
        itest::phq9("p-2", "c-zoe", at(2026, 1, 12, 9), 22, 2),
        itest::scored("audit", "au-1", "c-zoe", at(2026, 1, 12, 10),
                      {4, 4, 4, 2, 2, 2, 0, 0, 2, 2}),
        itest::scored("cssrs_screener", "cs-1", "c-zoe", at(2026, 1, 12, 11), {1, 1, 0, 1, 0, 0}),
        itest::scored("cssrs_screener", "cs-2", "c-zoe", at(2026, 1, 13, 11),
                      {skip, 0, skip, skip, skip, 0}),
        itest::phq9("p-3", "c-zoe", at(2026, 1, 14, 9), 12, skip),
        dass21("d-1")};
    const auto out = observed_scores(ti::builtin_catalog(), adms);
    ASSERT_EQ(out.scores.size(), 4u);
    EXPECT_EQ(out.scores[0], (observed_score{"phq9", date(2026, 1, 5), 21.0, std::string("Severe"),
                                             administration_id("p-1")}));
    EXPECT_EQ(out.scores[1].total, 24.0);
    EXPECT_EQ(out.scores[2].total, 22.0);
    EXPECT_EQ(out.scores[2].level->rfind("Zone IV", 0), 0u);
    EXPECT_EQ(out.scores[3], (observed_score{"cssrs_screener", date(2026, 1, 12), std::nullopt,
                                             std::string("high"), administration_id("cs-1")}));
    ASSERT_EQ(out.unscored.size(), 3u);
    EXPECT_EQ(out.unscored[0].administration, administration_id("cs-2"));
    EXPECT_EQ(out.unscored[0].reason, unscored_reason::level_undetermined);
    EXPECT_EQ(out.unscored[0].scale, "risk_level");
    EXPECT_EQ(out.unscored[1].reason, unscored_reason::scale_not_scored);
    EXPECT_EQ(out.unscored[2].reason, unscored_reason::no_total_scale);

    clinician ada;
    ada.id = clinician_id("k-ada");
    ada.name.text = "Ada";
    const auto suggested = evaluate_referral_triggers(standard_referral_triggers(2), out.scores,
                                                      ada, date(2026, 1, 14));
    std::vector<std::string> ids;
    for (const auto& s : suggested) {
        ids.push_back(s.trigger_id);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"phq9-persistent-severe", "audit-possible-dependence",
                                             "cssrs-high"}));
}

TEST(ObservedScores, AnotherVersionOfATriageOnlyInstrumentIsAFinding) {
    const auto cs = itest::as_version(itest::scored("cssrs_screener", "cs-1", "c-zoe",
                                                    at(2026, 1, 12), {1, 0, skip, skip, skip, 0}),
                                      "0.9");
    const auto out = observed_scores(ti::builtin_catalog(), {cs});
    EXPECT_TRUE(out.scores.empty());
    ASSERT_EQ(out.unscored.size(), 1u);
    EXPECT_EQ(out.unscored[0].reason, unscored_reason::other_version);
}

// The standard scope-of-practice triggers name instruments by id; each must be a
// built-in instrument, or one explicitly pending, and its threshold must be the definition's.
TEST(StandardReferralTriggers, MatchTheCatalog) {
    // PCL-5 is being added to the catalog on another branch; its trigger is checked once it is.
    const std::set<std::string> pending{"pcl5"};
    const auto& cat = ti::builtin_catalog();
    for (const auto& t : standard_referral_triggers(3).triggers) {
        const auto* inst = cat.find(t.instrument_id);
        if (!inst) {
            EXPECT_TRUE(pending.count(t.instrument_id))
                << t.id << " names " << t.instrument_id
                << ", which is neither built in nor pending";
            continue;
        }
        if (const auto* total = std::get_if<total_at_least>(&t.condition)) {
            ASSERT_NE(inst->total(), nullptr) << t.id;
            const auto& s = *inst->total();
            if (t.id == "pcl5-outside-trauma-scope") {
                // Library default 33 = the definition's primary cut-off (NCPTSD; §2.6).
                const auto c = std::find_if(s.cut_offs.begin(), s.cut_offs.end(),
                                            [](const auto& x) { return !x.alternative_to; });
                ASSERT_NE(c, s.cut_offs.end());
                EXPECT_EQ(total->threshold, c->threshold) << t.id;
            } else {
                // PHQ-9 >= 20 is the severe band (Kroenke 2001, §2.1); AUDIT >= 20 is zone IV
                // (Babor 2001, §2.8): the lower bound of the definition's most severe band.
                ASSERT_FALSE(s.band_sets.empty()) << t.id;
                EXPECT_EQ(total->threshold, s.band_sets.front().bands.back().min) << t.id;
            }
        } else {
            const auto& levels = std::get<level_in>(t.condition).levels;
            std::vector<std::string> known;
            for (const auto& d : inst->derived()) {
                if (const auto* tr = std::get_if<ti::triage_rule>(&d.rule)) {
                    known.insert(known.end(), tr->levels.begin(), tr->levels.end());
                }
            }
            for (const auto& l : levels) {
                EXPECT_NE(std::find(known.begin(), known.end(), l), known.end())
                    << t.id << ": level " << l << " is not a level of " << t.instrument_id;
            }
        }
    }
    EXPECT_TRUE(cat.find("phq9") && cat.find("audit") && cat.find("cssrs_screener"));
}

TEST(RiskLevelFor, TheDocumentedMapping) {
    EXPECT_EQ(risk_level_for(ti::flag_severity::info), risk_level::low);
    EXPECT_EQ(risk_level_for(ti::flag_severity::review), risk_level::moderate);
    EXPECT_EQ(risk_level_for(ti::flag_severity::urgent), risk_level::high);
    EXPECT_EQ(risk_level_for(ti::flag_severity::immediate), risk_level::high);
}

// PHQ-9 item 9 > 0 -> urgent risk review whatever the total (Kroenke 2001; §2.1).
TEST(CriticalItems, Phq9Item9BecomesAHighRiskFlag) {
    const auto a = itest::phq9("p-1", "c-zoe", at(2026, 1, 5, 9, 30), 4, 2);
    const auto found = critical_items(builtin("phq9"), a);
    EXPECT_TRUE(found.not_evaluated.empty());
    ASSERT_EQ(found.fired.size(), 1u);
    const auto& e = found.fired[0];
    EXPECT_EQ(e.client, client_id("c-zoe"));
    EXPECT_EQ(e.instrument_id, "phq9");
    EXPECT_EQ(e.item_id, "phq9_9");
    EXPECT_EQ(e.flag_code, "item9_self_harm");
    EXPECT_EQ(e.severity, risk_level::high);
    EXPECT_EQ(e.when, at(2026, 1, 5, 9, 30));
    EXPECT_EQ(e.administration, administration_id("p-1"));

    const auto flags = risk_flags_for(found);
    ASSERT_EQ(flags.size(), 1u);
    EXPECT_EQ(flags[0].id(), flag_id("p-1/item9_self_harm"));
    EXPECT_EQ(flags[0].id(), critical_item_flag_id(a.id, "item9_self_harm"));
    EXPECT_EQ(flags[0].severity(), risk_level::high);
    EXPECT_EQ(flags[0].review_by(), date(2026, 1, 5));
    EXPECT_EQ(flags[0].required_follow_up(), "Risk review: phq9 item phq9_9 endorsed");
    const auto& src = std::get<instrument_item_source>(flags[0].source());
    EXPECT_EQ(src.flag_code, "item9_self_harm");
    EXPECT_EQ(src.administration, administration_id("p-1"));
    // The flag blocks a note for Zoë until risk is reviewed and covered (the risk gate).
    EXPECT_FALSE(
        evaluate_risk_signing_gate(client_id("c-zoe"), date(2026, 1, 5), true, flags, {}, {})
            .may_sign);
    // Nothing endorsed: nothing raised.
    EXPECT_TRUE(critical_items(builtin("phq9"), itest::phq9("p-2", "c-zoe", at(2026, 1, 5), 4, 0))
                    .fired.empty());
}

TEST(CriticalItems, AnItemThatCouldNotBeEvaluatedIsReportedNotSilent) {
    const auto a = itest::phq9("p-1", "c-zoe", at(2026, 1, 5, 9), 20, skip);
    const auto found = critical_items(builtin("phq9"), a);
    EXPECT_TRUE(found.fired.empty());
    ASSERT_EQ(found.not_evaluated.size(), 1u);
    const auto& n = found.not_evaluated[0];
    EXPECT_EQ(n.client, client_id("c-zoe"));
    EXPECT_EQ(n.flag_code, "item9_self_harm");
    EXPECT_EQ(n.severity, ti::flag_severity::urgent);
    EXPECT_EQ(n.items, (std::vector<std::string>{"phq9_9"}));
    EXPECT_EQ(n.administration, administration_id("p-1"));
    EXPECT_TRUE(risk_flags_for(found).empty());  // unknown risk is not a raised flag
}

// EPDS item 10 > 0 (scored, after reverse keying) and the C-SSRS screener: immediate (§2.15,
// §2.18). AUDIT's zone flag is informational and raises nothing unless asked for.
TEST(CriticalItems, SeveritiesAndMultiItemFlags) {
    const auto epds = itest::scored("epds", "e-1", "c-zoe", at(2026, 1, 5),
                                    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0});  // item 10 first option: 3
    const auto e = critical_items(builtin("epds"), epds);
    ASSERT_EQ(e.fired.size(), 1u);
    EXPECT_EQ(e.fired[0].item_id, "epds_10");
    EXPECT_EQ(e.fired[0].severity, risk_level::high);

    const auto cs =
        itest::scored("cssrs_screener", "cs-1", "c-zoe", at(2026, 1, 5), {1, 1, 0, 0, 1, 0});
    const auto c = critical_items(builtin("cssrs_screener"), cs);
    ASSERT_EQ(c.fired.size(), 1u);
    EXPECT_EQ(c.fired[0].item_id, "cssrs_screener_4 or cssrs_screener_5 or cssrs_screener_7");
    EXPECT_EQ(risk_flags_for(c)[0].required_follow_up(),
              "Risk review: cssrs_screener item cssrs_screener_4 or cssrs_screener_5 or "
              "cssrs_screener_7 endorsed");

    const auto audit =
        itest::scored("audit", "au-1", "c-zoe", at(2026, 1, 5), {4, 4, 4, 2, 2, 2, 0, 0, 2, 2});
    EXPECT_TRUE(critical_items(builtin("audit"), audit).fired.empty());
    const auto info = critical_items(builtin("audit"), audit, ti::flag_severity::info);
    ASSERT_EQ(info.fired.size(), 1u);
    EXPECT_EQ(info.fired[0].severity, risk_level::low);
}

TEST(CriticalItems, BadInputIsNamed) {
    const auto a = itest::phq9("p-1", "c-zoe", at(2026, 1, 5), 4, 2);
    EXPECT_EQ(problems_of([&] { (void)critical_items(builtin("gad7"), a); }),
              (problem_list{{"instrument", "phq9 is not gad7"}}));
    EXPECT_EQ(
        problems_of([&] { (void)critical_items(builtin("phq9"), itest::as_version(a, "0.9")); }),
        (problem_list{{"instrument_version", "scored with v0.9; re-score it with v1.0"}}));
    auto tampered = a;
    tampered.result.flags.push_back({"bogus", "Bogus", ti::flag_severity::urgent});
    EXPECT_EQ(problems_of([&] { (void)critical_items(builtin("phq9"), tampered); }),
              (problem_list{{"result.flags", "phq9 v1.0 has no flag bogus"}}));
    auto invalid = a;
    invalid.administered_at = instant();
    EXPECT_EQ(problems_of([&] { (void)critical_items(builtin("phq9"), invalid); }),
              (problem_list{{"administered_at", "required"}}));
}

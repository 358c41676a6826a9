// SPDX-License-Identifier: Apache-2.0
// The second batch of built-in instruments: AUDIT-C, DAST-10, K10, K6, PSS-10, PG-13-R and
// WHO-5. Hand-computed cases from each instrument's published rules (the source is named beside
// the expected values), invalid answers, missing answers, licences and the commercial filter,
// confirmed (and deliberately absent) LOINC codes, JSON round trips.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/io/json.hpp>

#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;
using test::answers;
using test::builtin;
using test::na;
using test::problem_paths;

namespace {

using theracore::test::scale_of;

const scale_score& total_scale_of(const score_result& r) {
    return scale_of(r, "total");
}

using ids = std::vector<std::string>;

/// K10 answers of ten items whose values are `low` except the first `n_high`, which are `high`.
std::vector<double> k10_pattern(int n_high, double high, double low) {
    std::vector<double> a(10, low);
    std::fill(a.begin(), a.begin() + n_high, high);
    return a;
}

const std::vector<std::string> batch_b = {"auditc", "dast10", "k10", "k6",
                                          "pss10",  "pg13r",  "who5"};

}  // namespace

// ---- Catalog membership, licences, texts.

TEST(CatalogB, EveryInstrumentOfTheBatchIsBuiltIn) {
    for (const auto& id : batch_b) {
        const auto* inst = builtin_catalog().find(id);
        ASSERT_NE(inst, nullptr) << id;
        // PG-13-R 1.1: 1.0 named its symptom-score cut-off probable_pgd (issue 15, correction 5).
        EXPECT_EQ(inst->version(), id == std::string("pg13r") ? "1.1" : "1.0") << id;
        EXPECT_TRUE(inst->locales().empty()) << id << ": no texts ship in this batch";
        EXPECT_TRUE(inst->flags().empty()) << id << ": none of these has a published critical item";
    }
}

TEST(CatalogB, CommercialFilterDropsAuditFamilyDast10AndWho5) {
    // Reference §1: AUDIT (WHO, not for commercial use), AUDIT-C (AUDIT questions 1-3, WHO
    // wording), DAST-10 (Skinner/CAMH, non-commercial), WHO-5 (CC BY-NC-SA 3.0 IGO).
    const auto commercial = builtin_catalog().without_licences({licence_terms::non_commercial});
    for (const char* id : {"audit", "auditc", "dast10", "who5"}) {
        EXPECT_EQ(builtin_catalog().at(id).licence(), licence_terms::non_commercial) << id;
        EXPECT_EQ(commercial.find(id), nullptr) << id;
    }
    // K10/K6 are public domain; PSS-10 and PG-13-R ship their scoring only (texts unconfirmed).
    EXPECT_EQ(builtin("k10").licence(), licence_terms::public_domain);
    EXPECT_EQ(builtin("k6").licence(), licence_terms::public_domain);
    EXPECT_EQ(builtin("pss10").licence(), licence_terms::licensed_user_supplied);
    EXPECT_EQ(builtin("pg13r").licence(), licence_terms::licensed_user_supplied);
    for (const char* id : {"k10", "k6", "pss10", "pg13r"}) {
        EXPECT_NE(commercial.find(id), nullptr) << id;
    }
    // Texts: only K10 and K6 may ship them (they ship answer labels, no item wording).
    for (const auto& id : batch_b) {
        EXPECT_EQ(builtin(id).data().texts_may_ship, id == "k10" || id == "k6") << id;
    }
}

TEST(CatalogB, LoincCodesPinnedAndUnconfirmedOnesAbsent) {
    // AUDIT total 75624-7 and AUDIT-C total 75626-2 are swapped in some public code (verification
    // notes §10-11, two sources each): pin both, and the panels 72110-0 / 72109-2.
    const auto& audit = builtin("audit");
    const auto& auditc = builtin("auditc");
    EXPECT_EQ(auditc.data().code->code, "72109-2");
    EXPECT_EQ(auditc.total()->code->code, "75626-2");
    EXPECT_EQ(audit.data().code->code, "72110-0");
    EXPECT_EQ(audit.total()->code->code, "75624-7");
    EXPECT_NE(auditc.total()->code->code, audit.total()->code->code);
    // AUDIT-C questions are AUDIT questions 1-3: the same item codes.
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(auditc.items()[i].code->code, audit.items()[i].code->code);
        EXPECT_EQ(auditc.items()[i].code->system, code_systems::loinc);
    }
    EXPECT_EQ(auditc.items()[0].code->code, "68518-0");
    // Unconfirmed: WHO-5 89708-7 (untrustworthy source), DAST-10 82666-9 / 82667-7 (conflicting
    // use), PSS-10 93038-1 (one list), nothing found for K10, K6, PG-13-R.
    for (const char* id : {"who5", "dast10", "pss10", "k10", "k6", "pg13r"}) {
        const auto& inst = builtin(id);
        EXPECT_FALSE(inst.data().code.has_value()) << id;
        for (const auto& s : inst.scales()) {
            EXPECT_FALSE(s.code.has_value()) << id;
        }
        for (const auto& it : inst.items()) {
            EXPECT_FALSE(it.code.has_value()) << id;
        }
    }
}

TEST(CatalogB, DefinitionsRoundTripThroughJson) {
    for (const auto& id : batch_b) {
        const auto& inst = builtin(id);
        const nlohmann::json j = inst;
        EXPECT_EQ(load_instrument(j), inst) << id;
        EXPECT_EQ(load_instrument_text(io::to_json_string(inst, 2)), inst) << id;
    }
    // What matters most survives: the K10 missing rule and the WHO-5 direction and multiplier.
    const nlohmann::json k10 = builtin("k10");
    const auto& total = k10.at("scales").at(0);
    EXPECT_EQ(total.at("missing").at("max_missing"), 1);
    EXPECT_EQ(total.at("missing").at("rounding"), "half_up");
    EXPECT_EQ(total.at("band_sets").at(1).at("id"), "andrews_slade");
    const nlohmann::json who5 = builtin("who5");
    EXPECT_EQ(who5.at("direction"), "higher_is_better");
    EXPECT_EQ(who5.at("scales").at(1).at("multiplier"), 4);
}

// ---- AUDIT-C: Bush et al. 1998 (AUDIT questions 1-3, each 0-4, total 0-12); positive at
// >= 4 for men and >= 3 for women (US validation studies, as stated in Addict Sci Clin Pract
// 2014;9:2); Babor et al. 2001 skip rule (question 1 "never": questions 2-3 score 0).

TEST(ScoreAuditC, SexSpecificCutOffBoundaries) {
    const auto& c = builtin("auditc");
    EXPECT_EQ(c.total()->cut_offs[0].population, "men");
    EXPECT_EQ(c.total()->cut_offs[1].population, "women");
    auto r = score(c, answers({1, 1, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 2);  // below both thresholds
    EXPECT_TRUE(total_scale_of(r).cut_offs_met.empty());
    r = score(c, answers({2, 1, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 3);  // women >= 3 positive, men not
    EXPECT_EQ(total_scale_of(r).cut_offs_met, ids{"positive_women"});
    r = score(c, answers({2, 1, 1}));
    EXPECT_EQ(*total_scale_of(r).value, 4);  // men >= 4: both positive
    EXPECT_EQ(total_scale_of(r).cut_offs_met, (ids{"positive_men", "positive_women"}));
    r = score(c, answers({4, 4, 4}));
    EXPECT_EQ(*total_scale_of(r).value, 12);
    EXPECT_TRUE(total_scale_of(r).band_label.empty());  // no bands were confirmed
}

TEST(ScoreAuditC, NeverDrinkingSkipsQuestions2And3) {
    const auto& c = builtin("auditc");
    // Babor 2001: "never" on question 1, questions 2 and 3 are not asked and score 0.
    auto r = score(c, answers({0, na, na}));
    EXPECT_EQ(*total_scale_of(r).value, 0);
    EXPECT_EQ(total_scale_of(r).answered, 3);  // skipped questions count as scored
    EXPECT_EQ(r.missing, 0);
    r = score(c, answers({0, 0, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 0);
    // An answer that contradicts "never" is invalid, not summed.
    EXPECT_EQ(problem_paths([&] { (void)score(c, answers({0, 2, na})); }), ids{"auditc_2"});
    // A drinker's unanswered question is missing: no published rule, not scorable.
    r = score(c, answers({1, na, 2}));
    EXPECT_EQ(total_scale_of(r).status, scale_status::too_many_missing);
    EXPECT_EQ(total_scale_of(r).missing, 1);
}

TEST(ScoreAuditC, SameTotalAsTheAuditConsumptionItems) {
    const auto& c = builtin("auditc");
    const auto& audit = builtin("audit");
    for (const auto& first3 : std::vector<std::vector<double>>{{3, 2, 1}, {1, 0, 0}, {4, 4, 3}}) {
        std::vector<double> full = first3;
        full.insert(full.end(), {0, 0, 0, 0, 0, 0, 0});
        EXPECT_EQ(*total_scale_of(score(c, answers(first3))).value,
                  *scale_of(score(audit, answers(full)), "consumption").value);
    }
}

TEST(ScoreAuditC, InvalidAnswers) {
    const auto& c = builtin("auditc");
    EXPECT_EQ(problem_paths([&] { (void)score(c, answers({5, 0, 0})); }), ids{"auditc_1"});
    EXPECT_EQ(problem_paths([&] { (void)score(c, answers({1, 1.5, 0})); }), ids{"auditc_2"});
    EXPECT_EQ(problem_paths([&] { (void)score(c, answers({1, 1, 1, 1})); }), ids{"form_order[3]"});
}

// ---- DAST-10: Skinner 1982 (yes = 1 except question 3, where no = 1); Skinner's levels
// 0 none / 1-2 low / 3-5 moderate / 6-8 substantial / 9-10 severe.

TEST(ScoreDast10, Question3IsReverseKeyed) {
    const auto& d = builtin("dast10");
    // All "no": question 3 "no" scores 1, the rest 0 -> 1, low level (Skinner 1982 key).
    auto r = score(d, answers(std::vector<double>(10, 0)));
    EXPECT_EQ(*total_scale_of(r).value, 1);
    EXPECT_EQ(total_scale_of(r).band_label, "Low level");
    // Only question 3 "yes": every item scores 0.
    r = score(d, answers({0, 0, 1, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 0);
    EXPECT_EQ(total_scale_of(r).band_label, "No problems reported");
    // All "yes": question 3 scores 0 -> 9, severe.
    r = score(d, answers(std::vector<double>(10, 1)));
    EXPECT_EQ(*total_scale_of(r).value, 9);
    EXPECT_EQ(total_scale_of(r).band_label, "Severe level");
    // Pre-scored data (question 3 already keyed): no second reversal.
    score_options pre;
    pre.coding = answer_coding::scores;
    r = score(d, answers(std::vector<double>(10, 0)), pre);
    EXPECT_EQ(*total_scale_of(r).value, 0);
}

TEST(ScoreDast10, BandBoundariesSkinner) {
    const auto& d = builtin("dast10");
    // Question 3 answered "yes" (0) throughout; n other "yes" answers give a total of n.
    auto with_yes = [&](int n) {
        std::vector<double> a(10, 0);
        a[2] = 1;
        int set = 0;
        for (std::size_t i = 0; i < 10 && set < n; ++i) {
            if (i != 2) {
                a[i] = 1;
                ++set;
            }
        }
        return score(d, answers(a));
    };
    EXPECT_EQ(total_scale_of(with_yes(2)).band_label, "Low level");  // 1-2
    EXPECT_EQ(*total_scale_of(with_yes(3)).value, 3);
    EXPECT_EQ(total_scale_of(with_yes(3)).band_label, "Moderate level");  // 3-5
    EXPECT_EQ(total_scale_of(with_yes(5)).band_label, "Moderate level");
    EXPECT_EQ(total_scale_of(with_yes(6)).band_label, "Substantial level");  // 6-8
    EXPECT_EQ(total_scale_of(with_yes(8)).band_label, "Substantial level");
    EXPECT_EQ(*total_scale_of(with_yes(9)).band, 4);  // 9-10 severe
    // All "yes" but question 3 "no" (scores 1): 10.
    std::vector<double> ten(10, 1);
    ten[2] = 0;
    EXPECT_EQ(*total_scale_of(score(d, answers(ten))).value, 10);
}

TEST(ScoreDast10, MissingAndInvalid) {
    const auto& d = builtin("dast10");
    // No published missing-data rule (awell's "score what was answered" is not adopted).
    auto r = score(d, answers({1, 1, 0, 1, na, 0, 0, 0, 0, 0}));
    EXPECT_FALSE(total_scale_of(r).value.has_value());
    EXPECT_EQ(total_scale_of(r).status, scale_status::too_many_missing);
    EXPECT_EQ(total_scale_of(r).answered, 9);
    EXPECT_EQ(problem_paths([&] { (void)score(d, answers({0, 0, 0, 0, 2})); }), ids{"dast10_5"});
    EXPECT_EQ(problem_paths([&] { (void)score(d, answers({-1})); }), ids{"dast10_1"});
}

// ---- K10: Kessler et al. 2002, Australian coding 1-5 (total 10-50). Bands: ABS 4817.0.55.001
// (10-15 low, 16-21 moderate, 22-29 high, 30-50 very high) and Andrews & Slade 2001 (< 20 well,
// 20-24 mild, 25-29 moderate, 30-50 severe). Missing data: AMHOCN / PMHC MDS (one missing:
// round(10 x sum / 9); two or more: not scorable).

TEST(ScoreK10, AbsBandBoundaries) {
    const auto& k = builtin("k10");
    const struct {
        std::vector<double> a;
        double total;
        const char* band;
    } cases[] = {
        {k10_pattern(0, 1, 1), 10, "Low"},        // all "none of the time"
        {k10_pattern(5, 2, 1), 15, "Low"},        // 5 x 2 + 5 x 1
        {k10_pattern(6, 2, 1), 16, "Moderate"},   // 6 x 2 + 4 x 1
        {k10_pattern(1, 3, 2), 21, "Moderate"},   // 3 + 9 x 2
        {k10_pattern(2, 3, 2), 22, "High"},       // 2 x 3 + 8 x 2
        {k10_pattern(9, 3, 2), 29, "High"},       // 9 x 3 + 2
        {k10_pattern(0, 3, 3), 30, "Very high"},  // all "some of the time"
        {k10_pattern(0, 5, 5), 50, "Very high"},
    };
    for (const auto& c : cases) {
        const auto r = score(k, answers(c.a));
        EXPECT_EQ(*total_scale_of(r).value, c.total);
        EXPECT_EQ(total_scale_of(r).band_set, "abs");
        EXPECT_EQ(total_scale_of(r).band_label, c.band) << c.total;
    }
    EXPECT_FALSE(k.total()->band_sets[0].standard);  // ABS: "no universally agreed categories"
}

TEST(ScoreK10, AndrewsSladeBandsOnRequest) {
    const auto& k = builtin("k10");
    score_options o;
    o.band_sets["total"] = "andrews_slade";
    const struct {
        std::vector<double> a;
        double total;
        const char* band;
    } cases[] = {
        {k10_pattern(9, 2, 1), 19, "Likely to be well"},
        {k10_pattern(0, 2, 2), 20, "Likely to have a mild disorder"},
        {k10_pattern(4, 3, 2), 24, "Likely to have a mild disorder"},
        {k10_pattern(5, 3, 2), 25, "Likely to have a moderate disorder"},
        {k10_pattern(9, 3, 2), 29, "Likely to have a moderate disorder"},
        {k10_pattern(0, 3, 3), 30, "Likely to have a severe disorder"},
    };
    for (const auto& c : cases) {
        const auto r = score(k, answers(c.a), o);
        EXPECT_EQ(*total_scale_of(r).value, c.total);
        EXPECT_EQ(total_scale_of(r).band_set, "andrews_slade");
        EXPECT_EQ(total_scale_of(r).band_label, c.band) << c.total;
    }
}

TEST(ScoreK10, OneMissingItemIsProratedAndRoundedAmhocn) {
    const auto& k = builtin("k10");
    // Item 10 missing; the nine answered items sum to 20: round(20 / 9 x 10) = round(22.22) = 22,
    // which is "high" where the unprorated 20 would read "moderate" (PMHC MDS, AMHOCN p. 58).
    auto r = score(k, answers({3, 3, 2, 2, 2, 2, 2, 2, 2, na}));
    ASSERT_TRUE(total_scale_of(r).value.has_value());
    EXPECT_EQ(*total_scale_of(r).value, 22);
    EXPECT_TRUE(total_scale_of(r).prorated);
    EXPECT_FALSE(total_scale_of(r).nonstandard_rule);
    EXPECT_EQ(total_scale_of(r).band_label, "High");
    EXPECT_EQ(total_scale_of(r).missing, 1);
    // Sum 14 over nine items: 15.56 rounds to 16, moderate; sum 13: 14.44 rounds to 14, low.
    r = score(k, answers({na, 2, 2, 2, 2, 1, 1, 1, 1, 2}));
    EXPECT_EQ(*total_scale_of(r).value, 16);
    EXPECT_EQ(total_scale_of(r).band_label, "Moderate");
    r = score(k, answers({na, 2, 2, 2, 1, 1, 1, 1, 1, 2}));
    EXPECT_EQ(*total_scale_of(r).value, 14);
    EXPECT_EQ(total_scale_of(r).band_label, "Low");
    // Sum 27 over nine items: exactly 30, very high.
    r = score(k, answers({3, 3, 3, 3, 3, na, 3, 3, 3, 3}));
    EXPECT_EQ(*total_scale_of(r).value, 30);
    // Two missing: invalid total (AMHOCN), reported as not scorable with the reason.
    r = score(k, answers({3, 3, 3, 3, 3, na, 3, 3, 3, na}));
    EXPECT_EQ(total_scale_of(r).status, scale_status::too_many_missing);
    EXPECT_NE(total_scale_of(r).reason.find("at most 1 allowed"), std::string::npos)
        << total_scale_of(r).reason;
}

TEST(ScoreK10, UsCodedAnswersAreRejectedNotMisread) {
    const auto& k = builtin("k10");
    // The definition records the Australian 1-5 coding; a US 0 ("none of the time") is invalid.
    EXPECT_EQ(problem_paths([&] {
                  (void)score(k, answers({0, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
              }),
              ids{"k10_1"});
    EXPECT_EQ(problem_paths([&] { (void)score(k, answers({1, 1, 6})); }), ids{"k10_3"});
    const auto& opts = k.data().response_scales.at(0).options;
    ASSERT_EQ(opts.size(), 5U);
    EXPECT_EQ(opts.front().value, 1);
    EXPECT_EQ(opts.front().label, "None of the time");
    EXPECT_EQ(opts.back().value, 5);
    EXPECT_EQ(opts.back().label, "All of the time");
}

TEST(ScoreK10, AustralianItemOrderAndTheK6Items) {
    const auto& k10 = builtin("k10");
    // Australian form: item 8 "everything an effort", item 9 "so sad"; the US form swaps them.
    EXPECT_NE(k10.items()[7].label.find("everything an effort"), std::string::npos);
    EXPECT_NE(k10.items()[8].label.find("so sad"), std::string::npos);
    // The K6 items are K10 items 2, 4, 5, 9, 8, 10 of this (Australian) order, coded one lower:
    // the K6 total equals the sum of those K10 answers minus 6 (Kessler 2002, 2003).
    const auto& k6 = builtin("k6");
    const std::vector<double> a10 = {5, 2, 4, 3, 1, 5, 2, 4, 3, 2};
    const std::vector<std::size_t> k6_in_k10 = {1, 3, 4, 8, 7, 9};
    std::vector<double> a6;
    double sum = 0;
    for (std::size_t i : k6_in_k10) {
        a6.push_back(a10[i] - 1);
        sum += a10[i];
    }
    EXPECT_EQ(*total_scale_of(score(k6, answers(a6))).value, sum - 6);  // 2+3+1+3+4+2 - 6 = 9
    EXPECT_EQ(sum - 6, 9);
    for (std::size_t j = 0; j < k6_in_k10.size(); ++j) {
        // Both labels name the same content ("nothing could cheer you up" etc.).
        const auto& l6 = k6.items()[j].label;
        const auto content = l6.substr(l6.find('(') + 1, l6.size() - l6.find('(') - 2);
        EXPECT_NE(k10.items()[k6_in_k10[j]].label.find(content), std::string::npos) << content;
    }
}

// ---- K6: Kessler et al. 2003 (0-4 coding, >= 13 serious psychological distress); Prochaska
// et al. 2012 (>= 5 moderate mental distress: 5-12; 0-4 none or low).

TEST(ScoreK6, BandAndCutOffBoundaries) {
    const auto& k = builtin("k6");
    auto r = score(k, answers({1, 1, 1, 1, 0, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 4);  // Prochaska 2012: below 5, none or low
    EXPECT_EQ(total_scale_of(r).band_label, "None or low mental distress");
    EXPECT_TRUE(total_scale_of(r).cut_offs_met.empty());
    r = score(k, answers({1, 1, 1, 1, 1, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 5);  // Prochaska 2012: >= 5 moderate
    EXPECT_EQ(total_scale_of(r).band_label, "Moderate mental distress");
    EXPECT_EQ(total_scale_of(r).cut_offs_met, ids{"moderate_or_serious_distress"});
    r = score(k, answers({2, 2, 2, 2, 2, 2}));
    EXPECT_EQ(*total_scale_of(r).value, 12);
    EXPECT_EQ(total_scale_of(r).band_label, "Moderate mental distress");
    r = score(k, answers({3, 2, 2, 2, 2, 2}));
    EXPECT_EQ(*total_scale_of(r).value, 13);  // Kessler 2003: >= 13 serious psychological distress
    EXPECT_EQ(total_scale_of(r).band_label, "Serious psychological distress");
    EXPECT_EQ(total_scale_of(r).cut_offs_met,
              (ids{"serious_psychological_distress", "moderate_or_serious_distress"}));
    r = score(k, answers({4, 4, 4, 4, 4, 4}));
    EXPECT_EQ(*total_scale_of(r).value, 24);
}

TEST(ScoreK6, MissingAndInvalid) {
    const auto& k = builtin("k6");
    // No published K6 rule (the AMHOCN rule is for the K10): one missing item, not scorable.
    auto r = score(k, answers({4, 4, 4, 4, na, 4}));
    EXPECT_EQ(total_scale_of(r).status, scale_status::too_many_missing);
    EXPECT_FALSE(total_scale_of(r).prorated);
    // A K10-coded 5 is not a K6 answer.
    EXPECT_EQ(problem_paths([&] { (void)score(k, answers({5, 1, 1, 1, 1, 1})); }), ids{"k6_1"});
}

// ---- PSS-10: Cohen, Kamarck & Mermelstein 1983; scoring per the Cohen lab page (items 4, 5,
// 7, 8 reversed 0=4 ... 4=0, then summed, 0-40). No cut-offs; norms Cohen & Williamson 1988.

TEST(ScorePss10, ItemsFourFiveSevenEightAreReversed) {
    const auto& p = builtin("pss10");
    // All 0: the four reversed items score 4 each -> 16.
    auto r = score(p, answers(std::vector<double>(10, 0)));
    EXPECT_EQ(*total_scale_of(r).value, 16);
    // All 4: the six others score 4 each, the reversed ones 0 -> 24.
    r = score(p, answers(std::vector<double>(10, 4)));
    EXPECT_EQ(*total_scale_of(r).value, 24);
    // Items 1, 2, 3, 6, 9, 10 = 1 + 2 + 1 + 1 + 0 + 1 = 6; items 4, 5, 7, 8 answered 3, 3, 2, 4
    // score 1, 1, 2, 0 = 4: total 10.
    r = score(p, answers({1, 2, 1, 3, 3, 1, 2, 4, 0, 1}));
    EXPECT_EQ(*total_scale_of(r).value, 10);
    // Maximum 40: 4 on the stress items, 0 on the positively stated ones.
    r = score(p, answers({4, 4, 4, 0, 0, 4, 0, 0, 4, 4}));
    EXPECT_EQ(*total_scale_of(r).value, 40);
    score_options pre;
    pre.coding = answer_coding::scores;
    r = score(p, answers(std::vector<double>(10, 0)), pre);
    EXPECT_EQ(*total_scale_of(r).value, 0);
}

TEST(ScorePss10, NoBandsOrCutOffsAndCohenWilliamsonNorms) {
    const auto& p = builtin("pss10");
    // Cohen: not a diagnostic instrument, no cut-offs; web bands have no traceable source.
    EXPECT_TRUE(p.total()->band_sets.empty());
    EXPECT_TRUE(p.total()->cut_offs.empty());
    auto r = score(p, answers({2, 2, 2, 2, 2, 2, 2, 2, 2, 2}));
    EXPECT_EQ(*total_scale_of(r).value, 20);
    EXPECT_FALSE(total_scale_of(r).band.has_value());
    EXPECT_TRUE(total_scale_of(r).band_label.empty());
    // Cohen & Williamson 1988 (Harris poll 1983): men 12.1 (5.9) n 926; women 13.7 (6.6) n 1406.
    const auto& ps = p.total()->psychometrics;
    ASSERT_EQ(ps.norms.size(), 2U);
    EXPECT_DOUBLE_EQ(ps.norms[0].mean, 12.1);
    EXPECT_DOUBLE_EQ(ps.norms[0].sd, 5.9);
    EXPECT_EQ(*ps.norms[0].n, 926);
    EXPECT_DOUBLE_EQ(ps.norms[1].mean, 13.7);
    EXPECT_DOUBLE_EQ(ps.norms[1].sd, 6.6);
    EXPECT_EQ(ps.norms[1].population, norm_population::non_clinical);
    EXPECT_DOUBLE_EQ(ps.reliability[0].value, 0.78);
    score_options o;
    o.norm_group = "cohen1988_women";
    EXPECT_EQ(score(p, answers(std::vector<double>(10, 1)), o).norm_group,
              std::optional<std::string>("cohen1988_women"));
}

TEST(ScorePss10, MissingAndInvalid) {
    const auto& p = builtin("pss10");
    auto r = score(p, answers({1, 1, 1, 1, 1, 1, 1, na, 1, 1}));
    EXPECT_EQ(total_scale_of(r).status, scale_status::too_many_missing);
    EXPECT_EQ(problem_paths([&] { (void)score(p, answers({0, 0, 0, 5})); }), ids{"pss10_4"});
}

// ---- PG-13-R: Prigerson et al. 2021: items 3-12 rated 1-5, symptom score 10-50, >= 30 standing
// for the DSM-5-TR symptom criterion; items 1 (loss), 2 (months) and 13 (impairment) are not
// scored but are criteria of probable prolonged grief disorder (PhenX and Blueprint
// reproductions of the scoring instructions; DSM-5-TR criterion A: at least 12 months).

TEST(ScorePg13r, SymptomScoreThreshold30) {
    const auto& g = builtin("pg13r");
    std::vector<double> a = {1, 14, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1};
    auto r = score(g, answers(a));
    EXPECT_EQ(*total_scale_of(r).value, 30);  // Prigerson 2021: >= 30
    EXPECT_EQ(total_scale_of(r).cut_offs_met, ids{"symptom_threshold"});
    a[11] = 2;
    r = score(g, answers(a));
    EXPECT_EQ(*total_scale_of(r).value, 29);
    EXPECT_TRUE(total_scale_of(r).cut_offs_met.empty());
    r = score(g, answers({1, 12, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 10);
    r = score(g, answers({1, 12, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1}));
    EXPECT_EQ(*total_scale_of(r).value, 50);
}

// Issue 15, correction 5: probable_pgd fired on the symptom score alone, even three months
// after a death or with item 1 = no loss. The rule needs all four criteria; a missing gate
// answer leaves it undetermined, never "not met".
TEST(ScorePg13r, ProbablePgdNeedsTheLossTwelveMonthsTheScoreAndImpairment) {
    const auto& g = builtin("pg13r");
    auto outcome = [&](std::vector<answer> a) {
        const auto r = score(g, responses::ordered(std::move(a)));
        const auto* d = r.outcome("probable_pgd");
        EXPECT_NE(d, nullptr);
        return d ? std::string(d->label) : std::string("?");
    };
    const std::vector<answer> met{1, 14, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1};
    EXPECT_EQ(outcome(met), "met");
    auto a = met;
    a[1] = 12;  // "at least 12 months": 12 is enough
    EXPECT_EQ(outcome(a), "met");
    a[1] = 3;  // three months after the death
    EXPECT_EQ(outcome(a), "not met");
    a = met;
    a[0] = 0;  // no loss
    EXPECT_EQ(outcome(a), "not met");
    a = met;
    a[12] = 0;  // no impairment
    EXPECT_EQ(outcome(a), "not met");
    a = met;
    a[11] = 2;  // symptom score 29
    EXPECT_EQ(outcome(a), "not met");
    // Missing gate answers: undetermined, unless another criterion already fails.
    a = met;
    a[1] = answer();
    EXPECT_EQ(outcome(a), "undetermined");
    a[0] = 0;
    EXPECT_EQ(outcome(a), "not met");
    // A missing symptom item: the score is not scored, but the criterion may still be decided
    // (nine items at 4 already sum to 36, whatever the tenth: at least 1).
    a = {1, 14, 4, 4, 4, 4, 4, answer(), 4, 4, 4, 4, 1};
    EXPECT_EQ(outcome(a), "met");
    a = {1, 14, 3, 3, 3, 3, 3, answer(), 3, 3, 3, 3, 1};  // 27 + 1..5: 28-32
    EXPECT_EQ(outcome(a), "undetermined");
    a = {1, 14, 2, 2, 2, 2, 2, answer(), 2, 2, 2, 2, 1};  // 18 + 1..5: at most 23
    EXPECT_EQ(outcome(a), "not met");
}

TEST(ScorePg13r, GateItemsAreNotScored) {
    const auto& g = builtin("pg13r");
    const auto with_gates = score(g, answers({1, 30, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1}));
    const auto without = score(g, answers({0, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0}));
    EXPECT_EQ(*total_scale_of(with_gates).value, *total_scale_of(without).value);
    EXPECT_EQ(total_scale_of(without).cut_offs_met, ids{"symptom_threshold"});
    // The gate items are criteria of probable_pgd, so they count as answered (or missing),
    // but a missing gate item never stops the symptom score; a missing symptom item does.
    EXPECT_EQ(with_gates.answered, 13);
    auto r = score(g, answers({na, na, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, na}));
    EXPECT_EQ(*total_scale_of(r).value, 30);
    EXPECT_EQ(r.missing, 3);
    EXPECT_EQ(r.outcome("probable_pgd")->label, "undetermined");
    r = score(g, answers({1, 14, 3, 3, 3, 3, na, 3, 3, 3, 3, 3, 1}));
    EXPECT_EQ(total_scale_of(r).status, scale_status::too_many_missing);
}

TEST(ScorePg13r, InvalidAnswersAllAtOnce) {
    const auto& g = builtin("pg13r");
    // Loss 2 (yes/no), months -1 and 2.5 (whole months from 0), a symptom rated 0 (1-5).
    EXPECT_EQ(problem_paths([&] {
                  (void)score(g, answers({2, -1, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1}));
              }),
              (ids{"pg13r_1", "pg13r_2", "pg13r_3"}));
    EXPECT_EQ(problem_paths([&] { (void)score(g, answers({1, 2.5})); }), ids{"pg13r_2"});
    EXPECT_EQ(problem_paths([&] {
                  (void)score(g, answers({1, 12, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 1}));
              }),
              ids{"pg13r_12"});
    // Months has no upper bound: a long bereavement is an answer, not an error.
    EXPECT_EQ(*total_scale_of(score(g, answers({1, 480, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1}))).value,
              20);
}

TEST(ScorePg13r, ReliabilityPrigerson2021) {
    const auto& rel = builtin("pg13r").total()->psychometrics.reliability;
    ASSERT_EQ(rel.size(), 3U);
    EXPECT_DOUBLE_EQ(rel[0].value, 0.83);  // Yale
    EXPECT_DOUBLE_EQ(rel[1].value, 0.90);  // Utrecht
    EXPECT_DOUBLE_EQ(rel[2].value, 0.93);  // Oxford
    EXPECT_EQ(*rel[0].n, 270);
}

// ---- WHO-5: Topp et al. 2015: raw 0-25 (five items 0-5), percentage = raw x 4, higher is
// better, all five items required; raw < 13 poor well-being.

TEST(ScoreWho5, RawAndPercentageWithThePoorWellbeingBoundary) {
    const auto& w = builtin("who5");
    EXPECT_EQ(w.direction(), score_direction::higher_is_better);
    auto r = score(w, answers({3, 3, 2, 2, 2}));
    EXPECT_EQ(*total_scale_of(r).value, 12);  // Topp 2015: raw < 13 poor well-being
    EXPECT_EQ(*scale_of(r, "percentage").value, 48);
    EXPECT_EQ(total_scale_of(r).cut_offs_met, ids{"poor_wellbeing"});
    r = score(w, answers({3, 3, 3, 2, 2}));
    EXPECT_EQ(*total_scale_of(r).value, 13);
    EXPECT_EQ(*scale_of(r, "percentage").value, 52);
    EXPECT_TRUE(total_scale_of(r).cut_offs_met.empty());
    r = score(w, answers({5, 5, 5, 5, 5}));
    EXPECT_EQ(*total_scale_of(r).value, 25);
    EXPECT_EQ(*scale_of(r, "percentage").value, 100);
    r = score(w, answers({0, 0, 0, 0, 0}));
    EXPECT_EQ(*total_scale_of(r).value, 0);
    EXPECT_EQ(*scale_of(r, "percentage").value, 0);
    EXPECT_EQ(total_scale_of(r).cut_offs_met, ids{"poor_wellbeing"});
}

TEST(ScoreWho5, AllFiveItemsRequired) {
    const auto& w = builtin("who5");
    const auto r = score(w, answers({5, 5, 5, 5, na}));
    EXPECT_EQ(total_scale_of(r).status, scale_status::too_many_missing);
    EXPECT_EQ(scale_of(r, "percentage").status, scale_status::too_many_missing);
    EXPECT_TRUE(total_scale_of(r).cut_offs_met.empty());
    EXPECT_EQ(problem_paths([&] { (void)score(w, answers({6, 0, 0, 0, 0})); }), ids{"who5_1"});
    EXPECT_EQ(problem_paths([&] { (void)score(w, answers({0, 0, 0, 0, -1})); }), ids{"who5_5"});
}

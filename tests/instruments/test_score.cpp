// SPDX-License-Identifier: Apache-2.0
// score(): hand-computed cases from each exemplar's published rules (the source is named beside
// the expected values), invalid answers, critical-item flags, missing data, options.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/detail/check.hpp>

#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;
using test::answers;
using test::builtin;
using test::na;
using test::problem_paths;

namespace {

using theracore::test::scale_of;

using theracore::test::outcome_of;

bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

// ---- PHQ-9: Kroenke, Spitzer & Williams 2001 (bands 0-4/5-9/10-14/15-19/20-27, >= 10,
// item 9 > 0 flag, diagnostic algorithm); PHQ-2 cut-offs Kroenke 2003 (>= 3), Arroll 2010 (>= 2).

TEST(ScorePhq9, BandBoundariesKroenke2001) {
    const auto& phq = builtin("phq9");
    auto r = score(phq, answers({1, 1, 1, 1, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 4);  // Kroenke 2001: 0-4 none-minimal
    EXPECT_EQ(scale_of(r, "total").band_label, "None-minimal");
    r = score(phq, answers({1, 1, 1, 1, 1, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 5);  // Kroenke 2001: 5-9 mild
    EXPECT_EQ(scale_of(r, "total").band_label, "Mild");
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
    r = score(phq, answers({2, 2, 2, 1, 1, 1, 0, 0, 1}));
    EXPECT_EQ(*scale_of(r, "total").value, 10);  // Kroenke 2001: 10-14 moderate, >= 10 cut-off
    EXPECT_EQ(*scale_of(r, "total").band, 2);
    EXPECT_EQ(scale_of(r, "total").band_label, "Moderate");
    EXPECT_EQ(scale_of(r, "total").cut_offs_met,
              std::vector<std::string>{"probable_major_depression"});
    r = score(phq, answers({3, 3, 3, 3, 3, 1, 1, 1, 2}));
    EXPECT_EQ(*scale_of(r, "total").value, 20);  // Kroenke 2001: 20-27 severe
    EXPECT_EQ(scale_of(r, "total").band_label, "Severe");
    EXPECT_EQ(r.provenance.instrument, "phq9");
    EXPECT_EQ(r.provenance.instrument_version, "1.0");
    EXPECT_EQ(r.provenance.library_version, std::string(theracore::version_string));
}

TEST(ScorePhq9, Phq2SubscaleAndAlternativeCutOffs) {
    const auto& phq = builtin("phq9");
    // PHQ-2 = items 1 + 2. Kroenke 2003: >= 3 positive; Arroll 2010: >= 2 (more sensitive).
    auto r = score(phq, answers({1, 1, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "phq2").value, 2);
    EXPECT_EQ(scale_of(r, "phq2").cut_offs_met,
              std::vector<std::string>{"phq2_positive_sensitive"});
    r = score(phq, answers({2, 1, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "phq2").value, 3);
    EXPECT_TRUE(has(scale_of(r, "phq2").cut_offs_met, "phq2_positive"));
    EXPECT_TRUE(has(scale_of(r, "phq2").cut_offs_met, "phq2_positive_sensitive"));
}

TEST(ScorePhq9, Item9FlagFiresWhateverTheTotal) {
    const auto& phq = builtin("phq9");
    // Kroenke 2001 item 9; any positive answer warrants a risk review.
    auto r = score(phq, answers({0, 0, 0, 0, 0, 0, 0, 0, 1}));
    EXPECT_EQ(*scale_of(r, "total").value, 1);
    ASSERT_EQ(r.flags.size(), 1U);
    EXPECT_EQ(r.flags[0].id, "item9_self_harm");
    EXPECT_EQ(r.flags[0].severity, flag_severity::urgent);
    // Raised even when the total is not scorable (item 4 missing, no published rule).
    r = score(phq, answers({0, 0, 0, na, 0, 0, 0, 0, 2}));
    EXPECT_FALSE(scale_of(r, "total").value.has_value());
    EXPECT_TRUE(r.flagged("item9_self_harm"));
    r = score(phq, answers({3, 3, 3, 3, 3, 3, 3, 3, 0}));
    EXPECT_FALSE(r.flagged("item9_self_harm"));
    EXPECT_TRUE(r.flags_not_evaluated.empty());
    // Item 9 unanswered: the flag can neither fire nor be ruled out, and says so.
    r = score(phq, answers({0, 0, 0, 0, 0, 0, 0, 0, na}));
    EXPECT_TRUE(r.flags.empty());
    EXPECT_EQ(r.flags_not_evaluated, std::vector<std::string>{"item9_self_harm"});
}

TEST(ScorePhq9, MissingItemMakesTotalNotScorableNotZero) {
    const auto& phq = builtin("phq9");
    // No published missing-data rule: not scorable, with the reason and the counts.
    auto r = score(phq, answers({1, 2, 1, na, 0, 0, 0, 0, 0}));
    const auto& total = scale_of(r, "total");
    EXPECT_FALSE(total.value.has_value());
    EXPECT_EQ(total.status, scale_status::too_many_missing);
    EXPECT_NE(total.reason.find("1 of 9 items missing"), std::string::npos) << total.reason;
    EXPECT_EQ(total.answered, 8);
    EXPECT_EQ(total.missing, 1);
    EXPECT_FALSE(total.band.has_value());
    EXPECT_EQ(*scale_of(r, "phq2").value, 3);  // items 1 and 2 are there
    EXPECT_EQ(r.answered, 8);
    EXPECT_EQ(r.missing, 1);
    // Every answer missing: nothing is scored (BioPsyKit issue 48 scores 0).
    r = score(phq, responses{});
    EXPECT_EQ(scale_of(r, "total").status, scale_status::nothing_answered);
    EXPECT_EQ(r.answered, 0);
    EXPECT_EQ(r.missing, 9);  // item 10 is not scored, so not counted
}

TEST(ScorePhq9, DiagnosticAlgorithmKroenke2001) {
    const auto& phq = builtin("phq9");
    // Items 1-8 count at >= 2, item 9 at >= 1; a core item (1 or 2) at >= 2 is needed.
    // 3 symptoms at >= 2 plus item 9 = 4: other depressive syndrome (2-4), not major (>= 5).
    auto r = score(phq, answers({2, 2, 2, 1, 1, 1, 0, 0, 1}));
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 0);
    EXPECT_EQ(outcome_of(r, "other_depressive_syndrome").level, 1);
    EXPECT_EQ(outcome_of(r, "other_depressive_syndrome").label, "met");
    // 5 symptoms with a core item: major.
    r = score(phq, answers({2, 0, 2, 2, 2, 0, 0, 0, 1}));
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 1);
    EXPECT_EQ(outcome_of(r, "other_depressive_syndrome").level, 0);
    // 5 symptoms but no core item: neither.
    r = score(phq, answers({1, 1, 2, 2, 2, 2, 2, 0, 0}));
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 0);
    EXPECT_EQ(outcome_of(r, "other_depressive_syndrome").level, 0);
    EXPECT_TRUE(outcome_of(r, "major_depressive_syndrome").determined);
    // With item 5 missing the answered items already show 5 symptoms: major is determined.
    r = score(phq, answers({2, 2, 2, 2, na, 0, 0, 0, 2}));
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 1);
    EXPECT_TRUE(outcome_of(r, "major_depressive_syndrome").determined);
    EXPECT_TRUE(outcome_of(r, "other_depressive_syndrome").determined);
    // With 4 symptoms and item 5 missing, item 5 decides: undetermined, and said so.
    r = score(phq, answers({2, 2, 2, 0, na, 0, 0, 0, 1}));
    EXPECT_FALSE(outcome_of(r, "major_depressive_syndrome").determined);
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").label, "undetermined");
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 0);
}

TEST(ScorePcl5, MissingItemsThatCouldMeetTheDsm5RuleAreUndeterminedNotNegative) {
    // DSM-5 rule (Weathers et al. 2013, NCPTSD scoring: an item rated >= 2 is a symptom; B >= 1
    // of items 1-5, C >= 1 of 6-7, D >= 2 of 8-14, E >= 2 of 15-20). B, C and D are met and E
    // has one symptom with items 16-20 missing: any of them could meet E.
    const auto& pcl = builtin("pcl5");
    std::vector<double> a(20, 0);
    a[0] = 2;   // B
    a[5] = 3;   // C
    a[7] = 2;   // D
    a[8] = 4;   // D
    a[14] = 2;  // E
    for (std::size_t i = 15; i < 20; ++i) {
        a[i] = na;
    }
    const auto r = score(pcl, answers(a));
    const auto& o = outcome_of(r, "provisional_ptsd");
    EXPECT_FALSE(o.determined);
    EXPECT_EQ(o.label, "undetermined");
    const auto batch = score_batch(pcl, batch_view::row_major(a.data(), 1, a.size()));
    EXPECT_EQ(batch.derived[0].level[0], -1);  // missing, not 0 ("not met")
    EXPECT_EQ(batch.derived[0].reached[0], 0);
    EXPECT_EQ(batch.derived[0].determined[0], 0);
    // A second E symptom decides it: met.
    a[15] = 2;
    EXPECT_EQ(outcome_of(score(pcl, answers(a)), "provisional_ptsd").label, "met");
    // No E symptom possible among the answered and none missing: not met, determined.
    std::fill(a.begin() + 15, a.end(), 0);
    const auto neg = score(pcl, answers(a));
    EXPECT_EQ(outcome_of(neg, "provisional_ptsd").label, "not met");
    EXPECT_TRUE(outcome_of(neg, "provisional_ptsd").determined);
}

TEST(ScorePhq9, UnscoredItem10IsAcceptedButNotCounted) {
    const auto& phq = builtin("phq9");
    auto r = score(phq, answers({1, 1, 1, 1, 1, 0, 0, 0, 0, 3}));
    EXPECT_EQ(*scale_of(r, "total").value, 5);
    EXPECT_EQ(r.answered, 9);
    EXPECT_EQ(problem_paths([&] {
                  (void)score(phq, answers({1, 1, 1, 1, 1, 0, 0, 0, 0, 4}));
              }),
              std::vector<std::string>{"phq9_10"});
}

TEST(ScorePhq9, InvalidAnswersAreAllReportedWithTheirItemIds) {
    const auto& phq = builtin("phq9");
    // A 4 on a 0-3 item, a fraction, text, infinity, an unknown item: all at once.
    responses r;
    r.by_item = {{"phq9_3", answer(4)},
                 {"phq9_5", answer(1.5)},
                 {"phq9_6", answer(std::string("two"))},
                 {"phq9_7", answer(std::numeric_limits<double>::infinity())},
                 {"phq9_11", answer(1)}};
    try {
        (void)score(phq, r);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 5U) << e.what();
        EXPECT_EQ(e.problems()[0].path, "phq9_11");
        EXPECT_EQ(e.problems()[0].message, "unknown item of phq9");
        EXPECT_EQ(e.problems()[1].path, "phq9_3");
        EXPECT_EQ(e.problems()[1].message, "4 is not an allowed answer (allowed: 0, 1, 2, 3)");
        EXPECT_EQ(e.problems()[2].path, "phq9_5");
        EXPECT_EQ(e.problems()[3].path, "phq9_6");
        EXPECT_EQ(e.problems()[3].message, "not a number: \"two\"");
        EXPECT_EQ(e.problems()[4].path, "phq9_7");
        EXPECT_EQ(e.problems()[4].message, "not a finite number");
    }
    EXPECT_EQ(problem_paths([&] {
                  (void)score(phq, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
              }),
              std::vector<std::string>{"form_order[10]"});
    EXPECT_EQ(problem_paths([&] {
                  (void)score(phq, answers({0, 0, 7}));
              }),
              std::vector<std::string>{"phq9_3"});
    EXPECT_EQ(problem_paths([&] { (void)score(phq, answers({-1})); }),
              std::vector<std::string>{"phq9_1"});
    responses both = answers({1});
    both.by_item["phq9_2"] = answer(1);
    EXPECT_EQ(problem_paths([&] { (void)score(phq, both); }),
              std::vector<std::string>{"responses"});
}

// ---- GAD-7: Spitzer et al. 2006 (bands 0-4/5-9/10-14/15-21, >= 10); GAD-2 Kroenke 2007 (>= 3).

TEST(ScoreGad7, BandsAndCutOffsSpitzer2006) {
    const auto& gad = builtin("gad7");
    auto r = score(gad, answers({1, 1, 1, 1, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 4);  // Spitzer 2006: 0-4 minimal
    EXPECT_EQ(scale_of(r, "total").band_label, "Minimal");
    r = score(gad, answers({2, 2, 2, 2, 1, 1, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 10);  // 10-14 moderate; >= 10 probable GAD
    EXPECT_EQ(scale_of(r, "total").band_label, "Moderate");
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, std::vector<std::string>{"probable_gad"});
    EXPECT_EQ(*scale_of(r, "gad2").value, 4);  // Kroenke 2007: GAD-2 >= 3 positive
    EXPECT_EQ(scale_of(r, "gad2").cut_offs_met, std::vector<std::string>{"gad2_positive"});
    r = score(gad, answers({3, 3, 3, 2, 2, 1, 1}));
    EXPECT_EQ(*scale_of(r, "total").value, 15);  // 15-21 severe
    EXPECT_EQ(scale_of(r, "total").band_label, "Severe");
    EXPECT_TRUE(r.flags.empty());
}

TEST(ScoreGad7, MissingAndInvalid) {
    const auto& gad = builtin("gad7");
    auto r = score(gad, answers({1, 1, 1, 1, 1, 1, na}));
    EXPECT_FALSE(scale_of(r, "total").value.has_value());
    EXPECT_EQ(*scale_of(r, "gad2").value, 2);
    EXPECT_EQ(problem_paths([&] {
                  (void)score(gad, answers({0, 0, 0, 0, 0, 0, 3.5}));
              }),
              std::vector<std::string>{"gad7_7"});
}

// ---- CORE-10: Barkham et al. 2013; CORE System Trust proration (exactly one missing ->
// 10 x mean of nine); items 2 and 3 reverse keyed; item 6 risk flag; clinical cut-off 11.

TEST(ScoreCore10, ReverseKeyedItems2And3) {
    const auto& core = builtin("core10");
    // Every answer in the first column (0): items 2 and 3 score 4 - 0 = 4, so the total is 8.
    auto r = score(core, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 8);
    EXPECT_EQ(scale_of(r, "total").band_label, "Healthy or low level (non-clinical)");
    // Every answer in the last column (4): items 2 and 3 score 0: 8 x 4 = 32.
    r = score(core, answers({4, 4, 4, 4, 4, 4, 4, 4, 4, 4}));
    EXPECT_EQ(*scale_of(r, "total").value, 32);
    EXPECT_EQ(scale_of(r, "total").band_label, "Severe");
    // Pre-scored data (as CamCOPS stores items 2-3): no second reversal.
    score_options pre;
    pre.coding = answer_coding::scores;
    r = score(core, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), pre);
    EXPECT_EQ(*scale_of(r, "total").value, 0);
    EXPECT_TRUE(r.reverse_keying_applied);
}

TEST(ScoreCore10, ClinicalCutOffBoundaryBarkham2013) {
    const auto& core = builtin("core10");
    // Items 1,4-10 sum to 9; items 2 and 3 answered 3 score 1 each: total 11 = mild, clinical.
    auto r = score(core, answers({2, 3, 3, 1, 1, 0, 2, 1, 1, 1}));
    EXPECT_EQ(*scale_of(r, "total").value, 11);
    EXPECT_EQ(scale_of(r, "total").band_label, "Mild");
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, std::vector<std::string>{"clinical"});
    r = score(core, answers({1, 3, 3, 1, 1, 0, 2, 1, 1, 1}));
    EXPECT_EQ(*scale_of(r, "total").value, 10);
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
}

TEST(ScoreCore10, ProratesExactlyOneMissingItem) {
    const auto& core = builtin("core10");
    // Item 5 missing; the nine answered items score 10: 10 x 10 / 9 = 11.11 (CST rule), not
    // rounded, banded by lower bound: >= 11 is mild and clinical.
    auto r = score(core, answers({2, 3, 3, 1, na, 0, 2, 1, 1, 1}));
    const auto& total = scale_of(r, "total");
    ASSERT_TRUE(total.value.has_value());
    EXPECT_DOUBLE_EQ(*total.value, 100.0 / 9.0);
    EXPECT_TRUE(total.prorated);
    EXPECT_FALSE(total.nonstandard_rule);
    EXPECT_EQ(total.band_label, "Mild");
    EXPECT_EQ(total.cut_offs_met, std::vector<std::string>{"clinical"});
    EXPECT_TRUE(r.prorated);
    // Two missing: not scorable.
    r = score(core, answers({2, 3, 3, 1, na, na, 2, 1, 1, 1}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    EXPECT_NE(scale_of(r, "total").reason.find("at most 1 allowed"), std::string::npos);
}

TEST(ScoreCore10, Item6RiskFlag) {
    const auto& core = builtin("core10");
    auto r = score(core, answers({0, 4, 4, 0, 0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 1);
    EXPECT_TRUE(r.flagged("item6_risk"));
    // Item 6 is the one missing item: the total is prorated, and the risk item is reported as
    // not evaluated rather than silently clear.
    r = score(core, answers({0, 4, 4, 0, 0, na, 0, 0, 0, 0}));
    EXPECT_TRUE(scale_of(r, "total").prorated);
    EXPECT_FALSE(r.flagged("item6_risk"));
    EXPECT_EQ(r.flags_not_evaluated, std::vector<std::string>{"item6_risk"});
    EXPECT_EQ(problem_paths([&] {
                  (void)score(core, answers({0, 5}));
              }),
              std::vector<std::string>{"core10_2"});
}

// ---- DASS-21: Lovibond & Lovibond 1995; subscale sums x 2, bands on doubled scores.

TEST(ScoreDass21, DoubledSubscalesAndBands) {
    const auto& dass = builtin("dass21");
    EXPECT_EQ(dass.total(), nullptr);
    // Every item 1: raw 7 per subscale, x 2 = 14. Lovibond 1995: depression 14-20 moderate,
    // anxiety 10-14 moderate, stress 0-14 normal.
    auto r = score(dass, answers(std::vector<double>(21, 1)));
    EXPECT_EQ(*scale_of(r, "depression").value, 14);
    EXPECT_EQ(scale_of(r, "depression").band_label, "Moderate");
    EXPECT_EQ(*scale_of(r, "anxiety").value, 14);
    EXPECT_EQ(scale_of(r, "anxiety").band_label, "Moderate");
    EXPECT_EQ(*scale_of(r, "stress").value, 14);
    EXPECT_EQ(scale_of(r, "stress").band_label, "Normal");
    // Depression items 3, 5, 10, 13, 16 at 1 (raw 5 -> 10: mild); stress item 1 at 3 (6: normal).
    std::vector<double> a(21, 0);
    for (int i : {3, 5, 10, 13, 16}) {
        a[static_cast<std::size_t>(i - 1)] = 1;
    }
    a[0] = 3;
    r = score(dass, answers(a));
    EXPECT_EQ(*scale_of(r, "depression").value, 10);
    EXPECT_EQ(scale_of(r, "depression").band_label, "Mild");
    EXPECT_EQ(*scale_of(r, "anxiety").value, 0);
    EXPECT_EQ(*scale_of(r, "stress").value, 6);
    r = score(dass, answers(std::vector<double>(21, 3)));
    EXPECT_EQ(*scale_of(r, "stress").value, 42);
    EXPECT_EQ(scale_of(r, "stress").band_label, "Extremely severe");
}

TEST(ScoreDass21, OneMissingItemOnlyAffectsItsSubscale) {
    const auto& dass = builtin("dass21");
    std::vector<double> a(21, 1);
    a[20] = na;  // item 21: depression
    auto r = score(dass, answers(a));
    EXPECT_EQ(scale_of(r, "depression").status, scale_status::too_many_missing);
    EXPECT_EQ(*scale_of(r, "anxiety").value, 14);
    EXPECT_EQ(*scale_of(r, "stress").value, 14);
    EXPECT_EQ(problem_paths([&] {
                  (void)score(dass, answers({0, 0, 0, 4}));
              }),
              std::vector<std::string>{"dass21_4"});
}

// ---- AUDIT: Babor et al. 2001 (WHO): skip logic, items 9-10 only 0/2/4, zones 0-7/8-15/16-19/
// 20-40, >= 8 hazardous or harmful.

TEST(ScoreAudit, SkipLogicScoresSkippedItemsZero) {
    const auto& audit = builtin("audit");
    // Item 1 "never": items 2-8 are not asked and score 0; items 9 and 10 are still asked.
    auto r = score(audit, answers({0, na, na, na, na, na, na, na, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 0);
    EXPECT_EQ(scale_of(r, "total").band_label, "Zone I: alcohol education");
    EXPECT_EQ(r.answered, 3);
    EXPECT_EQ(r.missing, 0);
    r = score(audit, answers({0, na, na, na, na, na, na, na, 2, 4}));
    EXPECT_EQ(*scale_of(r, "total").value, 6);
    EXPECT_EQ(*scale_of(r, "harm").value, 6);
    EXPECT_TRUE(r.flagged("next_higher_zone"));  // item 10 = 4
    // Items 2 + 3 = 0: items 4-8 are not asked.
    r = score(audit, answers({2, 0, 0, na, na, na, na, na, 0, 2}));
    EXPECT_EQ(*scale_of(r, "total").value, 4);
    EXPECT_EQ(*scale_of(r, "dependence").value, 0);
    // A form that records the skipped items as 0 is consistent.
    r = score(audit, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 0);
    EXPECT_EQ(r.answered, 10);
    // Items 9 and 10 missing: not scorable.
    r = score(audit, answers({0, na, na, na, na, na, na, na, na, na}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
}

TEST(ScoreAudit, ZonesAndCutOffBabor2001) {
    const auto& audit = builtin("audit");
    auto r = score(audit, answers({2, 1, 1, 1, 1, 0, 0, 0, 2, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 8);  // Babor 2001: 8-15 zone II; >= 8 hazardous
    EXPECT_EQ(scale_of(r, "total").band_label, "Zone II: simple advice");
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, std::vector<std::string>{"hazardous_or_harmful"});
    EXPECT_FALSE(r.flagged("next_higher_zone"));
    r = score(audit, answers({4, 4, 4, 1, 1, 1, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 15);
    EXPECT_EQ(*scale_of(r, "total").band, 1);
    r = score(audit, answers({4, 4, 4, 1, 1, 1, 1, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 16);  // 16-19 zone III
    EXPECT_EQ(*scale_of(r, "total").band, 2);
    r = score(audit, answers({4, 4, 4, 4, 4, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 20);  // 20-40 zone IV
    EXPECT_EQ(*scale_of(r, "total").band, 3);
    EXPECT_EQ(*scale_of(r, "consumption").value, 12);
    EXPECT_EQ(*scale_of(r, "dependence").value, 8);
    EXPECT_TRUE(r.flagged("next_higher_zone"));  // item 4 >= 2
}

TEST(ScoreAudit, Items9And10AllowOnly024) {
    const auto& audit = builtin("audit");
    for (double bad : {1.0, 3.0, 5.0}) {
        try {
            (void)score(audit, answers({1, 1, 1, 0, 0, 0, 0, 0, bad, 0}));
            FAIL() << bad;
        } catch (const validation_error& e) {
            ASSERT_EQ(e.problems().size(), 1U);
            EXPECT_EQ(e.problems()[0].path, "audit_9");
            EXPECT_EQ(e.problems()[0].message, instruments::detail::num(bad) +
                                                   " is not an allowed answer (allowed: 0, 2, 4)");
        }
    }
    // An answer to an item the skip logic does not ask, contradicting item 1 = "never".
    try {
        (void)score(audit, answers({0, 3, na, na, na, na, na, na, 0, 0}));
        FAIL();
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1U);
        EXPECT_EQ(e.problems()[0].path, "audit_2");
        EXPECT_NE(e.problems()[0].message.find("never_drinks"), std::string::npos);
    }
}

// ---- C-SSRS screener: Posner et al. 2011; triage (Columbia Lighthouse Project 2021 version):
// Q1/Q2 low, Q3 moderate, Q4/Q5 high, Q6 lifetime moderate, Q6 within 3 months high.

TEST(ScoreCssrs, TriageLevels) {
    const auto& c = builtin("cssrs_screener");
    EXPECT_EQ(c.total(), nullptr);
    auto r = score(c, answers({0, 0, na, na, na, 0, na}));
    EXPECT_EQ(outcome_of(r, "risk_level").label, "none");
    EXPECT_TRUE(outcome_of(r, "risk_level").determined);
    EXPECT_TRUE(r.flags.empty());
    EXPECT_TRUE(r.flags_not_evaluated.empty());
    r = score(c, answers({1, 0, na, na, na, 0, na}));
    EXPECT_EQ(outcome_of(r, "risk_level").label, "low");
    r = score(c, answers({1, 1, 1, 0, 0, 1, 0}));
    EXPECT_EQ(outcome_of(r, "risk_level").label, "moderate");
    EXPECT_TRUE(r.flags.empty());
    r = score(c, answers({0, 0, na, na, na, 1, 0}));  // behaviour more than 3 months ago
    EXPECT_EQ(outcome_of(r, "risk_level").label, "moderate");
}

TEST(ScoreCssrs, HighRiskRaisesTheImmediateFlag) {
    const auto& c = builtin("cssrs_screener");
    auto r = score(c, answers({1, 1, 0, 1, 0, 0, na}));
    EXPECT_EQ(outcome_of(r, "risk_level").label, "high");
    ASSERT_EQ(r.flags.size(), 1U);
    EXPECT_EQ(r.flags[0].severity, flag_severity::immediate);
    r = score(c, answers({0, 0, na, na, na, 1, 1}));  // behaviour within 3 months
    EXPECT_EQ(outcome_of(r, "risk_level").label, "high");
    EXPECT_TRUE(r.flagged("immediate_safety"));
}

TEST(ScoreCssrs, MissingAnswersLeaveTheTriageUndetermined) {
    const auto& c = builtin("cssrs_screener");
    // Q2 yes but Q3-Q5 unanswered: at least low, possibly high; the flag cannot be ruled out.
    // Undetermined is said so (not "low"); the level reached, low, is kept as a lower bound.
    auto r = score(c, answers({1, 1, na, na, na, 0, na}));
    EXPECT_EQ(outcome_of(r, "risk_level").label, "undetermined");
    EXPECT_EQ(outcome_of(r, "risk_level").level, 1);  // "low"
    EXPECT_FALSE(outcome_of(r, "risk_level").determined);
    EXPECT_EQ(r.flags_not_evaluated, std::vector<std::string>{"immediate_safety"});
    EXPECT_EQ(problem_paths([&] { (void)score(c, answers({2})); }),
              std::vector<std::string>{"cssrs_screener_1"});
    // Q2 "no" skips Q3-Q5: a "yes" there contradicts it.
    EXPECT_EQ(problem_paths([&] {
                  (void)score(c, answers({1, 0, 1, na, na, 0}));
              }),
              std::vector<std::string>{"cssrs_screener_3"});
}

// ---- EPDS: Cox, Holden & Sagovsky 1987: items 3, 5-10 reverse keyed (3 - option position),
// >= 10 possible and >= 13 probable depression; item 10 > 0 (scored) flag.

TEST(ScoreEpds, ReverseKeyingAndCutOffsCox1987) {
    const auto& e = builtin("epds");
    // All first options: items 1, 2, 4 score 0, the seven reversed items score 3: 21.
    auto r = score(e, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(*scale_of(r, "total").value, 21);
    EXPECT_EQ(scale_of(r, "total").cut_offs_met,
              (std::vector<std::string>{"possible_depression", "probable_depression"}));
    // All fourth options: items 1, 2, 4 score 3, reversed items 0: 9, below both cut-offs.
    r = score(e, answers({3, 3, 3, 3, 3, 3, 3, 3, 3, 3}));
    EXPECT_EQ(*scale_of(r, "total").value, 9);
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
    // Item 3 third option scores 1: total 10 = possible, not probable. EPDS-3A (items 3-5): 1+3+0.
    r = score(e, answers({3, 3, 2, 3, 3, 3, 3, 3, 3, 3}));
    EXPECT_EQ(*scale_of(r, "total").value, 10);
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, std::vector<std::string>{"possible_depression"});
    EXPECT_EQ(*scale_of(r, "epds3a").value, 4);
}

TEST(ScoreEpds, Item10FlagTestsTheScoredValueNotTheOptionPosition) {
    const auto& e = builtin("epds");
    // Fourth option on item 10 ("never") scores 0: no flag.
    auto r = score(e, answers({3, 3, 3, 3, 3, 3, 3, 3, 3, 3}));
    EXPECT_FALSE(r.flagged("item10_self_harm"));
    // First option ("yes, quite often") scores 3: immediate flag.
    r = score(e, answers({3, 3, 3, 3, 3, 3, 3, 3, 3, 0}));
    EXPECT_TRUE(r.flagged("item10_self_harm"));
    EXPECT_EQ(r.flags[0].severity, flag_severity::immediate);
    // Third option scores 1: still > 0.
    r = score(e, answers({3, 3, 3, 3, 3, 3, 3, 3, 3, 2}));
    EXPECT_TRUE(r.flagged("item10_self_harm"));
    // Pre-scored data: a 3 on item 10 is a scored 3.
    score_options pre;
    pre.coding = answer_coding::scores;
    r = score(e, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 3}), pre);
    EXPECT_TRUE(r.flagged("item10_self_harm"));
    EXPECT_EQ(*scale_of(r, "total").value, 3);
    // Missing item 10: no total, and the flag is reported as not evaluated.
    r = score(e, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, na}));
    EXPECT_FALSE(scale_of(r, "total").value.has_value());
    EXPECT_EQ(r.flags_not_evaluated, std::vector<std::string>{"item10_self_harm"});
    EXPECT_EQ(problem_paths([&] {
                  (void)score(e, answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 4}));
              }),
              std::vector<std::string>{"epds_10"});
}

// ---- Engine behaviour on the toy fixture (tests/support/instruments_builders.hpp).

TEST(ScoreEngine, NotApplicableItemsLeaveTheirScales) {
    const auto toy = test::toy();
    // Item 4 answered 9 = not applicable: the total is items 1-3 (item 3 reversed: 3 - 0 = 3).
    auto r = score(toy, answers({1, 1, 0, 9}));
    EXPECT_EQ(*scale_of(r, "total").value, 5);
    EXPECT_EQ(scale_of(r, "total").not_applicable, 1);
    EXPECT_EQ(scale_of(r, "total").missing, 0);
    EXPECT_FALSE(scale_of(r, "total").prorated);
}

TEST(ScoreEngine, ProratingRoundsAndNonStandardPoliciesAreLabelled) {
    const auto toy = test::toy();
    // Subscale: one of two missing, prorated: 3 x 2 / 1 = 6 (rule rounds half up).
    auto r = score(toy, answers({3, na, 0, 0}));
    EXPECT_EQ(*scale_of(r, "sub").value, 6);
    EXPECT_TRUE(scale_of(r, "sub").prorated);
    EXPECT_FALSE(scale_of(r, "sub").nonstandard_rule);
    // A caller's policy for the total (2 of 4 may be missing, half-even rounding): labelled.
    score_options o;
    o.missing_rules["total"] = missing_rule{2,
                                            {},
                                            prorate_method::mean_of_answered,
                                            rounding_rule::half_even,
                                            false,
                                            "Library policy for the test"};
    r = score(toy, answers({1, na, na, 2}), o);
    // (1 + 2) x 4 / 2 = 6.
    EXPECT_EQ(*scale_of(r, "total").value, 6);
    EXPECT_TRUE(scale_of(r, "total").nonstandard_rule);
    // Answers 0, 1, 0 (item 3 reversed: 3) over 3 of 4: (0 + 1 + 3) x 4 / 3 = 5.33 -> 5.
    r = score(toy, answers({0, 1, 0, na}), o);
    EXPECT_EQ(*scale_of(r, "total").value, 5);
    EXPECT_EQ(problem_paths([&] {
                  score_options bad;
                  bad.missing_rules["nope"] = missing_rule{};
                  (void)score(toy, answers({0}), bad);
              }),
              std::vector<std::string>{"missing_rules.nope"});
}

TEST(ScoreEngine, AlternativeBandSetsAndNormGroupsAreChosenByOptions) {
    const auto toy = test::toy();
    score_options o;
    o.band_sets["total"] = "alt";
    auto r = score(toy, answers({2, 2, 3, 0}), o);  // 2 + 2 + 0 + 0 = 4
    EXPECT_EQ(scale_of(r, "total").band_set, "alt");
    EXPECT_EQ(scale_of(r, "total").band_label, "low");
    r = score(toy, answers({2, 2, 3, 0}));
    EXPECT_EQ(scale_of(r, "total").band_set, "main");
    EXPECT_EQ(scale_of(r, "total").band_label, "medium");
    o.band_sets["total"] = "missing_set";
    EXPECT_EQ(problem_paths([&] { (void)score(toy, answers({0}), o); }),
              std::vector<std::string>{"band_sets.total"});
    score_options n;
    n.norm_group = "general_population";
    const auto& core = builtin("core10");
    r = score(core, answers({0, 4, 4, 0, 0, 0, 0, 0, 0, 0}), n);
    EXPECT_EQ(r.norm_group, std::optional<std::string>("general_population"));
    n.norm_group = "martians";
    EXPECT_EQ(problem_paths([&] { (void)score(core, answers({0}), n); }),
              std::vector<std::string>{"norm_group"});
}

TEST(ScoreEngine, DefaultConstructedInstrumentThrows) {
    EXPECT_THROW((void)score(instrument{}, responses{}), validation_error);
}

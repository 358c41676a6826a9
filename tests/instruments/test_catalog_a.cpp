// SPDX-License-Identifier: Apache-2.0
// Built-in catalog, part A: PHQ-8, PHQ-2, PHQ-4, PHQ-15, GAD-2, PCL-5, PC-PTSD-5,
// WSAS. Hand-computed cases from each instrument's published rules (the source is named beside
// the expected values), not-applicable codes, the trauma gate, invalid answers, flags, LOINC
// codes and licences, and a JSON round trip per definition. Batch-vs-score equivalence is
// covered for every catalog id by BatchProperty (test_batch.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/instruments/detail/check.hpp>
#include <theracore/io/json.hpp>

#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;
using test::answers;
using test::builtin;
using test::na;
using test::problem_paths;

namespace {

const std::vector<std::string> part_a = {"phq8", "phq2", "phq4",    "phq15",
                                         "gad2", "pcl5", "pcptsd5", "wsas"};

using theracore::test::scale_of;

using theracore::test::outcome_of;

double total_of(const score_result& r) {
    const auto& t = scale_of(r, "total");
    if (!t.value) {
        throw std::runtime_error("total not scored: " + t.reason);
    }
    return *t.value;
}

using ids = std::vector<std::string>;

/// `n` answers of `v`.
std::vector<double> all(std::size_t n, double v) {
    return std::vector<double>(n, v);
}

/// The single validation problem `f` throws, as "path: message".
template <class F>
std::string only_problem(F&& f) {
    try {
        f();
    } catch (const validation_error& e) {
        if (e.problems().size() != 1) {
            return "<" + std::to_string(e.problems().size()) + " problems> " + e.what();
        }
        return e.problems()[0].path + ": " + e.problems()[0].message;
    }
    return "<no throw>";
}

}  // namespace

// ---- The catalog part as a whole.

TEST(CatalogA, EveryInstrumentIsBuiltInWithItsLicence) {
    const auto& cat = builtin_catalog();
    for (const auto& id : part_a) {
        ASSERT_NE(cat.find(id), nullptr) << id;
    }
    // Reference section 1: the PHQ/GAD family is free with attribution (Pfizer) and may ship
    // texts; PCL-5 is a US Government work; PC-PTSD-5 terms are unconfirmed and WSAS is
    // copyright I. M. Marks, so neither ships texts.
    for (const char* id : {"phq8", "phq2", "phq4", "phq15", "gad2"}) {
        EXPECT_EQ(cat.at(id).data().licence, licence_terms::free_with_attribution) << id;
        EXPECT_TRUE(cat.at(id).data().texts_may_ship) << id;
    }
    EXPECT_EQ(cat.at("pcl5").data().licence, licence_terms::public_domain);
    for (const char* id : {"pcptsd5", "wsas"}) {
        EXPECT_EQ(cat.at(id).data().licence, licence_terms::licensed_user_supplied) << id;
        EXPECT_FALSE(cat.at(id).data().texts_may_ship) << id;
    }
    // No item wording ships in part A, and none of it is non-commercial.
    const auto commercial = cat.without_licences({licence_terms::non_commercial});
    for (const auto& id : part_a) {
        EXPECT_TRUE(cat.at(id).locales().empty()) << id;
        EXPECT_NE(commercial.find(id), nullptr) << id;
        EXPECT_EQ(cat.at(id).direction(), score_direction::higher_is_worse) << id;
    }
    // WSAS answer labels are bare numbers (the anchors are Marks's wording) or the N/A code.
    for (const auto& rs : cat.at("wsas").data().response_scales) {
        for (const auto& o : rs.options) {
            EXPECT_TRUE(o.not_applicable || o.label == instruments::detail::num(o.value))
                << o.label;
        }
    }
}

TEST(CatalogA, ConfirmedLoincCodesOnly) {
    const auto& cat = builtin_catalog();
    // PHQ-2: panel 55757-9 and total 55758-7 (verification notes section 3; FHIR PHQ-2
    // Questionnaires); items are PHQ-9 items 1-2 (44250-9, 44255-8).
    EXPECT_EQ(cat.at("phq2").data().code->code, "55757-9");
    EXPECT_EQ(cat.at("phq2").total()->code->code, "55758-7");
    EXPECT_EQ(cat.at("phq2").items()[1].code->code, "44255-8");
    // PHQ-4: panel 69724-3 (NINDS/LHC-Forms code lists); items GAD-2 then PHQ-2.
    EXPECT_EQ(cat.at("phq4").data().code->code, "69724-3");
    EXPECT_EQ(cat.at("phq4").items()[0].code->code, "69725-0");
    EXPECT_EQ(cat.at("phq4").items()[2].code->code, "44250-9");
    EXPECT_FALSE(cat.at("phq4").total()->code.has_value());
    // PHQ-8 and GAD-2: no panel or total code confirmed; items are the parent questions.
    EXPECT_FALSE(cat.at("phq8").data().code.has_value());
    EXPECT_EQ(cat.at("phq8").items()[7].code->code, "44253-3");
    EXPECT_FALSE(cat.at("gad2").data().code.has_value());
    EXPECT_EQ(cat.at("gad2").items()[1].code->code, "68509-9");
    // PHQ-15: panel 69728-4, total 70273-8 (LHC-Forms and MII PRO Questionnaires). Items in
    // PHQ-15 form order, codes mapped by content: LHC-Forms lists the sexual item fifth.
    const auto& phq15 = cat.at("phq15");
    EXPECT_EQ(phq15.data().code->code, "69728-4");
    EXPECT_EQ(phq15.total()->code->code, "70273-8");
    EXPECT_EQ(phq15.items()[3].code->code, "69674-0");   // 4: menstrual
    EXPECT_EQ(phq15.items()[4].code->code, "69675-7");   // 5: headaches
    EXPECT_EQ(phq15.items()[10].code->code, "69717-7");  // 11: sexual intercourse
    EXPECT_EQ(phq15.items()[13].code->code, "69731-8");  // 14: tired / low energy
    ids codes;
    for (const auto& it : phq15.items()) {
        codes.push_back(it.code->code);
    }
    std::sort(codes.begin(), codes.end());
    EXPECT_EQ(std::unique(codes.begin(), codes.end()), codes.end());
    // Unconfirmed (verification notes): PCL-5 (96762-0 vs 97006-2), PC-PTSD-5, WSAS.
    for (const char* id : {"pcl5", "pcptsd5", "wsas"}) {
        EXPECT_FALSE(cat.at(id).data().code.has_value()) << id;
        for (const auto& s : cat.at(id).scales()) {
            EXPECT_FALSE(s.code.has_value()) << id;
        }
        for (const auto& it : cat.at(id).items()) {
            EXPECT_FALSE(it.code.has_value()) << id;
        }
    }
}

TEST(CatalogA, EveryDefinitionRoundTripsThroughJsonAndScoresTheSame) {
    for (const auto& id : part_a) {
        const auto& inst = builtin(id);
        const nlohmann::json j = inst;
        const auto loaded = load_instrument(j);
        EXPECT_EQ(loaded, inst) << id;
        EXPECT_EQ(load_instrument_text(io::to_json_string(inst, 2)), inst) << id;
        // A definition loaded from JSON scores like the built-in one.
        const auto row = answers(all(inst.items().size(), 1));
        EXPECT_EQ(score(loaded, row), score(inst, row)) << id;
    }
}

// ---- PHQ-8: Kroenke et al. 2009 (sum of PHQ-9 items 1-8, 0-24; PHQ-9 bands 0-4/5-9/10-14/
// 15-19/20-24; current depression >= 10; DSM-IV algorithm).

TEST(CatalogAPhq8, BandBoundariesKroenke2009) {
    const auto& phq = builtin("phq8");
    auto r = score(phq, answers({1, 1, 1, 1, 0, 0, 0, 0}));
    EXPECT_EQ(total_of(r), 4);  // Kroenke 2009: 0-4 none-minimal
    EXPECT_EQ(scale_of(r, "total").band_label, "None-minimal");
    r = score(phq, answers({1, 1, 1, 1, 1, 0, 0, 0}));
    EXPECT_EQ(total_of(r), 5);  // 5-9 mild
    EXPECT_EQ(scale_of(r, "total").band_label, "Mild");
    r = score(phq, answers({2, 2, 1, 1, 1, 1, 1, 0}));
    EXPECT_EQ(total_of(r), 9);  // 9: still mild, below the >= 10 cut-point
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
    r = score(phq, answers({2, 2, 2, 1, 1, 1, 1, 0}));
    EXPECT_EQ(total_of(r), 10);  // 10-14 moderate; >= 10 current depression
    EXPECT_EQ(scale_of(r, "total").band_label, "Moderate");
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, ids{"current_depression"});
    r = score(phq, answers({3, 3, 3, 2, 2, 2, 2, 2}));
    EXPECT_EQ(total_of(r), 19);  // 15-19 moderately severe
    EXPECT_EQ(scale_of(r, "total").band_label, "Moderately severe");
    r = score(phq, answers(all(8, 3)));
    EXPECT_EQ(total_of(r), 24);  // 20-24 severe; the maximum without item 9
    EXPECT_EQ(*scale_of(r, "total").band, 4);
    EXPECT_EQ(scale_of(r, "total").band_label, "Severe");
    // PHQ-2 inside the PHQ-8 (items 1-2): Kroenke 2003 >= 3, Arroll 2010 >= 2.
    EXPECT_EQ(*scale_of(r, "phq2").value, 6);
    EXPECT_EQ(scale_of(r, "phq2").cut_offs_met, (ids{"phq2_positive", "phq2_positive_sensitive"}));
}

TEST(CatalogAPhq8, NoSuicideItemAndSoNoFlag) {
    const auto& phq = builtin("phq8");
    // The PHQ-8 drops PHQ-9 item 9 (Kroenke 2009), so it has no critical item: a ninth answer
    // is rejected rather than silently ignored.
    EXPECT_TRUE(phq.data().flags.empty());
    EXPECT_TRUE(score(phq, answers(all(8, 3))).flags.empty());
    EXPECT_EQ(problem_paths([&] { (void)score(phq, answers(all(9, 0))); }), ids{"form_order[8]"});
    EXPECT_EQ(problem_paths([&] {
                  (void)score(phq, responses::keyed({{"phq8_9", answer(1)}}));
              }),
              ids{"phq8_9"});
}

TEST(CatalogAPhq8, MissingAndInvalidAnswers) {
    const auto& phq = builtin("phq8");
    // No published missing-data rule: one missing item leaves the total unscored, not summed.
    auto r = score(phq, answers({1, 2, 1, na, 0, 0, 0, 0}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    EXPECT_EQ(scale_of(r, "total").answered, 7);
    EXPECT_EQ(scale_of(r, "total").missing, 1);
    EXPECT_EQ(*scale_of(r, "phq2").value, 3);  // items 1 and 2 are there: 1 + 2
    EXPECT_EQ(only_problem([&] {
                  (void)score(phq, answers({0, 0, 4}));
              }),
              "phq8_3: 4 is not an allowed answer (allowed: 0, 1, 2, 3)");
}

TEST(CatalogAPhq8, MajorDepressiveSyndromeAlgorithm) {
    const auto& phq = builtin("phq8");
    // Kroenke 2009 / Popul Health Metr 2011: >= 5 of 8 symptoms at >= 2 ("more than half the
    // days"), one of them item 1 or 2.
    auto r = score(phq, answers({2, 0, 2, 2, 2, 2, 0, 0}));
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 1);
    // Five symptoms at >= 2 but neither core item: not met.
    r = score(phq, answers({1, 1, 2, 2, 2, 2, 2, 0}));
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 0);
    EXPECT_TRUE(outcome_of(r, "major_depressive_syndrome").determined);
    // Four symptoms and item 5 missing: item 5 decides, so the outcome is undetermined.
    r = score(phq, answers({2, 2, 2, 2, na, 1, 1, 1}));
    EXPECT_EQ(outcome_of(r, "major_depressive_syndrome").level, 0);
    EXPECT_FALSE(outcome_of(r, "major_depressive_syndrome").determined);
}

// ---- PHQ-2: Kroenke, Spitzer & Williams 2003 (items 1-2, 0-6, >= 3); Arroll 2010 (>= 2).

TEST(CatalogAPhq2, CutOffsKroenke2003AndArroll2010) {
    const auto& phq = builtin("phq2");
    auto r = score(phq, answers({1, 0}));
    EXPECT_EQ(total_of(r), 1);
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
    r = score(phq, answers({1, 1}));
    EXPECT_EQ(total_of(r), 2);  // Arroll 2010: >= 2 (sensitive); Kroenke 2003 >= 3 not met
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, ids{"positive_sensitive"});
    r = score(phq, answers({2, 1}));
    EXPECT_EQ(total_of(r), 3);  // Kroenke 2003: >= 3 positive
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, (ids{"positive", "positive_sensitive"}));
    r = score(phq, answers({3, 3}));
    EXPECT_EQ(total_of(r), 6);
    EXPECT_TRUE(scale_of(r, "total").band_set.empty());  // no bands are published
    EXPECT_TRUE(phq.data().flags.empty());               // and no critical item
}

TEST(CatalogAPhq2, MissingAndInvalidAnswers) {
    const auto& phq = builtin("phq2");
    auto r = score(phq, answers({3, na}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    r = score(phq, responses{});
    EXPECT_EQ(scale_of(r, "total").status, scale_status::nothing_answered);
    EXPECT_EQ(r.missing, 2);
    EXPECT_EQ(problem_paths([&] { (void)score(phq, answers({0, 4})); }), ids{"phq2_2"});
    EXPECT_EQ(problem_paths([&] { (void)score(phq, answers({0, 0, 0})); }), ids{"form_order[2]"});
}

// ---- GAD-2: Kroenke et al. 2007 (GAD-7 items 1-2, 0-6, >= 3 positive).

TEST(CatalogAGad2, CutOffKroenke2007MissingAndInvalid) {
    const auto& gad = builtin("gad2");
    auto r = score(gad, answers({1, 1}));
    EXPECT_EQ(total_of(r), 2);  // below Kroenke 2007's >= 3
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
    r = score(gad, answers({1, 2}));
    EXPECT_EQ(total_of(r), 3);  // Kroenke 2007: >= 3 positive (sens 86 %, spec 83 % for GAD)
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, ids{"positive"});
    r = score(gad, answers({3, 3}));
    EXPECT_EQ(total_of(r), 6);
    EXPECT_TRUE(r.flags.empty());
    r = score(gad, answers({na, 3}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    EXPECT_EQ(problem_paths([&] { (void)score(gad, answers({3.5, 0})); }), ids{"gad2_1"});
    EXPECT_EQ(problem_paths([&] { (void)score(gad, answers({-1, 0})); }), ids{"gad2_1"});
}

// ---- PHQ-4: Kroenke et al. 2009 (total 0-12: 0-2 none, 3-5 mild, 6-8 moderate, 9-12 severe
// per NINDS CDE; items 1-2 anxiety = GAD-2, items 3-4 depression = PHQ-2, each >= 3 positive).

TEST(CatalogAPhq4, DistressBandsKroenke2009) {
    const auto& phq = builtin("phq4");
    const std::vector<std::pair<std::vector<double>, std::string>> cases = {
        {{1, 1, 0, 0}, "None"},      // 2: Kroenke 2009 0-2 (NINDS label "None")
        {{1, 1, 1, 0}, "Mild"},      // 3: 3-5 mild
        {{2, 1, 1, 1}, "Mild"},      // 5
        {{2, 2, 1, 1}, "Moderate"},  // 6: 6-8 moderate
        {{2, 2, 2, 2}, "Moderate"},  // 8
        {{3, 2, 2, 2}, "Severe"},    // 9: 9-12 severe
        {{3, 3, 3, 3}, "Severe"},    // 12
    };
    const double totals[] = {2, 3, 5, 6, 8, 9, 12};
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto r = score(phq, answers(cases[i].first));
        EXPECT_EQ(total_of(r), totals[i]);
        EXPECT_EQ(scale_of(r, "total").band_label, cases[i].second) << totals[i];
    }
}

TEST(CatalogAPhq4, AnxietyAndDepressionSubscales) {
    const auto& phq = builtin("phq4");
    // Items 1+2 = 2+1 = 3: anxiety positive (>= 3); items 3+4 = 0: depression negative.
    auto r = score(phq, answers({2, 1, 0, 0}));
    EXPECT_EQ(*scale_of(r, "anxiety").value, 3);
    EXPECT_EQ(scale_of(r, "anxiety").cut_offs_met, ids{"anxiety_positive"});
    EXPECT_EQ(*scale_of(r, "depression").value, 0);
    EXPECT_TRUE(scale_of(r, "depression").cut_offs_met.empty());
    // The order matters: the same answers the other way round screen for depression.
    r = score(phq, answers({0, 0, 2, 1}));
    EXPECT_TRUE(scale_of(r, "anxiety").cut_offs_met.empty());
    EXPECT_EQ(scale_of(r, "depression").cut_offs_met, ids{"depression_positive"});
    // 2 and 2: total 4 (mild) but neither subscale reaches 3.
    r = score(phq, answers({1, 1, 1, 1}));
    EXPECT_EQ(total_of(r), 4);
    EXPECT_TRUE(scale_of(r, "anxiety").cut_offs_met.empty());
    EXPECT_TRUE(scale_of(r, "depression").cut_offs_met.empty());
}

TEST(CatalogAPhq4, MissingAnswerOnlyAffectsItsSubscale) {
    const auto& phq = builtin("phq4");
    auto r = score(phq, answers({1, 2, na, 1}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    EXPECT_EQ(*scale_of(r, "anxiety").value, 3);
    EXPECT_EQ(scale_of(r, "anxiety").cut_offs_met, ids{"anxiety_positive"});
    EXPECT_EQ(scale_of(r, "depression").status, scale_status::too_many_missing);
    EXPECT_EQ(problem_paths([&] { (void)score(phq, answers({0, 0, 0, 5})); }), ids{"phq4_4"});
    EXPECT_TRUE(phq.data().flags.empty());
}

// ---- PHQ-15: Kroenke, Spitzer & Williams 2002 (15 items 0-2; 0-4 minimal, 5-9 low, 10-14
// medium, 15-30 high); item 4 (menstrual) does not apply to men: maximum 28 (CamCOPS).

TEST(CatalogAPhq15, SeverityBandsKroenke2002) {
    const auto& phq = builtin("phq15");
    auto a = all(15, 0);
    auto r = score(phq, answers(a));
    EXPECT_EQ(total_of(r), 0);
    EXPECT_EQ(scale_of(r, "total").band_label, "Minimal");
    a = {2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    EXPECT_EQ(scale_of(score(phq, answers(a)), "total").band_label, "Minimal");  // 4
    a[14] = 1;                                                                   // 5: 5-9 low
    r = score(phq, answers(a));
    EXPECT_EQ(total_of(r), 5);
    EXPECT_EQ(scale_of(r, "total").band_label, "Low");
    a = {2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};  // 9
    EXPECT_EQ(scale_of(score(phq, answers(a)), "total").band_label, "Low");
    a[5] = 1;  // 10: 10-14 medium
    r = score(phq, answers(a));
    EXPECT_EQ(total_of(r), 10);
    EXPECT_EQ(scale_of(r, "total").band_label, "Medium");
    a = {2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0};  // 14
    EXPECT_EQ(scale_of(score(phq, answers(a)), "total").band_label, "Medium");
    a[14] = 1;  // 15: 15-30 high
    r = score(phq, answers(a));
    EXPECT_EQ(total_of(r), 15);
    EXPECT_EQ(scale_of(r, "total").band_label, "High");
    r = score(phq, answers(all(15, 2)));
    EXPECT_EQ(total_of(r), 30);
    EXPECT_EQ(*scale_of(r, "total").band, 3);
    EXPECT_TRUE(r.flags.empty());  // the PHQ-15 has no critical item
}

TEST(CatalogAPhq15, MenstrualItemNotApplicableForMen) {
    const auto& phq = builtin("phq15");
    // Item 4 coded 9 (not applicable): the total runs over the other 14 items, maximum 28
    // (CamCOPS phq15.py: "In males, maximum score is actually 28").
    auto a = all(15, 2);
    a[3] = 9;
    auto r = score(phq, answers(a));
    EXPECT_EQ(total_of(r), 28);
    EXPECT_EQ(scale_of(r, "total").not_applicable, 1);
    EXPECT_EQ(scale_of(r, "total").answered, 14);
    EXPECT_EQ(scale_of(r, "total").missing, 0);
    EXPECT_FALSE(scale_of(r, "total").prorated);  // not scaled up to 30
    EXPECT_EQ(scale_of(r, "total").band_label, "High");
    // Kroenke 2002 bands apply to the same sum: 1 + 1 + 1 + 1 + 1 over five items = 5, low.
    a = {1, 1, 1, 9, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    r = score(phq, answers(a));
    EXPECT_EQ(total_of(r), 5);
    EXPECT_EQ(scale_of(r, "total").band_label, "Low");
    // A man's form must record the code: item 4 simply left blank is a missing answer.
    a[3] = na;
    EXPECT_EQ(scale_of(score(phq, answers(a)), "total").status, scale_status::too_many_missing);
    // Only item 4 has a not-applicable code.
    EXPECT_EQ(only_problem([&] {
                  (void)score(phq, answers({0, 0, 0, 9, 9}));
              }),
              "phq15_5: 9 is not an allowed answer (allowed: 0, 1, 2)");
}

TEST(CatalogAPhq15, MissingAndInvalidAnswers) {
    const auto& phq = builtin("phq15");
    auto a = all(15, 1);
    a[10] = na;  // item 11; no published missing-data rule
    const auto r = score(phq, answers(a));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    EXPECT_EQ(scale_of(r, "total").answered, 14);
    EXPECT_EQ(scale_of(r, "total").missing, 1);
    EXPECT_NE(scale_of(r, "total").reason.find("1 of 15 items missing"), std::string::npos);
    EXPECT_EQ(problem_paths([&] { (void)score(phq, answers({3})); }), ids{"phq15_1"});
    EXPECT_EQ(only_problem([&] {
                  (void)score(phq, answers({0, 0, 0, 3}));
              }),
              "phq15_4: 3 is not an allowed answer (allowed: 0, 1, 2, or 9 for not applicable)");
}

// ---- PCL-5: Weathers et al. 2013 / NCPTSD scoring (20 items 0-4, total 0-80; clusters B 1-5,
// C 6-7, D 8-14, E 15-20; provisional DSM-5 rule with items >= 2; 31-33 probable PTSD, Bovin
// 2016, 33 as the default and 31 as the alternative).

TEST(CatalogAPcl5, TotalClustersAndCutOffBovin2016) {
    const auto& pcl = builtin("pcl5");
    // Every item 1: total 20; clusters B 5, C 2, D 7, E 6. No cut-off, no bands.
    auto a = all(20, 1);
    auto r = score(pcl, answers(a));
    EXPECT_EQ(total_of(r), 20);
    EXPECT_EQ(*scale_of(r, "cluster_b").value, 5);
    EXPECT_EQ(*scale_of(r, "cluster_c").value, 2);
    EXPECT_EQ(*scale_of(r, "cluster_d").value, 7);
    EXPECT_EQ(*scale_of(r, "cluster_e").value, 6);
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
    EXPECT_TRUE(scale_of(r, "total").band_set.empty());  // no author-defined bands
    // Raising items one at a time to 2 adds a point each: 30, 31, 32, 33.
    const std::vector<std::pair<std::size_t, ids>> steps = {
        {10, {}},                                     // 30: below 31-33
        {11, {"probable_ptsd_31"}},                   // 31: the lower bound
        {12, {"probable_ptsd_31"}},                   // 32
        {13, {"probable_ptsd", "probable_ptsd_31"}},  // 33: the default cut-off
    };
    for (const auto& [raised, met] : steps) {
        auto b = all(20, 1);
        std::fill(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(raised), 2.0);
        r = score(pcl, answers(b));
        EXPECT_EQ(total_of(r), 20 + static_cast<double>(raised));
        EXPECT_EQ(scale_of(r, "total").cut_offs_met, met) << raised;
    }
    r = score(pcl, answers(all(20, 4)));
    EXPECT_EQ(total_of(r), 80);
    EXPECT_EQ(*scale_of(r, "cluster_d").value, 28);
    EXPECT_EQ(*scale_of(r, "cluster_e").value, 24);
}

TEST(CatalogAPcl5, ProvisionalDsm5DiagnosisRule) {
    const auto& pcl = builtin("pcl5");
    // NCPTSD: items at >= 2 count; at least 1 B, 1 C, 2 D, 2 E. Items 1 (B), 6 (C), 8 and 9
    // (D), 15 and 17 (E) at 2, the rest 0: met, with a total of only 12 (below any cut-off).
    auto a = all(20, 0);
    for (std::size_t item : {1U, 6U, 8U, 9U, 15U, 17U}) {
        a[item - 1] = 2;
    }
    auto r = score(pcl, answers(a));
    EXPECT_EQ(total_of(r), 12);
    EXPECT_EQ(outcome_of(r, "provisional_ptsd").level, 1);
    EXPECT_EQ(outcome_of(r, "provisional_ptsd").label, "met");
    // Item 9 at 1 leaves one D symptom: not met.
    a[8] = 1;
    r = score(pcl, answers(a));
    EXPECT_EQ(outcome_of(r, "provisional_ptsd").level, 0);
    EXPECT_TRUE(outcome_of(r, "provisional_ptsd").determined);
    // Item 9 missing instead: it alone decides cluster D, so the rule is undetermined.
    a[8] = na;
    r = score(pcl, answers(a));
    EXPECT_EQ(outcome_of(r, "provisional_ptsd").level, 0);
    EXPECT_FALSE(outcome_of(r, "provisional_ptsd").determined);
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    // With cluster C clear (item 6 at 1) the missing item cannot matter: determined, not met.
    a[5] = 1;
    r = score(pcl, answers(a));
    EXPECT_TRUE(outcome_of(r, "provisional_ptsd").determined);
    EXPECT_EQ(outcome_of(r, "provisional_ptsd").level, 0);
    // Every item at 1 ("a little bit"): total 20 and no symptom counts.
    r = score(pcl, answers(all(20, 1)));
    EXPECT_EQ(outcome_of(r, "provisional_ptsd").level, 0);
}

TEST(CatalogAPcl5, Item16IsALabelledNonStandardReviewFlag) {
    const auto& pcl = builtin("pcl5");
    const auto& flag = pcl.data().flags.at(0);
    EXPECT_EQ(flag.id, "item16_review");
    EXPECT_EQ(flag.severity, flag_severity::review);
    EXPECT_EQ(flag.name.rfind("Non-standard library flag", 0), 0U);
    EXPECT_NE(flag.source.find("NOT a published PCL-5 rule"), std::string::npos);
    auto a = all(20, 0);
    a[15] = 1;  // "a little bit": below the symptom level
    EXPECT_FALSE(score(pcl, answers(a)).flagged("item16_review"));
    a[15] = 2;  // "moderately"
    auto r = score(pcl, answers(a));
    ASSERT_EQ(r.flags.size(), 1U);
    EXPECT_EQ(r.flags[0].severity, flag_severity::review);
    // Raised even when the total is not scorable (item 3 missing).
    a[2] = na;
    r = score(pcl, answers(a));
    EXPECT_FALSE(scale_of(r, "total").value.has_value());
    EXPECT_TRUE(r.flagged("item16_review"));
    // Item 16 itself missing: not evaluated, never reported as clear.
    a = all(20, 0);
    a[15] = na;
    r = score(pcl, answers(a));
    EXPECT_TRUE(r.flags.empty());
    EXPECT_EQ(r.flags_not_evaluated, ids{"item16_review"});
}

TEST(CatalogAPcl5, InvalidAnswersAndPsychometrics) {
    const auto& pcl = builtin("pcl5");
    auto a = all(20, 0);
    a[19] = 5;
    EXPECT_EQ(only_problem([&] { (void)score(pcl, answers(a)); }),
              "pcl5_20: 5 is not an allowed answer (allowed: 0, 1, 2, 3, 4)");
    EXPECT_EQ(problem_paths([&] {
                  (void)score(pcl, answers({-1, 0.5}));
              }),
              (ids{"pcl5_1", "pcl5_2"}));
    // Blevins 2015: alpha .94, test-retest .82 (students); Bovin 2016: alpha .96, test-retest
    // .84 (veterans). Marx 2022: reliable change 15 / 18 points; <= 28 more likely non-PTSD.
    const auto& p = pcl.total()->psychometrics;
    ASSERT_EQ(p.reliability.size(), 4U);
    EXPECT_DOUBLE_EQ(p.reliability[0].value, 0.94);
    EXPECT_EQ(p.reliability[1].kind, reliability_kind::test_retest);
    EXPECT_DOUBLE_EQ(p.reliability[1].value, 0.82);
    EXPECT_DOUBLE_EQ(p.reliability[2].value, 0.96);
    EXPECT_DOUBLE_EQ(p.reliability[3].value, 0.84);
    EXPECT_TRUE(p.norms.empty());  // Bovin's M 36.97 (SD 21.16) is single-source: not shipped
    ASSERT_EQ(p.change_criteria.size(), 2U);
    EXPECT_EQ(p.change_criteria[0].reliable_change, 15);
    EXPECT_EQ(p.change_criteria[1].reliable_change, 18);
    EXPECT_EQ(*p.change_criteria[0].caseness, 29);
}

// ---- PC-PTSD-5: Prins et al. 2016; VA NCPTSD 2022 (trauma-exposure gate: no exposure ->
// score 0; else the number of "yes" answers, 0-5; cut-point 4; Bovin 2021: 3 for women).

TEST(CatalogAPcPtsd5, NoTraumaExposureScoresZero) {
    const auto& pc = builtin("pcptsd5");
    // VA 2022: "If a respondent denies exposure, the PC-PTSD-5 is complete with a score of 0."
    auto r = score(pc, answers({0}));
    EXPECT_EQ(total_of(r), 0);
    EXPECT_EQ(scale_of(r, "total").answered, 5);  // the five skipped questions score 0
    EXPECT_TRUE(scale_of(r, "total").cut_offs_met.empty());
    EXPECT_EQ(r.answered, 1);
    EXPECT_EQ(r.missing, 0);
    // A form that records the five skipped questions as "no" is consistent with the gate.
    EXPECT_EQ(total_of(score(pc, answers(all(6, 0)))), 0);
    // A "yes" to a question the gate skips contradicts it.
    const auto problem = only_problem([&] { (void)score(pc, answers({0, 1})); });
    EXPECT_EQ(problem.rfind("pcptsd5_2: answered 1 although skip rule no_trauma_exposure", 0), 0U)
        << problem;
}

TEST(CatalogAPcPtsd5, CountOfYesAndCutPoints) {
    const auto& pc = builtin("pcptsd5");
    // Exposure reported, no symptom endorsed: 0, asked rather than skipped.
    auto r = score(pc, answers({1, 0, 0, 0, 0, 0}));
    EXPECT_EQ(total_of(r), 0);
    EXPECT_EQ(r.answered, 6);
    r = score(pc, answers({1, 1, 1, 1, 0, 0}));
    EXPECT_EQ(total_of(r), 3);  // Bovin 2021: 3 for women; Prins 2016: maximises sensitivity
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, ids{"positive_sensitive"});
    r = score(pc, answers({1, 1, 0, 1, 1, 1}));
    EXPECT_EQ(total_of(r), 4);  // Prins 2016 / Bovin 2021 / VA 2022: cut-point 4
    EXPECT_EQ(scale_of(r, "total").cut_offs_met, (ids{"positive", "positive_sensitive"}));
    r = score(pc, answers(all(6, 1)));
    EXPECT_EQ(total_of(r), 5);
    const auto& women = pc.total()->cut_offs[1];
    EXPECT_EQ(women.alternative_to, std::optional<std::string>("positive"));
    EXPECT_NE(women.population.find("women"), std::string::npos);
    EXPECT_TRUE(pc.data().flags.empty());
}

TEST(CatalogAPcPtsd5, MissingGateOrSymptomAnswers) {
    const auto& pc = builtin("pcptsd5");
    // Exposure reported but a symptom question unanswered: no published rule, so no score.
    auto r = score(pc, answers({1, 1, 1, 1, na, 1}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    // Exposure unanswered: the gate is unknown, so the five answers are taken as asked.
    r = score(pc, answers({na, 1, 1, 1, 1, 0}));
    EXPECT_EQ(total_of(r), 4);
    EXPECT_EQ(r.missing, 1);
    // Nothing answered: not scored, never 0.
    r = score(pc, responses{});
    EXPECT_EQ(scale_of(r, "total").status, scale_status::nothing_answered);
    EXPECT_EQ(problem_paths([&] { (void)score(pc, answers({2})); }), ids{"pcptsd5_1"});
    EXPECT_EQ(problem_paths([&] {
                  (void)score(pc, answers({1, 0, 0, 0, 0, 0, 0}));
              }),
              ids{"form_order[6]"});
}

// ---- WSAS: Mundt, Marks, Shear & Greist 2002 (five items 0-8, total 0-40; < 10 subclinical,
// 10-20 significant impairment, > 20 moderately severe or worse); work item may not apply:
// total over items 2-5, maximum 32 (CamCOPS wsas.py).

TEST(CatalogAWsas, BandsMundt2002) {
    const auto& w = builtin("wsas");
    auto r = score(w, answers({2, 2, 2, 2, 1}));
    EXPECT_EQ(total_of(r), 9);  // Mundt 2002: below 10 subclinical
    EXPECT_EQ(scale_of(r, "total").band_label, "Subclinical");
    r = score(w, answers({2, 2, 2, 2, 2}));
    EXPECT_EQ(total_of(r), 10);  // 10-20 significant functional impairment
    EXPECT_EQ(scale_of(r, "total").band_label, "Significant functional impairment");
    r = score(w, answers({4, 4, 4, 4, 4}));
    EXPECT_EQ(total_of(r), 20);
    EXPECT_EQ(*scale_of(r, "total").band, 1);
    r = score(w, answers({5, 4, 4, 4, 4}));
    EXPECT_EQ(total_of(r), 21);  // above 20: moderately severe or worse
    EXPECT_EQ(scale_of(r, "total").band_label, "Moderately severe or worse");
    r = score(w, answers(all(5, 8)));
    EXPECT_EQ(total_of(r), 40);
    EXPECT_TRUE(r.flags.empty());  // the WSAS has no critical item
    // Mundt 2002: test-retest correlation .73.
    EXPECT_DOUBLE_EQ(w.total()->psychometrics.reliability.at(0).value, 0.73);
}

TEST(CatalogAWsas, WorkItemNotApplicable) {
    const auto& w = builtin("wsas");
    // Retired (code 9 on item 1): total = items 2-5, maximum 4 x 8 = 32, not prorated to 40.
    auto r = score(w, answers({9, 8, 8, 8, 8}));
    EXPECT_EQ(total_of(r), 32);
    EXPECT_EQ(scale_of(r, "total").not_applicable, 1);
    EXPECT_EQ(scale_of(r, "total").answered, 4);
    EXPECT_FALSE(scale_of(r, "total").prorated);
    EXPECT_EQ(scale_of(r, "total").band_label, "Moderately severe or worse");
    r = score(w, answers({9, 3, 3, 2, 2}));
    EXPECT_EQ(total_of(r), 10);  // the same Mundt bands over items 2-5
    EXPECT_EQ(scale_of(r, "total").band_label, "Significant functional impairment");
    // Not applicable does not excuse another missing item.
    r = score(w, answers({9, 3, na, 2, 2}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    EXPECT_EQ(scale_of(r, "total").missing, 1);
    EXPECT_EQ(scale_of(r, "total").not_applicable, 1);
    r = score(w, answers({9}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::nothing_answered);
    // Only the work item may be not applicable.
    EXPECT_EQ(only_problem([&] {
                  (void)score(w, answers({0, 9}));
              }),
              "wsas_2: 9 is not an allowed answer (allowed: 0, 1, 2, 3, 4, 5, 6, 7, 8)");
}

TEST(CatalogAWsas, MissingAndInvalidAnswers) {
    const auto& w = builtin("wsas");
    auto r = score(w, answers({4, 4, 4, 4, na}));
    EXPECT_EQ(scale_of(r, "total").status, scale_status::too_many_missing);
    EXPECT_EQ(scale_of(r, "total").answered, 4);
    EXPECT_EQ(only_problem([&] { (void)score(w, answers({10})); }),
              "wsas_1: 10 is not an allowed answer (allowed: 0, 1, 2, 3, 4, 5, 6, 7, 8, or 9 for "
              "not applicable)");
    EXPECT_EQ(problem_paths([&] { (void)score(w, answers({0, 0, 7.5, 0, 0})); }), ids{"wsas_3"});
}

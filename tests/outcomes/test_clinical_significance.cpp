// SPDX-License-Identifier: Apache-2.0
// Clinical significance (Jacobson & Truax 1991): criteria a, b, c and the four categories.
// Expected cut-offs are the worked examples of the verification notes (instruments.md §3.2).
#include <gtest/gtest.h>

#include <theracore/outcomes/clinical_significance.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

TEST(ClinicalCutoffs, Core10WorkedExample) {
    // M0 4.7, s0 4.8 (general population), M1 19.7, s1 7.7 (counselling); Connell & Barkham 2007.
    const auto c = clinical_cutoffs(test::core10_parameters());
    EXPECT_NEAR(*c.a.value, 4.300000, 1e-6);
    EXPECT_NEAR(*c.b.value, 14.300000, 1e-6);
    EXPECT_NEAR(*c.c.value, 10.460000, 1e-6);  // consistent with the published cut-off 11
    EXPECT_TRUE(c.a.usable && c.b.usable && c.c.usable);
    EXPECT_EQ(c.c.criterion, cutoff_criterion::c);
}

TEST(ClinicalCutoffs, CriterionOutsideTheScaleIsUnusable) {
    // PCL-5 (illustrative norms): a = 36.97 - 2 * 21.16 = -5.35 lies below 0 on a 0-80 scale.
    const auto c = clinical_cutoffs(test::pcl5_parameters());
    EXPECT_NEAR(*c.a.value, -5.350000, 1e-6);
    EXPECT_FALSE(c.a.usable);
    EXPECT_NE(c.a.note.find("outside the score range 0–80"), std::string::npos) << c.a.note;
    EXPECT_NEAR(*c.b.value, 56.300000, 1e-6);
    EXPECT_TRUE(c.b.usable);
    EXPECT_NEAR(*c.c.value, 28.219583, 1e-6);
    EXPECT_TRUE(c.c.usable);
}

TEST(ClinicalCutoffs, HigherIsBetterMirrorsAAndB) {
    // WHO-5 % (made-up norms M0 70, s0 15, M1 32, s1 18): a = M1 + 2 s1, b = M0 - 2 s0.
    const auto c = clinical_cutoffs(test::who5_parameters());
    EXPECT_NEAR(*c.a.value, 68.000000, 1e-6);
    EXPECT_NEAR(*c.b.value, 40.000000, 1e-6);
    EXPECT_NEAR(*c.c.value, 52.727273, 1e-6);
}

TEST(ClinicalCutoffs, CriterionCIsEquallyFarFromBothMeansInSdUnits) {
    // Jacobson & Truax (1991): c is the point equally likely to belong to either population,
    // (c - M0) / s0 = (M1 - c) / s1.
    for (const auto& p : {test::core10_parameters(), test::pcl5_parameters()}) {
        const double c = *clinical_cutoffs(p).c.value;
        EXPECT_NEAR((c - p.functional->mean) / p.functional->sd,
                    (p.dysfunctional->mean - c) / p.dysfunctional->sd, 1e-12);
    }
}

TEST(ClinicalCutoffs, MissingNormsLeaveCriteriaUnavailable) {
    auto p = test::phq9_parameters();  // no norms
    auto c = clinical_cutoffs(p);
    EXPECT_FALSE(c.a.value || c.b.value || c.c.value);
    EXPECT_FALSE(c.a.usable || c.b.usable || c.c.usable);
    EXPECT_EQ(c.c.note, "needs functional and dysfunctional norms");
    p.dysfunctional = population_norm{16.65, 4.25, "PHQ-9 >= 10", "Gilbody 2015"};
    c = clinical_cutoffs(p);
    EXPECT_NEAR(*c.a.value, 16.65 - 8.5, 1e-12);
    EXPECT_TRUE(c.a.usable);
    EXPECT_FALSE(c.c.value);
    // Without a range nothing can be checked; that is said, not hidden.
    p.range.reset();
    EXPECT_NE(clinical_cutoffs(p).a.note.find("not checked"), std::string::npos);
}

TEST(JacobsonTruaxCategories, Core10WithCriterionC) {
    const auto p = test::core10_parameters();  // c = 10.46, change must exceed 6.75 points
    auto o = jacobson_truax(test::score(p, 22), test::score(p, 12), p, cutoff_criterion::c);
    EXPECT_EQ(o.category, jacobson_truax_category::improved);  // reliable, still above c
    EXPECT_EQ(o.pre_clinical, true);
    EXPECT_EQ(o.post_clinical, true);
    EXPECT_EQ(o.cutoff.criterion, cutoff_criterion::c);
    EXPECT_NEAR(*o.cutoff.value, 10.46, 1e-9);

    o = jacobson_truax(test::score(p, 22), test::score(p, 8), p, cutoff_criterion::c);
    EXPECT_EQ(o.category, jacobson_truax_category::recovered);
    o = jacobson_truax(test::score(p, 22), test::score(p, 18), p, cutoff_criterion::c);
    EXPECT_EQ(o.category, jacobson_truax_category::unchanged);
    o = jacobson_truax(test::score(p, 12), test::score(p, 22), p, cutoff_criterion::c);
    EXPECT_EQ(o.category, jacobson_truax_category::deteriorated);
    // Started in the functional range: a reliable improvement cannot be a recovery.
    o = jacobson_truax(test::score(p, 9), test::score(p, 1), p, cutoff_criterion::c);
    EXPECT_EQ(o.change.kind, change_kind::reliable_improvement);
    EXPECT_EQ(o.category, jacobson_truax_category::improved);
}

TEST(JacobsonTruaxCategories, PublishedCutoffAndItsBoundary) {
    const auto p = test::core10_parameters();
    // CORE-10 clinical cut-off 11 (Barkham 2013): a score of 11 is clinical.
    const clinical_cutoff eleven{11, cutoff_side::clinical, "Barkham et al. 2013"};
    auto o = jacobson_truax(test::score(p, 22), test::score(p, 11), p, cutoff_criterion::published,
                            eleven);
    EXPECT_EQ(o.category, jacobson_truax_category::improved);
    EXPECT_EQ(o.cutoff.note, "Barkham et al. 2013");
    o = jacobson_truax(test::score(p, 22), test::score(p, 10), p, cutoff_criterion::published,
                       eleven);
    EXPECT_EQ(o.category, jacobson_truax_category::recovered);
    // Where the convention puts 11 on the functional side, 11 is a recovery.
    o = jacobson_truax(test::score(p, 22), test::score(p, 11), p, cutoff_criterion::published,
                       clinical_cutoff{11, cutoff_side::functional, "other"});
    EXPECT_EQ(o.category, jacobson_truax_category::recovered);
}

TEST(SelectClinicalCutoff, IsTheCutoffJacobsonTruaxUses) {
    const auto p = test::core10_parameters();
    const clinical_cutoff eleven{11, cutoff_side::clinical, "Barkham et al. 2013"};
    const auto o = jacobson_truax(test::score(p, 22), test::score(p, 11), p,
                                  cutoff_criterion::published, eleven);
    EXPECT_EQ(select_clinical_cutoff(p, cutoff_criterion::published, eleven), o.cutoff);
    EXPECT_EQ(select_clinical_cutoff(p, cutoff_criterion::c), clinical_cutoffs(p).c);
    try {
        (void)select_clinical_cutoff(p, cutoff_criterion::published);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "published");
    }
    auto bad = p;
    bad.reliability.value = 1.5;
    EXPECT_THROW((void)select_clinical_cutoff(bad, cutoff_criterion::a), validation_error);
}

TEST(JacobsonTruaxCategories, UnusableCriterionIsNotSilentlyUsed) {
    // PCL-5 criterion a = -5.35 cannot be crossed: a reliable improvement stays unclassified.
    const auto p = test::pcl5_parameters();
    const auto o = jacobson_truax(test::score(p, 60), test::score(p, 20), p, cutoff_criterion::a);
    EXPECT_EQ(o.change.kind, change_kind::reliable_improvement);
    EXPECT_FALSE(o.cutoff.usable);
    EXPECT_FALSE(o.category.has_value());
    EXPECT_FALSE(o.pre_clinical.has_value());
    // Deterioration does not need the cut-off, so it is still classified.
    const auto d = jacobson_truax(test::score(p, 20), test::score(p, 60), p, cutoff_criterion::a);
    EXPECT_EQ(d.category, jacobson_truax_category::deteriorated);
    // A published cut-off outside the range is unusable too.
    const auto q =
        jacobson_truax(test::score(p, 60), test::score(p, 20), p, cutoff_criterion::published,
                       clinical_cutoff{90, cutoff_side::clinical, "typo"});
    EXPECT_FALSE(q.cutoff.usable);
    EXPECT_FALSE(q.category.has_value());
}

TEST(JacobsonTruaxCategories, HigherIsBetterRecovery) {
    // WHO-5 %, c = 52.73: 30 -> 60 is a reliable rise (RCI 3.04) across c.
    const auto p = test::who5_parameters();
    auto o = jacobson_truax(test::score(p, 30), test::score(p, 60), p, cutoff_criterion::c);
    EXPECT_EQ(o.change.kind, change_kind::reliable_improvement);
    EXPECT_EQ(o.pre_clinical, true);
    EXPECT_EQ(o.post_clinical, false);
    EXPECT_EQ(o.category, jacobson_truax_category::recovered);
    o = jacobson_truax(test::score(p, 60), test::score(p, 30), p, cutoff_criterion::c);
    EXPECT_EQ(o.category, jacobson_truax_category::deteriorated);
    o = jacobson_truax(test::score(p, 10), test::score(p, 40), p, cutoff_criterion::c);
    EXPECT_EQ(o.category, jacobson_truax_category::improved);  // still below c
}

TEST(JacobsonTruaxCategories, MirroringTheScaleAndDirectionChangesNothing) {
    // A lower-is-better score x is the higher-is-better score 40 - x: every category must agree.
    const auto lower = test::core10_parameters();
    auto higher = lower;
    higher.direction = score_direction::higher_is_better;
    higher.functional->mean = 40 - lower.functional->mean;
    higher.dysfunctional->mean = 40 - lower.dysfunctional->mean;
    for (double pre : {4.0, 12.0, 22.0, 30.0}) {
        for (double post : {2.0, 8.0, 11.0, 15.0, 25.0, 38.0}) {
            const auto a = jacobson_truax(test::score(lower, pre), test::score(lower, post), lower,
                                          cutoff_criterion::c);
            const auto b =
                jacobson_truax(test::score(higher, 40 - pre), test::score(higher, 40 - post),
                               higher, cutoff_criterion::c);
            EXPECT_EQ(a.category, b.category) << pre << " -> " << post;
            EXPECT_NEAR(a.change.rci, -b.change.rci, 1e-12);
        }
    }
}

TEST(JacobsonTruaxBadInput, PublishedCriterionNeedsACutoff) {
    const auto p = test::core10_parameters();
    EXPECT_INVALID_AT(
        jacobson_truax(test::score(p, 22), test::score(p, 10), p, cutoff_criterion::published),
        "published");
    EXPECT_INVALID_AT(
        jacobson_truax(test::score(p, 22), test::score(p, 10), p, cutoff_criterion::published,
                       clinical_cutoff{std::nan(""), cutoff_side::clinical, ""}),
        "published.value");
}

TEST(JacobsonTruaxBadInput, SameRulesAsTheRci) {
    auto p = test::core10_parameters();
    EXPECT_INVALID_AT(jacobson_truax(test::score(p, 22), {"phq9", "1", 10}, p, cutoff_criterion::c),
                      "post.instrument_id");
    p.reliability.value = 1.2;
    EXPECT_INVALID_AT(
        jacobson_truax(test::score(p, 22), test::score(p, 10), p, cutoff_criterion::c),
        "parameters.reliability.value");
    p = test::core10_parameters();
    p.functional->sd = 0;
    EXPECT_INVALID_AT(clinical_cutoffs(p), "parameters.functional.sd");
}

// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/adapters/builtin_rule_sets.hpp>
#include <theracore/outcomes/cohort.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {
jacobson_truax_outcome core10(double pre, double post, cutoff_criterion c = cutoff_criterion::c) {
    const auto p = test::core10_parameters();
    return jacobson_truax(test::score(p, pre), test::score(p, post), p, c);
}
}  // namespace

TEST(CohortSummary, JacobsonTruaxCountsAndProportions) {
    // CORE-10 with c = 10.46 and a threshold of 6.75 points.
    const std::vector<jacobson_truax_outcome> cohort{
        core10(22, 8),   // recovered
        core10(25, 9),   // recovered
        core10(22, 12),  // improved
        core10(22, 18),  // unchanged
        core10(12, 22),  // deteriorated
    };
    const auto s = summarize(cohort);
    EXPECT_EQ(s.method, "jacobson_truax");
    EXPECT_EQ(s.instrument_id, "core10");
    EXPECT_EQ(s.n, 5u);
    ASSERT_EQ(s.categories.size(), 5u);
    EXPECT_EQ(row(s, "recovered").count, 2u);
    EXPECT_DOUBLE_EQ(row(s, "recovered").proportion, 0.4);
    EXPECT_EQ(row(s, "improved").count, 1u);
    EXPECT_EQ(row(s, "unchanged").count, 1u);
    EXPECT_EQ(row(s, "deteriorated").count, 1u);
    EXPECT_DOUBLE_EQ(row(s, "deteriorated").proportion, 0.2);
    EXPECT_EQ(row(s, "unclassified").count, 0u);
    EXPECT_EQ(row(s, "improved").denominator, 5u);
    EXPECT_THROW((void)row(s, "cured"), not_found);
}

TEST(CohortSummary, UnclassifiedOutcomesAreCountedNotDropped) {
    const auto p = test::pcl5_parameters();  // criterion a is unusable
    const std::vector<jacobson_truax_outcome> cohort{
        jacobson_truax(test::score(p, 60), test::score(p, 20), p, cutoff_criterion::a),
        jacobson_truax(test::score(p, 60), test::score(p, 58), p, cutoff_criterion::a)};
    const auto s = summarize(cohort);
    EXPECT_EQ(row(s, "unclassified").count, 1u);
    EXPECT_EQ(row(s, "unchanged").count, 1u);
    EXPECT_DOUBLE_EQ(row(s, "unclassified").proportion, 0.5);
}

TEST(CohortSummary, EmptyCohortHasZeroProportions) {
    const auto s = summarize(std::vector<jacobson_truax_outcome>{});
    EXPECT_EQ(s.n, 0u);
    EXPECT_EQ(row(s, "recovered").proportion, 0);
}

TEST(CohortSummary, MixedParametersOrCriteriaAreRejected) {
    auto other = test::core10_parameters(1.645);
    const std::vector<jacobson_truax_outcome> mixed{
        core10(22, 8),
        jacobson_truax(test::score(other, 22), test::score(other, 8), other, cutoff_criterion::c)};
    EXPECT_INVALID_AT(summarize(mixed), "outcomes[1].change.threshold.parameters");
    const std::vector<jacobson_truax_outcome> criteria{core10(22, 8),
                                                       core10(22, 8, cutoff_criterion::b)};
    EXPECT_INVALID_AT(summarize(criteria), "outcomes[1].cutoff");
}

TEST(CohortSummary, TalkingTherapiesRatesUseTheNhsDenominators) {
    const auto& r = talking_therapies_rule_set_named("nhs_talking_therapies.phq9");
    const auto tt = [&](double a, double b) {
        return talking_therapies({"phq9", "1", a}, {"phq9", "1", b}, r);
    };
    const std::vector<talking_therapies_outcome> cohort{
        tt(16, 9),   // case, reliable recovery
        tt(12, 9),   // case, recovered without reliable improvement
        tt(18, 12),  // case, reliable improvement, still a case
        tt(20, 21),  // case, no change
        tt(6, 13),   // not a case, reliable deterioration
    };
    const auto s = summarize(cohort);
    EXPECT_EQ(s.method, "nhs_talking_therapies.phq9");
    EXPECT_EQ(row(s, "case_at_start").count, 4u);
    EXPECT_EQ(row(s, "recovered").count, 2u);
    EXPECT_EQ(row(s, "recovered").denominator, 4u);  // recovery is counted among cases only
    EXPECT_DOUBLE_EQ(row(s, "recovered").proportion, 0.5);
    EXPECT_EQ(row(s, "reliable_recovery").count, 1u);
    EXPECT_DOUBLE_EQ(row(s, "reliable_recovery").proportion, 0.25);
    EXPECT_EQ(row(s, "reliable_improvement").count, 2u);
    EXPECT_EQ(row(s, "reliable_improvement").denominator, 5u);
    EXPECT_EQ(row(s, "reliable_deterioration").count, 1u);

    const auto& g = talking_therapies_rule_set_named("nhs_talking_therapies.gad7");
    std::vector<talking_therapies_outcome> mixed = cohort;
    mixed.push_back(talking_therapies({"gad7", "1", 9}, {"gad7", "1", 3}, g));
    EXPECT_INVALID_AT(summarize(mixed), "outcomes[5].rule_set");
}

TEST(CohortSummary, HagemanArrindell) {
    const auto p = test::core10_parameters();
    const group_statistics g{19.7, 7.7, 12.0, 8.5, 0.50, "example A"};
    const std::vector<hageman_arrindell_outcome> cohort{
        hageman_arrindell(test::score(p, 22), test::score(p, 12), p, g),  // improved
        hageman_arrindell(test::score(p, 22), test::score(p, 18), p, g),  // unchanged
        hageman_arrindell(test::score(p, 22), test::score(p, 2), p, g)};  // recovered
    const auto s = summarize(cohort);
    EXPECT_EQ(s.method, "hageman_arrindell");
    EXPECT_EQ(row(s, "improved").count, 1u);
    EXPECT_EQ(row(s, "unchanged").count, 1u);
    EXPECT_EQ(row(s, "recovered").count, 1u);
    auto other = cohort;
    other.push_back(hageman_arrindell(test::score(p, 22), test::score(p, 2), p, g, 1.96));
    EXPECT_INVALID_AT(summarize(other), "outcomes[3]");
}

// SPDX-License-Identifier: Apache-2.0
// Column-wise change statistics (outcomes/columns.hpp) must give, pair by pair, exactly what the
// one-pair functions give (Jacobson & Truax 1991; CORE-10 worked example of instruments.md §3.1:
// 22 -> 12 with s1 7.7, alpha .90 gives RCI -2.903984), and the baseline/latest pass must pick
// what a stable sort followed by first/last picks.
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include <theracore/outcomes/columns.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {
const double missing = std::numeric_limits<double>::quiet_NaN();
}

TEST(ReliableChangeColumns, EqualsOnePairAtATime) {
    const auto p = test::core10_parameters();
    const auto t = jacobson_truax_threshold(p);
    std::mt19937 gen(7);
    std::uniform_int_distribution<int> d(0, 40);
    std::vector<double> pre(1000), post(1000), rci(1000);
    std::vector<std::int8_t> kind(1000);
    for (std::size_t i = 0; i < pre.size(); ++i) {
        pre[i] = d(gen);
        post[i] = d(gen);
    }
    pre[0] = 22;
    post[0] = 12;
    reliable_change_columns(t, pre.data(), post.data(), pre.size(), rci.data(), kind.data());
    EXPECT_NEAR(rci[0], -2.903984, 1e-6);
    for (std::size_t i = 0; i < pre.size(); ++i) {
        const auto one = jacobson_truax_rci(test::score(p, pre[i]), test::score(p, post[i]), p);
        EXPECT_EQ(rci[i], one.rci);
        EXPECT_EQ(kind[i], static_cast<std::int8_t>(one.kind));
    }
}

TEST(ReliableChangeColumns, MissingScoresGiveMissingResults) {
    const auto t = jacobson_truax_threshold(test::core10_parameters());
    const std::vector<double> pre{missing, 22, 22};
    const std::vector<double> post{12, missing, 12};
    std::vector<double> rci(3);
    std::vector<std::int8_t> kind(3);
    reliable_change_columns(t, pre.data(), post.data(), 3, rci.data(), kind.data());
    EXPECT_TRUE(std::isnan(rci[0]));
    EXPECT_TRUE(std::isnan(rci[1]));
    EXPECT_EQ(kind[0], missing_code);
    EXPECT_EQ(kind[1], missing_code);
    EXPECT_EQ(kind[2], static_cast<std::int8_t>(change_kind::reliable_improvement));
}

TEST(ReliableChangeColumns, InfiniteAndOutOfRangeScoresAreNamedAndNothingIsWritten) {
    auto p = test::core10_parameters();
    p.range = score_range{0, 40};
    const auto t = jacobson_truax_threshold(p);
    const std::vector<double> pre{1, std::numeric_limits<double>::infinity(), 3};
    const std::vector<double> post{1, 2, 41};
    std::vector<double> rci(3, 123);
    std::vector<std::int8_t> kind(3, 5);
    try {
        reliable_change_columns(t, pre.data(), post.data(), 3, rci.data(), kind.data());
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 2u);
        EXPECT_EQ(e.problems()[0].path, "pre[1]");
        EXPECT_EQ(e.problems()[1].path, "post[2]");
        EXPECT_NE(e.problems()[1].message.find("outside the score range 0–40"), std::string::npos);
    }
    EXPECT_EQ(rci[0], 123);
    EXPECT_EQ(kind[0], 5);
}

TEST(ReliableChangeColumns, ReportsAtMostTenRows) {
    const auto t = jacobson_truax_threshold(test::core10_parameters());
    const std::vector<double> pre(50, std::numeric_limits<double>::infinity());
    const std::vector<double> post(50, 1);
    std::vector<double> rci(50);
    std::vector<std::int8_t> kind(50);
    try {
        reliable_change_columns(t, pre.data(), post.data(), 50, rci.data(), kind.data());
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 11u);
        EXPECT_EQ(e.problems().back().message, "… and 40 more");
    }
}

TEST(JacobsonTruaxColumns, EqualsOnePairAtATimeInBothDirections) {
    for (const auto& p : {test::core10_parameters(), test::who5_parameters()}) {
        const auto t = jacobson_truax_threshold(p);
        const auto cutoffs = clinical_cutoffs(p);
        std::vector<double> pre, post;
        for (int a = 0; a <= 40; a += 3) {
            for (int b = 0; b <= 40; b += 3) {
                pre.push_back(a);
                post.push_back(b);
            }
        }
        const auto n = pre.size();
        std::vector<double> rci(n);
        std::vector<std::int8_t> kind(n), category(n);
        jacobson_truax_columns(t, cutoffs.c, pre.data(), post.data(), n, rci.data(), kind.data(),
                               category.data());
        for (std::size_t i = 0; i < n; ++i) {
            const auto one = jacobson_truax(test::score(p, pre[i]), test::score(p, post[i]), p,
                                            cutoff_criterion::c);
            EXPECT_EQ(rci[i], one.change.rci);
            ASSERT_TRUE(one.category.has_value());
            EXPECT_EQ(category[i], static_cast<std::int8_t>(*one.category))
                << pre[i] << "->" << post[i];
        }
    }
}

TEST(JacobsonTruaxColumns, UnusableCutoffLeavesImprovementsUncategorised) {
    const auto p = test::core10_parameters();
    const auto t = jacobson_truax_threshold(p);
    cutoff_estimate unusable;  // no value
    const std::vector<double> pre{30, 10, 10, missing};
    const std::vector<double> post{10, 30, 12, 10};
    std::vector<double> rci(4);
    std::vector<std::int8_t> kind(4), category(4);
    jacobson_truax_columns(t, unusable, pre.data(), post.data(), 4, rci.data(), kind.data(),
                           category.data());
    EXPECT_EQ(category[0], missing_code);
    EXPECT_EQ(category[1], static_cast<std::int8_t>(jacobson_truax_category::deteriorated));
    EXPECT_EQ(category[2], static_cast<std::int8_t>(jacobson_truax_category::unchanged));
    EXPECT_EQ(category[3], missing_code);
}

TEST(ClinicalCutoffsFromNorms, MatchesTheParameterForm) {
    // CORE-10 norms (Connell & Barkham 2007): M1 19.7, s1 7.7, M0 4.7, s0 4.8 give a = 4.3,
    // b = 14.3, c = 10.46.
    const auto r =
        clinical_cutoffs(population_norm{4.7, 4.8, {}, {}}, population_norm{19.7, 7.7, {}, {}},
                         score_direction::lower_is_better);
    EXPECT_NEAR(*r.a.value, 4.3, 1e-9);
    EXPECT_NEAR(*r.b.value, 14.3, 1e-9);
    EXPECT_NEAR(*r.c.value, 10.46, 1e-9);
    const auto p = test::core10_parameters();
    EXPECT_EQ(*clinical_cutoffs(p).c.value,
              *clinical_cutoffs(*p.functional, *p.dysfunctional, p.direction).c.value);
    const auto hb =
        clinical_cutoffs(population_norm{70, 10, {}, {}}, population_norm{40, 10, {}, {}},
                         score_direction::higher_is_better);
    EXPECT_NEAR(*hb.a.value, 60, 1e-9);
    EXPECT_NEAR(*hb.b.value, 50, 1e-9);
}

TEST(ClinicalCutoffColumns, EqualsOneRowAtATimeAndNamesTheBadRow) {
    const double mean_clinical[] = {19.7, 40};
    const double sd_clinical[] = {7.7, 10};
    const double mean_functional[] = {4.7, 70};
    const double sd_functional[] = {4.8, 10};
    double a[2];
    double b[2];
    double c[2];
    clinical_cutoff_columns(mean_clinical, sd_clinical, mean_functional, sd_functional, 2,
                            score_direction::lower_is_better, a, b, c);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto r =
            clinical_cutoffs(population_norm{mean_functional[i], sd_functional[i], {}, {}},
                             population_norm{mean_clinical[i], sd_clinical[i], {}, {}},
                             score_direction::lower_is_better);
        EXPECT_EQ(a[i], *r.a.value);
        EXPECT_EQ(b[i], *r.b.value);
        EXPECT_EQ(c[i], *r.c.value);
    }
    const double bad_sd[] = {7.7, 0};
    try {
        clinical_cutoff_columns(mean_clinical, bad_sd, mean_functional, sd_functional, 2,
                                score_direction::lower_is_better, a, b, c);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "[1].dysfunctional.sd");
    }
}

TEST(ClinicalCutoffsFromNorms, RejectsEveryBadNorm) {
    try {
        (void)clinical_cutoffs(population_norm{missing, 4.8, {}, {}},
                               population_norm{19.7, 0, {}, {}}, score_direction::lower_is_better,
                               score_range{5, 1});
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 3u);
        EXPECT_EQ(e.problems()[0].path, "functional.mean");
        EXPECT_EQ(e.problems()[1].path, "dysfunctional.sd");
        EXPECT_EQ(e.problems()[2].path, "range.max");
    }
}

namespace {

/// What a stable sort by (client, time) followed by first/last per client gives.
std::map<std::int64_t, std::pair<double, double>> reference(const std::vector<std::int64_t>& c,
                                                            const std::vector<std::int64_t>& t,
                                                            const std::vector<double>& v) {
    std::map<std::int64_t, std::pair<std::int64_t, double>> first, last;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (std::isnan(v[i])) {
            continue;
        }
        auto f = first.find(c[i]);
        if (f == first.end() || t[i] < f->second.first) {
            first[c[i]] = {t[i], v[i]};
        }
        auto l = last.find(c[i]);
        if (l == last.end() || t[i] >= l->second.first) {
            last[c[i]] = {t[i], v[i]};
        }
    }
    std::map<std::int64_t, std::pair<double, double>> out;
    for (const auto& [k, f] : first) {
        out[k] = {f.second, last[k].second};
    }
    return out;
}

void check_against_reference(std::int64_t code_scale) {
    std::mt19937 gen(11);
    std::uniform_int_distribution<int> client(0, 199), day(0, 30), score(0, 27);
    std::vector<std::int64_t> c(5000), t(5000);
    std::vector<double> v(5000);
    for (std::size_t i = 0; i < c.size(); ++i) {
        c[i] = client(gen) * code_scale;
        t[i] = day(gen);
        v[i] = i % 97 == 0 ? missing : score(gen);
    }
    const auto r = baseline_latest(c.data(), t.data(), v.data(), c.size());
    const auto ref = reference(c, t, v);
    ASSERT_EQ(r.client.size(), ref.size());
    std::int64_t rows = 0;
    for (std::size_t j = 0; j < r.client.size(); ++j) {
        const auto& e = ref.at(r.client[j]);
        EXPECT_EQ(r.baseline[j], e.first);
        EXPECT_EQ(r.latest[j], e.second);
        EXPECT_LE(r.baseline_time[j], r.latest_time[j]);
        rows += r.count[j];
    }
    EXPECT_EQ(rows, 5000 - (5000 + 96) / 97);
    // Clients come in order of their first usable row.
    std::vector<std::int64_t> order;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!std::isnan(v[i]) && std::find(order.begin(), order.end(), c[i]) == order.end()) {
            order.push_back(c[i]);
        }
    }
    EXPECT_EQ(r.client, order);
}

}  // namespace

TEST(BaselineLatest, DenseCodesMatchSortThenFirstLast) {
    check_against_reference(1);
}

TEST(BaselineLatest, SparseCodesUseTheHashPathWithTheSameResult) {
    check_against_reference(1'000'000'007LL);
}

TEST(BaselineLatest, SkipsMissingTimesAndEmptyInput) {
    const std::vector<std::int64_t> c{1, 1, 2};
    const std::vector<std::int64_t> t{std::numeric_limits<std::int64_t>::min(), 5, 3};
    const std::vector<double> v{10, 20, missing};
    const auto r = baseline_latest(c.data(), t.data(), v.data(), 3);
    ASSERT_EQ(r.client, std::vector<std::int64_t>{1});
    EXPECT_EQ(r.count[0], 1);
    EXPECT_EQ(r.baseline[0], 20);
    EXPECT_TRUE(baseline_latest(c.data(), t.data(), v.data(), 0).client.empty());
    const std::vector<std::int64_t> negative{-5, -5};
    const std::vector<std::int64_t> same{4, 4};
    const std::vector<double> two{1, 2};
    const auto neg = baseline_latest(negative.data(), same.data(), two.data(), 2);
    EXPECT_EQ(neg.client, std::vector<std::int64_t>{-5});
    EXPECT_EQ(neg.baseline[0], 1);  // same time: the first-listed row is the baseline
    EXPECT_EQ(neg.latest[0], 2);    // and the last-listed the latest
}

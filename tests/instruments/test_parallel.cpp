// SPDX-License-Identifier: Apache-2.0
// score_rows_parallel: the rows split among threads give the one-thread result, strict mode
// raises for the row one thread raises for; and the reason texts of rows that are not ok.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/builtin_catalog.hpp>

using namespace theracore;
using namespace theracore::instruments;

namespace {

constexpr double na = std::numeric_limits<double>::quiet_NaN();

/// Row-major random answers for `inst`: mostly allowed values, some missing, a few invalid
/// (`invalid_share` of the cells).
std::vector<double> random_rows(const instrument& inst, std::size_t rows, std::uint32_t seed,
                                double invalid_share) {
    const auto& d = inst.data();
    const std::size_t k = d.items.size();
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<std::vector<double>> allowed(k);
    for (std::size_t i = 0; i < k; ++i) {
        for (const auto& rs : d.response_scales) {
            if (rs.id != d.items[i].response_scale) {
                continue;
            }
            for (const auto& o : rs.options) {
                allowed[i].push_back(o.value);
            }
            for (int step = 0; rs.range && step <= 12; ++step) {
                allowed[i].push_back(rs.range->min + step);
            }
        }
    }
    std::vector<double> out(rows * k);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t i = 0; i < k; ++i) {
            const double p = u(rng);
            double& cell = out[r * k + i];
            if (p < 0.05) {
                cell = na;
            } else if (p < 0.05 + invalid_share) {
                cell = 97;
            } else {
                cell = allowed[i][rng() % allowed[i].size()];
            }
        }
    }
    return out;
}

template <class T>
bool same_bytes(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void expect_same(const batch_result& a, const batch_result& b) {
    ASSERT_EQ(a.rows, b.rows);
    EXPECT_TRUE(same_bytes(a.status, b.status));
    EXPECT_TRUE(same_bytes(a.first_invalid, b.first_invalid));
    EXPECT_TRUE(same_bytes(a.answered, b.answered));
    EXPECT_TRUE(same_bytes(a.missing, b.missing));
    EXPECT_TRUE(same_bytes(a.flags, b.flags));
    EXPECT_TRUE(same_bytes(a.flags_unknown, b.flags_unknown));
    EXPECT_TRUE(same_bytes(a.cut_offs, b.cut_offs));
    ASSERT_EQ(a.scales.size(), b.scales.size());
    for (std::size_t k = 0; k < a.scales.size(); ++k) {
        EXPECT_EQ(a.scales[k].scale, b.scales[k].scale);
        EXPECT_TRUE(same_bytes(a.scales[k].value, b.scales[k].value)) << a.scales[k].scale;
        EXPECT_TRUE(same_bytes(a.scales[k].band, b.scales[k].band)) << a.scales[k].scale;
        EXPECT_TRUE(same_bytes(a.scales[k].status, b.scales[k].status)) << a.scales[k].scale;
        EXPECT_TRUE(same_bytes(a.scales[k].prorated, b.scales[k].prorated)) << a.scales[k].scale;
    }
    ASSERT_EQ(a.derived.size(), b.derived.size());
    for (std::size_t k = 0; k < a.derived.size(); ++k) {
        EXPECT_TRUE(same_bytes(a.derived[k].level, b.derived[k].level)) << a.derived[k].rule;
        EXPECT_TRUE(same_bytes(a.derived[k].determined, b.derived[k].determined));
    }
}

class Parallel : public ::testing::TestWithParam<std::string> {};

// 3 000 rows with at least 256 rows per thread: up to 11 threads, chunk edges inside kernel
// blocks of other threads' neighbours and a short last chunk.
TEST_P(Parallel, ManyThreadsGiveTheOneThreadResult) {
    const auto& inst = builtin_catalog().at(GetParam());
    const std::size_t rows = 3000;
    const auto data = random_rows(inst, rows, 7, 0.01);
    const auto view = batch_view::row_major(data.data(), rows, inst.items().size());
    const auto one = score_batch(inst, view);
    for (std::size_t threads : {2U, 3U, 4U, 7U, 16U}) {
        auto out = make_batch_result(inst.plan(), rows);
        score_rows_parallel(inst.plan(), view, out, threads, {}, 256);
        expect_same(one, out);
    }
    // The defaults (every hardware thread, 32 768 rows per thread) score this view on one.
    auto out = make_batch_result(inst.plan(), rows);
    score_rows_parallel(inst.plan(), view, out, 0);
    expect_same(one, out);
}

TEST_P(Parallel, StrictModeRaisesForTheSameRowAsOneThread) {
    const auto& inst = builtin_catalog().at(GetParam());
    const std::size_t rows = 2000;
    const std::size_t k = inst.items().size();
    // Every row answers each item's first option (valid under every skip rule of these).
    std::vector<double> data(rows * k);
    for (std::size_t i = 0; i < k; ++i) {
        const auto& d = inst.data();
        double first = 0;
        for (const auto& rs : d.response_scales) {
            if (rs.id == d.items[i].response_scale && !rs.options.empty()) {
                first = rs.options.front().value;
            }
        }
        for (std::size_t r = 0; r < rows; ++r) {
            data[r * k + i] = first;
        }
    }
    {
        const auto clean = score_batch(inst, batch_view::row_major(data.data(), rows, k));
        ASSERT_EQ(std::count(clean.status.begin(), clean.status.end(), row_status::invalid), 0);
    }
    // Only rows 1500 and 1900 are invalid: both in later threads' ranges.
    data[1500 * k] = 97;
    data[1900 * k + k - 1] = 97;
    const auto view = batch_view::row_major(data.data(), rows, k);
    std::string one_path, one_message;
    try {
        (void)score_batch(inst, view, {true});
        FAIL() << "strict scoring accepted an invalid row";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1U);
        one_path = e.problems()[0].path;
        one_message = e.problems()[0].message;
    }
    EXPECT_EQ(one_path.rfind("[1500].", 0), 0U) << one_path;
    for (std::size_t threads : {1U, 2U, 5U}) {
        auto out = make_batch_result(inst.plan(), rows);
        try {
            score_rows_parallel(inst.plan(), view, out, threads, {true}, 256);
            FAIL() << "strict parallel scoring accepted an invalid row";
        } catch (const validation_error& e) {
            ASSERT_EQ(e.problems().size(), 1U);
            EXPECT_EQ(e.problems()[0].path, one_path);
            EXPECT_EQ(e.problems()[0].message, one_message);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(SomeBuiltins, Parallel,
                         ::testing::Values("phq9", "audit", "dass21", "k10", "pcl5"));

TEST(ParallelScoring, BadShapesThrowBeforeAnyThreadStarts) {
    const auto& inst = builtin_catalog().at("gad7");
    std::vector<double> data(1000 * 3, 1);
    const auto view = batch_view::row_major(data.data(), 1000, 3);
    auto out = make_batch_result(inst.plan(), 1000);
    EXPECT_THROW(score_rows_parallel(inst.plan(), view, out, 4, {}, 100), validation_error);
    EXPECT_THROW(score_rows_parallel(scoring_plan(), view, out, 4), validation_error);
}

TEST(RowReason, NamesTheInvalidItemTheFirstUnscoredScaleOrTheUndeterminedRule) {
    EXPECT_EQ(describe(scale_status::scored), "scored");
    EXPECT_EQ(describe(scale_status::too_many_missing), "too many items missing");
    EXPECT_EQ(describe(scale_status::required_missing), "a required item is missing");
    EXPECT_EQ(describe(scale_status::nothing_answered), "no item answered");
    EXPECT_EQ(describe(scale_status::not_applicable), "no item applies");
    EXPECT_EQ(describe(scale_status::invalid_row), "invalid answers");
    EXPECT_EQ(to_string(row_status::not_scorable), "not_scorable");

    const auto& inst = builtin_catalog().at("phq9");
    const std::vector<double> rows = {
        1,  1,  1, 1, 1, 1, 1, 1, 0,  // ok
        1,  1,  7, 1, 1, 1, 1, 1, 0,  // invalid answer to item 3
        na, na, 1, 1, 1, 1, 1, 1, 0   // two missing: total not scored
    };
    const auto view = batch_view::row_major(rows.data(), 3, 9);
    const auto out = score_batch(inst, view);
    const auto& ids = inst.plan().item_ids();
    EXPECT_EQ(row_reason(out, 0, ids), "");
    EXPECT_EQ(row_reason(out, 1, ids), "invalid answer to phq9_3");
    EXPECT_EQ(row_reason(out, 1, {"a", "b", "c", "d", "e", "f", "g", "h", "i"}),
              "invalid answer to c");
    ASSERT_EQ(out.status[2], row_status::not_scorable);
    const auto reason = row_reason(out, 2, ids);
    EXPECT_EQ(reason.rfind(out.scales[0].scale + ": ", 0), 0U) << reason;
    EXPECT_EQ(reason, scale_reason(out.scales[0].scale, out.scales[0].status[2]));
    EXPECT_THROW((void)row_reason(out, 3, ids), std::out_of_range);
    EXPECT_THROW((void)row_reason(out, 1, {"a"}), std::out_of_range);
    EXPECT_EQ(invalid_answer_reason("q3"), "invalid answer to q3");
    EXPECT_EQ(undetermined_reason("mdd"), "mdd: undetermined (missing answers)");
}

}  // namespace

// SPDX-License-Identifier: Apache-2.0
// score_batch() and score_rows() allocate a fixed number of blocks whatever the number of rows
// (docs/performance.md, target 5: no per-row allocation), for row- and column-major views of
// doubles with NaN and invalid cells and of integer columns with a missing code. A counting global
// operator new (this test is its own executable, so no other test sees it) counts allocations; no
// timing.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <new>
#include <random>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/builtin_catalog.hpp>

#include "instruments/check.hpp"

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    return ::operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
    return ::operator new(size, tag);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}

using namespace theracore::instruments;

namespace {

/// Allocations made while `f` runs.
template <class F>
long count_allocations(F&& f) {
    const long before = allocations.load();
    f();
    return allocations.load() - before;
}

/// Row-major answers for `inst`'s scored columns: allowed values, about 5 % NaN and 2 % invalid
/// (a value no item accepts), so that missing-data rules and invalid rows are exercised.
std::vector<double> answers(const instrument& inst, std::size_t rows, std::size_t cols) {
    const auto& d = inst.data();
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> out(rows * cols);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t j = 0; j < cols; ++j) {
            const auto* rs = detail::find_response_scale(d, d.items[j].response_scale);
            const double p = u(rng);
            // A numeric range (PG-13-R's months) has no options; its minimum is allowed.
            const double allowed = rs->options.empty()
                                       ? rs->range->min
                                       : rs->options[rng() % rs->options.size()].value;
            out[r * cols + j] = p < 0.05   ? std::numeric_limits<double>::quiet_NaN()
                                : p < 0.07 ? 1000.5
                                           : allowed;
        }
    }
    return out;
}

std::vector<double> transposed(const std::vector<double>& row_major, std::size_t rows,
                               std::size_t cols) {
    std::vector<double> out(row_major.size());
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t j = 0; j < cols; ++j) {
            out[j * rows + r] = row_major[r * cols + j];
        }
    }
    return out;
}

/// NaN becomes the missing code -99; non-integers (the invalid cells) become 1000.
std::vector<std::int64_t> as_integers(const std::vector<double>& v) {
    std::vector<std::int64_t> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        out[i] = std::isnan(v[i]) ? -99 : static_cast<std::int64_t>(std::floor(v[i]));
    }
    return out;
}

/// Allocations of score_batch and of score_rows into existing columns, for `rows` rows of
/// `inst` in each layout and element type.
struct counts {
    long batch_row_f64, batch_col_f64, batch_row_i64, batch_col_i64, rows_row_f64, rows_col_i64;
};

counts allocations_for(const instrument& inst, std::size_t rows) {
    const auto& plan = inst.plan();
    const std::size_t cols = plan.required_columns();
    const auto rm = answers(inst, rows, cols);
    const auto cm = transposed(rm, rows, cols);
    const auto rm_i = as_integers(rm);
    const auto cm_i = as_integers(cm);
    const auto v_rm = batch_view::row_major(rm.data(), rows, cols);
    const auto v_cm = batch_view::column_major(cm.data(), rows, cols);
    const auto v_rm_i = batch_view::row_major(rm_i.data(), rows, cols, -99);
    const auto v_cm_i = batch_view::column_major(cm_i.data(), rows, cols, -99);
    auto out = make_batch_result(plan, rows);
    counts c{};
    c.batch_row_f64 = count_allocations([&] { (void)score_batch(plan, v_rm); });
    c.batch_col_f64 = count_allocations([&] { (void)score_batch(plan, v_cm); });
    c.batch_row_i64 = count_allocations([&] { (void)score_batch(plan, v_rm_i); });
    c.batch_col_i64 = count_allocations([&] { (void)score_batch(plan, v_cm_i); });
    c.rows_row_f64 = count_allocations([&] { score_rows(plan, v_rm, 0, rows, out); });
    c.rows_col_i64 = count_allocations([&] { score_rows(plan, v_cm_i, 0, rows, out); });
    // The data really had invalid and missing rows (else the test would prove less).
    const auto check = score_batch(plan, v_rm);
    std::size_t invalid = 0;
    for (auto s : check.status) {
        invalid += s == row_status::invalid ? 1 : 0;
    }
    EXPECT_GT(invalid, 0U);
    EXPECT_LT(invalid, rows);
    return c;
}

TEST(BatchAllocations, TheCounterSeesAllocations) {
    EXPECT_GE(count_allocations([] { std::vector<int> v(1000, 1); }), 1);
}

class BatchAllocations : public ::testing::TestWithParam<std::string> {};

TEST_P(BatchAllocations, CountDoesNotGrowWithRowsInAnyLayoutOrType) {
    const auto& inst = builtin_catalog().at(GetParam());
    // Both sizes span several of the kernel's blocks of rows.
    const auto small = allocations_for(inst, 1000);
    const auto large = allocations_for(inst, 50000);
    EXPECT_EQ(small.batch_row_f64, large.batch_row_f64);
    EXPECT_EQ(small.batch_col_f64, large.batch_col_f64);
    EXPECT_EQ(small.batch_row_i64, large.batch_row_i64);
    EXPECT_EQ(small.batch_col_i64, large.batch_col_i64);
    EXPECT_EQ(small.rows_row_f64, large.rows_row_f64);
    EXPECT_EQ(small.rows_col_i64, large.rows_col_i64);
    // A handful of buffers and result columns, nowhere near one per row.
    EXPECT_LT(large.batch_row_f64, 200);
    EXPECT_LT(large.rows_row_f64, 100);
}

INSTANTIATE_TEST_SUITE_P(EveryBuiltin, BatchAllocations,
                         ::testing::ValuesIn(builtin_catalog().ids()),
                         [](const ::testing::TestParamInfo<std::string>& id) { return id.param; });

}  // namespace

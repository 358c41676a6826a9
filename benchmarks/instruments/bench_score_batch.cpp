// SPDX-License-Identifier: Apache-2.0
// Batch scoring throughput (docs/performance.md, targets 1 and 5). Every figure is a ratio taken in
// this one binary on the same buffers: full scoring (`score_rows` into result columns made once,
// and `score_batch`, which also allocates them) beside a bare unchecked sum of the same cells, and
// a streaming read of a large buffer for the machine's bandwidth. Benchmark names are
// `<kind>/<instrument>/<cells>/<layout>/<rows>` so that benchmarks/plot_throughput.py can read
// them back from --benchmark_out JSON. Times are CPU time (the machines are shared: time spent
// descheduled is not the code's); the JSON also holds wall-clock time.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/builtin_catalog.hpp>

#include "instruments/check.hpp"

namespace {

using namespace theracore::instruments;

enum class cells { f64_nan, i64 };
enum class layout { row_major, column_major };

const char* name_of(cells c) {
    return c == cells::f64_nan ? "f64_nan" : "i64";
}
const char* name_of(layout l) {
    return l == layout::row_major ? "row_major" : "column_major";
}

/// splitmix64: fast and reproducible; generating 10^7 rows must not dominate the run.
struct random_bits {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};

/// The answers the scored columns accept, per column (every option of the item's scale).
std::vector<std::vector<double>> allowed_answers(const instrument& inst, std::size_t cols) {
    const auto& d = inst.data();
    std::vector<std::vector<double>> out(cols);
    for (std::size_t i = 0; i < cols; ++i) {
        for (const auto& o : detail::find_response_scale(d, d.items[i].response_scale)->options) {
            out[i].push_back(o.value);
        }
    }
    return out;
}

/// One table of answers: `rows` × the instrument's scored columns, allowed answers drawn at
/// random; in the double table 2 % of cells are NaN (missing), as in the reference
/// figures; the integer table has no missing cells (pandas int64 columns cannot hold NaN).
struct table {
    std::string id;
    cells type = cells::f64_nan;
    layout order = layout::row_major;
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> f64;
    std::vector<std::int64_t> i64;

    [[nodiscard]] std::size_t bytes() const { return rows * cols * 8; }

    [[nodiscard]] batch_view view() const {
        if (type == cells::f64_nan) {
            return order == layout::row_major ? batch_view::row_major(f64.data(), rows, cols)
                                              : batch_view::column_major(f64.data(), rows, cols);
        }
        return order == layout::row_major ? batch_view::row_major(i64.data(), rows, cols)
                                          : batch_view::column_major(i64.data(), rows, cols);
    }
};

std::unique_ptr<table> make_table(const std::string& id, cells type, layout order,
                                  std::size_t rows) {
    const auto& inst = builtin_catalog().at(id);
    auto t = std::make_unique<table>();
    t->id = id;
    t->type = type;
    t->order = order;
    t->rows = rows;
    t->cols = inst.plan().required_columns();
    const auto allowed = allowed_answers(inst, t->cols);
    random_bits rng{0x7e4ac07eULL + rows};
    const std::size_t n = rows * t->cols;
    if (type == cells::f64_nan) {
        t->f64.resize(n);
    } else {
        t->i64.resize(n);
    }
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t j = 0; j < t->cols; ++j) {
            const std::uint64_t bits = rng.next();
            const auto& a = allowed[j];
            const double v = a[static_cast<std::size_t>(bits % a.size())];
            const std::size_t at = order == layout::row_major ? r * t->cols + j : j * rows + r;
            if (type == cells::f64_nan) {
                t->f64[at] = (bits >> 32) % 50 == 0 ? std::numeric_limits<double>::quiet_NaN() : v;
            } else {
                t->i64[at] = static_cast<std::int64_t>(v);
            }
        }
    }
    return t;
}

/// The table of the benchmark running now. Benchmarks on one table are registered (and so run)
/// one after another, so keeping only the latest bounds memory to one table.
const table& table_for(const std::string& id, cells type, layout order, std::size_t rows) {
    static std::unique_ptr<table> current;
    if (!current || current->id != id || current->type != type || current->order != order ||
        current->rows != rows) {
        current.reset();
        current = make_table(id, type, order, rows);
    }
    return *current;
}

void set_counters(benchmark::State& state, const table& t) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(t.bytes()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(t.rows));
    state.counters["cols"] = static_cast<double>(t.cols);
}

/// The bare loop a user would write: sum each row's cells, no checks, no missing-data rule.
template <class T>
void bare_sum(const T* data, std::size_t rows, std::size_t cols, layout order, double* out) {
    if (order == layout::row_major) {
        for (std::size_t r = 0; r < rows; ++r) {
            const T* row = data + r * cols;
            double s = 0;
            for (std::size_t j = 0; j < cols; ++j) {
                s += static_cast<double>(row[j]);
            }
            out[r] = s;
        }
        return;
    }
    for (std::size_t r = 0; r < rows; ++r) {
        out[r] = 0;
    }
    for (std::size_t j = 0; j < cols; ++j) {
        const T* col = data + j * rows;
        for (std::size_t r = 0; r < rows; ++r) {
            out[r] += static_cast<double>(col[r]);
        }
    }
}

void bm_bare_sum(benchmark::State& state, std::string id, cells type, layout order,
                 std::size_t rows) {
    const auto& t = table_for(id, type, order, rows);
    std::vector<double> out(rows);
    for (auto _ : state) {
        if (type == cells::f64_nan) {
            bare_sum(t.f64.data(), t.rows, t.cols, order, out.data());
        } else {
            bare_sum(t.i64.data(), t.rows, t.cols, order, out.data());
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    set_counters(state, t);
}

/// Full scoring into result columns made once (as a caller scoring chunks would).
void bm_score_rows(benchmark::State& state, std::string id, cells type, layout order,
                   std::size_t rows) {
    const auto& t = table_for(id, type, order, rows);
    const auto& plan = builtin_catalog().at(id).plan();
    const auto view = t.view();
    auto out = make_batch_result(plan, rows);
    for (auto _ : state) {
        score_rows(plan, view, 0, rows, out);
        benchmark::DoNotOptimize(out.status.data());
        benchmark::ClobberMemory();
    }
    set_counters(state, t);
}

/// Full scoring including allocating the result columns (`score_batch`).
void bm_score_batch(benchmark::State& state, std::string id, cells type, layout order,
                    std::size_t rows) {
    const auto& t = table_for(id, type, order, rows);
    const auto& plan = builtin_catalog().at(id).plan();
    const auto view = t.view();
    for (auto _ : state) {
        auto out = score_batch(plan, view);
        benchmark::DoNotOptimize(out.status.data());
        benchmark::ClobberMemory();
    }
    set_counters(state, t);
}

/// One administration through `score()` (validation of the answers, the kernel on one row and
/// the detailed result with its strings).
void bm_score_single(benchmark::State& state, std::string id) {
    const auto& inst = builtin_catalog().at(id);
    const auto t = make_table(id, cells::f64_nan, layout::row_major, 1);
    std::vector<answer> answers;
    for (std::size_t j = 0; j < t->cols; ++j) {
        answers.emplace_back(std::isnan(t->f64[j]) ? 0.0 : t->f64[j]);
    }
    const auto r = responses::ordered(answers);
    for (auto _ : state) {
        auto res = score(inst, r);
        benchmark::DoNotOptimize(res);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

/// Streaming read bandwidth: a 512 MiB buffer (far beyond the caches) summed with independent
/// accumulators, so that memory, not the adder, is the limit.
void bm_stream_read(benchmark::State& state) {
    constexpr std::size_t words = (std::size_t{512} << 20) / sizeof(std::uint64_t);
    std::vector<std::uint64_t> buffer(words);
    for (std::size_t i = 0; i < words; ++i) {
        buffer[i] = i;
    }
    for (auto _ : state) {
        std::uint64_t a = 0, b = 0, c = 0, d = 0;
        for (std::size_t i = 0; i < words; i += 4) {
            a += buffer[i];
            b += buffer[i + 1];
            c += buffer[i + 2];
            d += buffer[i + 3];
        }
        benchmark::DoNotOptimize(a + b + c + d);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(words * sizeof(std::uint64_t)));
}

/// A study frame: the five instruments' columns side by side in one row-major table of doubles
/// (2 % NaN); the first `m` instruments are scored through strided views into it, so time per
/// row shows how cost grows with instruments per row.
void bm_study_frame(benchmark::State& state, std::vector<std::string> ids, std::size_t rows) {
    const std::size_t m = static_cast<std::size_t>(state.range(0));
    std::vector<std::size_t> offset;
    std::size_t width = 0;
    for (const auto& id : ids) {
        offset.push_back(width);
        width += builtin_catalog().at(id).plan().required_columns();
    }
    std::vector<double> frame(rows * width);
    random_bits rng{0x5713d7ULL};
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const auto& inst = builtin_catalog().at(ids[k]);
        const std::size_t cols = inst.plan().required_columns();
        const auto allowed = allowed_answers(inst, cols);
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t j = 0; j < cols; ++j) {
                const std::uint64_t bits = rng.next();
                const auto& a = allowed[j];
                frame[r * width + offset[k] + j] =
                    (bits >> 32) % 50 == 0 ? std::numeric_limits<double>::quiet_NaN()
                                           : a[static_cast<std::size_t>(bits % a.size())];
            }
        }
    }
    std::vector<scoring_plan> plans;
    std::vector<batch_view> views;
    std::vector<batch_result> results;
    std::size_t items = 0;
    for (std::size_t k = 0; k < m; ++k) {
        plans.push_back(builtin_catalog().at(ids[k]).plan());
        const std::size_t cols = plans.back().required_columns();
        items += cols;
        views.push_back(batch_view::strided(frame.data() + offset[k], rows, cols,
                                            static_cast<std::ptrdiff_t>(width * sizeof(double)),
                                            static_cast<std::ptrdiff_t>(sizeof(double))));
        results.push_back(make_batch_result(plans.back(), rows));
    }
    for (auto _ : state) {
        for (std::size_t k = 0; k < m; ++k) {
            score_rows(plans[k], views[k], 0, rows, results[k]);
            benchmark::DoNotOptimize(results[k].status.data());
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(rows));
    state.counters["items_per_row"] = static_cast<double>(items);
}

const std::vector<std::string>& instrument_ids() {
    static const std::vector<std::string> ids{"phq9", "gad7", "dass21", "pcl5", "core10"};
    return ids;
}

void register_all() {
    benchmark::RegisterBenchmark("stream_read", bm_stream_read)->Unit(benchmark::kMillisecond);
    for (const auto& id : instrument_ids()) {
        benchmark::RegisterBenchmark(("score_single/" + id).c_str(), bm_score_single, id)
            ->Unit(benchmark::kNanosecond);
    }
    for (const auto& id : instrument_ids()) {
        for (const cells type : {cells::f64_nan, cells::i64}) {
            for (const layout order : {layout::row_major, layout::column_major}) {
                for (const std::size_t rows : {std::size_t{10000}, std::size_t{100000},
                                               std::size_t{1000000}, std::size_t{10000000}}) {
                    const std::string suffix = "/" + id + "/" + name_of(type) + "/" +
                                               name_of(order) + "/" + std::to_string(rows);
                    benchmark::RegisterBenchmark(("bare_sum" + suffix).c_str(), bm_bare_sum, id,
                                                 type, order, rows)
                        ->Unit(benchmark::kMicrosecond);
                    benchmark::RegisterBenchmark(("score_rows" + suffix).c_str(), bm_score_rows, id,
                                                 type, order, rows)
                        ->Unit(benchmark::kMicrosecond);
                    benchmark::RegisterBenchmark(("score_batch" + suffix).c_str(), bm_score_batch,
                                                 id, type, order, rows)
                        ->Unit(benchmark::kMicrosecond);
                }
            }
        }
    }
    benchmark::RegisterBenchmark("study_frame/instruments_per_row", bm_study_frame,
                                 instrument_ids(), std::size_t{1000000})
        ->DenseRange(1, static_cast<std::int64_t>(instrument_ids().size()))
        ->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
    register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

// SPDX-License-Identifier: Apache-2.0
// Batch scoring: checking shapes, running the kernel over row ranges, strict mode, and
// splitting rows among threads.
#include <theracore/instruments/batch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "messages.hpp"
#include "plan.hpp"

THERACORE_NAMESPACE_BEGIN
namespace instruments {

namespace {

/// The cell at `row` of `c` as a double; NaN when missing.
double read_cell(const batch_view& view, std::size_t col, std::size_t row) {
    const auto& c = view.columns()[col];
    const auto* p =
        static_cast<const unsigned char*>(c.data) + static_cast<std::ptrdiff_t>(row) * c.stride;
    auto get = [&](auto tag) -> double {
        using T = decltype(tag);
        T raw;
        std::memcpy(&raw, p, sizeof(T));
        if constexpr (std::is_integral_v<T>) {
            if (view.integer_missing() &&
                static_cast<std::int64_t>(raw) == *view.integer_missing()) {
                return std::numeric_limits<double>::quiet_NaN();
            }
        }
        return static_cast<double>(raw);
    };
    switch (c.type) {
        case element_type::f64:
            return get(double{});
        case element_type::f32:
            return get(float{});
        case element_type::i8:
            return get(std::int8_t{});
        case element_type::i16:
            return get(std::int16_t{});
        case element_type::i32:
            return get(std::int32_t{});
        case element_type::i64:
            return get(std::int64_t{});
        case element_type::u8:
            return get(std::uint8_t{});
        case element_type::u16:
            return get(std::uint16_t{});
        case element_type::u32:
            return get(std::uint32_t{});
        case element_type::u64:
            return get(std::uint64_t{});
    }
    return std::numeric_limits<double>::quiet_NaN();
}

void check_shapes(const detail::plan& p, const batch_view& view, std::size_t first,
                  std::size_t last, const batch_result& out) {
    problem_list problems;
    if (view.cols() < p.required_columns || view.cols() > p.items.size()) {
        problems.push_back({"view", "has " + std::to_string(view.cols()) + " columns; expected " +
                                        (p.required_columns == p.items.size()
                                             ? std::to_string(p.items.size())
                                             : std::to_string(p.required_columns) + " to " +
                                                   std::to_string(p.items.size())) +
                                        " (one per item, in form order)"});
    }
    if (first > last || last > view.rows()) {
        problems.push_back({"rows", "[" + std::to_string(first) + ", " + std::to_string(last) +
                                        ") is not within the view's " +
                                        std::to_string(view.rows()) + " rows"});
    }
    if (out.rows != view.rows() || out.scales.size() != p.scales.size() ||
        out.derived.size() != p.derived.size()) {
        problems.push_back({"out", "was not made for this plan and view (make_batch_result)"});
    }
    throw_if_invalid(problems, "cannot score batch");
}

}  // namespace

batch_result make_batch_result(const scoring_plan& plan, std::size_t rows) {
    return detail::make_result(plan.get(), rows);
}

void score_rows(const scoring_plan& plan, const batch_view& view, std::size_t first,
                std::size_t last, batch_result& out, const batch_options& options) {
    const auto& p = plan.get();
    check_shapes(p, view, first, last, out);
    detail::kernel(p, detail::block_rows).run(view, first, last, out);
    if (!options.strict) {
        return;
    }
    for (std::size_t r = first; r < last; ++r) {
        if (out.status[r] != row_status::invalid) {
            continue;
        }
        const auto i = static_cast<std::size_t>(out.first_invalid[r]);
        const double v = read_cell(view, i, r);
        const auto& ip = p.items[i];
        const bool allowed = std::isfinite(v) && ((ip.has_na && v == ip.na) || ip.allowed(v));
        throw validation_error(
            "invalid row in strict batch scoring",
            {{"[" + std::to_string(r) + "]." + p.item_ids[i],
              allowed ? "answered " + detail::num(v) + " although a skip rule does not ask it"
                      : detail::invalid_value_message(ip, v)}});
    }
}

void score_rows_parallel(const scoring_plan& plan, const batch_view& view, batch_result& out,
                         std::size_t threads, const batch_options& options,
                         std::size_t min_rows_per_thread) {
    const std::size_t n = view.rows();
    score_rows(plan, view, 0, 0, out);  // checks the shapes once, before any thread starts
    if (threads == 0) {
        threads = std::max(1U, std::thread::hardware_concurrency());
    }
    threads = std::max<std::size_t>(
        1, std::min(threads, n / std::max<std::size_t>(1, min_rows_per_thread)));
    if (threads == 1) {
        score_rows(plan, view, 0, n, out, options);
        return;
    }
    // Chunk edges on kernel-block boundaries keep each thread's output writes off the others'
    // cache lines.
    const std::size_t b = detail::block_rows;
    const std::size_t chunk = ((n + threads - 1) / threads + b - 1) / b * b;
    std::vector<std::exception_ptr> errors(threads);
    std::vector<std::thread> pool;
    pool.reserve(threads);
    try {
        for (std::size_t t = 0; t < threads; ++t) {
            const std::size_t first = std::min(n, t * chunk);
            const std::size_t last = std::min(n, first + chunk);
            pool.emplace_back([&, t, first, last] {
                try {
                    score_rows(plan, view, first, last, out);
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            });
        }
    } catch (...) {
        for (auto& th : pool) {
            th.join();
        }
        throw;
    }
    for (auto& th : pool) {
        th.join();
    }
    for (const auto& e : errors) {
        if (e) {
            std::rethrow_exception(e);
        }
    }
    if (options.strict) {
        // Re-scoring the first invalid row strictly raises what one thread would have raised.
        const auto it = std::find(out.status.begin(), out.status.end(), row_status::invalid);
        if (it != out.status.end()) {
            const auto r = static_cast<std::size_t>(it - out.status.begin());
            score_rows(plan, view, r, r + 1, out, options);
        }
    }
}

batch_result score_batch(const scoring_plan& plan, const batch_view& view,
                         const batch_options& options) {
    auto out = make_batch_result(plan, view.rows());
    score_rows(plan, view, 0, view.rows(), out, options);
    return out;
}

batch_result score_batch(const instrument& inst, const batch_view& view,
                         const batch_options& options) {
    return score_batch(inst.plan(), view, options);
}

std::string_view describe(scale_status s) noexcept {
    switch (s) {
        case scale_status::scored:
            return "scored";
        case scale_status::too_many_missing:
            return "too many items missing";
        case scale_status::required_missing:
            return "a required item is missing";
        case scale_status::nothing_answered:
            return "no item answered";
        case scale_status::not_applicable:
            return "no item applies";
        case scale_status::invalid_row:
            return "invalid answers";
    }
    return "scored";
}

std::string invalid_answer_reason(std::string_view item) {
    return "invalid answer to " + std::string(item);
}

std::string scale_reason(std::string_view scale, scale_status status) {
    return std::string(scale) + ": " + std::string(describe(status));
}

std::string undetermined_reason(std::string_view rule) {
    return std::string(rule) + ": undetermined (missing answers)";
}

std::string row_reason(const batch_result& out, std::size_t row,
                       const std::vector<std::string>& item_names) {
    if (row >= out.rows || row >= out.status.size()) {
        throw std::out_of_range("row " + std::to_string(row) + " is not below the result's " +
                                std::to_string(out.rows) + " rows");
    }
    switch (out.status[row]) {
        case row_status::ok:
            return {};
        case row_status::invalid:
            return invalid_answer_reason(
                item_names.at(static_cast<std::size_t>(out.first_invalid.at(row))));
        case row_status::not_scorable:
            break;
    }
    for (const auto& s : out.scales) {
        if (s.status[row] != scale_status::scored) {
            return scale_reason(s.scale, s.status[row]);
        }
    }
    for (const auto& d : out.derived) {
        if (d.determined[row] == 0) {
            return undetermined_reason(d.rule);
        }
    }
    return {};
}

}  // namespace instruments
THERACORE_NAMESPACE_END

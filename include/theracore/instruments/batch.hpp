// SPDX-License-Identifier: Apache-2.0
/// @file
/// Batch scoring of N administrations read in place from a strided view: no exception and no
/// allocation per row; invalid rows are marked (or, in strict mode, reported by exception).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include <theracore/error.hpp>
#include <theracore/instruments/batch_view.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/score.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

namespace detail {

/// The cell at `row` of `c` as a double; NaN when missing.
inline double read_cell(const batch_view& view, std::size_t col, std::size_t row) {
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

inline void check_shapes(const plan& p, const batch_view& view, std::size_t first, std::size_t last,
                         const batch_result& out) {
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

}  // namespace detail

/// Result columns for scoring `rows` rows with `plan`, to fill with `score_rows`.
/// @throws validation_error for an empty plan.
[[nodiscard]] inline batch_result make_batch_result(const scoring_plan& plan, std::size_t rows) {
    return detail::make_result(plan.get(), rows);
}

/// Scores rows [first, last) of `view` into `out` (from `make_batch_result(plan,
/// view.rows())`). Separate row ranges of one `out` may be scored from separate threads.
/// @throws validation_error when the view's columns do not fit the plan, the range is not
/// within the view or `out` does not fit; in strict mode, at the first invalid row, naming the
/// row and item (`[17].phq9_3`).
inline void score_rows(const scoring_plan& plan, const batch_view& view, std::size_t first,
                       std::size_t last, batch_result& out, const batch_options& options = {}) {
    const auto& p = plan.get();
    detail::check_shapes(p, view, first, last, out);
    detail::kernel(p, detail::block_rows).run(view, first, last, out);
    if (!options.strict) {
        return;
    }
    for (std::size_t r = first; r < last; ++r) {
        if (out.status[r] != row_status::invalid) {
            continue;
        }
        const auto i = static_cast<std::size_t>(out.first_invalid[r]);
        const double v = detail::read_cell(view, i, r);
        const auto& ip = p.items[i];
        const bool allowed = std::isfinite(v) && ((ip.has_na && v == ip.na) || ip.allowed(v));
        throw validation_error(
            "invalid row in strict batch scoring",
            {{"[" + std::to_string(r) + "]." + p.item_ids[i],
              allowed ? "answered " + detail::num(v) + " although a skip rule does not ask it"
                      : detail::invalid_value_message(ip, v)}});
    }
}

/// Scores every row of `view` with `plan`. Never throws for a row (unless strict): invalid
/// rows get status `invalid` and the form position of their first invalid answer.
/// @throws validation_error as `score_rows`.
[[nodiscard]] inline batch_result score_batch(const scoring_plan& plan, const batch_view& view,
                                              const batch_options& options = {}) {
    auto out = make_batch_result(plan, view.rows());
    score_rows(plan, view, 0, view.rows(), out, options);
    return out;
}

/// Scores every row of `view` with `inst`'s default plan.
/// @throws validation_error as `score_rows`.
[[nodiscard]] inline batch_result score_batch(const instrument& inst, const batch_view& view,
                                              const batch_options& options = {}) {
    return score_batch(inst.plan(), view, options);
}

}  // namespace instruments
THERACORE_NAMESPACE_END

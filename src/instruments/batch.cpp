// SPDX-License-Identifier: Apache-2.0
// Batch scoring: checking shapes, running the kernel over row ranges, strict mode, and
// splitting rows among threads.
#include <theracore/instruments/batch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "check.hpp"
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

coding_check check_answer_coding(const instrument& inst, const batch_view& view,
                                 std::optional<answer_coding> assumed, std::string_view scale_id) {
    const auto& d = inst.data();
    coding_check out;
    out.assumed = assumed.value_or(d.answers);
    const scale* s = nullptr;
    if (scale_id.empty()) {
        s = inst.total() ? inst.total() : (d.scales.empty() ? nullptr : &d.scales.front());
    } else {
        for (const auto& x : d.scales) {
            s = x.id == scale_id ? &x : s;
        }
    }
    if (!s) {
        throw validation_error(
            "cannot check the answer coding",
            {{"scale_id", d.id + " has no scale \"" + std::string(scale_id) + "\""}});
    }
    out.scale = s->id;
    struct column {
        std::size_t index = 0;
        bool reverse = false;
        double lo = 0, hi = 0;
    };
    std::vector<column> cols;
    for (const auto& id : s->items) {
        const auto at =
            static_cast<std::size_t>(std::find_if(d.items.begin(), d.items.end(),
                                                  [&](const item& x) { return x.id == id; }) -
                                     d.items.begin());
        if (at >= view.cols()) {
            throw validation_error("cannot check the answer coding",
                                   {{"view", "has no column for item " + id + " (form position " +
                                                 std::to_string(at + 1) + ")"}});
        }
        const auto& it = d.items[at];
        const auto* rs = detail::find_response_scale(d, it.response_scale);
        column c{at, it.reverse, 0, 0};
        if (rs && !rs->options.empty()) {
            c.lo = std::numeric_limits<double>::infinity();
            c.hi = -c.lo;
            for (const auto& o : rs->options) {
                if (!o.not_applicable) {
                    c.lo = std::min(c.lo, o.value);
                    c.hi = std::max(c.hi, o.value);
                }
            }
        } else if (rs && rs->range) {
            c.lo = rs->range->min;
            c.hi = rs->range->max.value_or(std::numeric_limits<double>::infinity());
        }
        if (c.reverse) {
            out.reverse_items.push_back(id);
        }
        cols.push_back(c);
    }
    const std::string name = inst.name().empty() ? d.id : inst.name();
    const bool any_plain =
        std::any_of(cols.begin(), cols.end(), [](const column& c) { return !c.reverse; });
    if (out.reverse_items.empty() || !any_plain) {
        out.agreement = std::numeric_limits<double>::quiet_NaN();
        out.message = out.reverse_items.empty()
                          ? name + " " + out.scale +
                                " has no reverse-keyed item: positions and scores are the same"
                          : name + " " + out.scale +
                                " has only reverse-keyed items: the coding cannot be told apart";
        return out;
    }
    // Sums for the correlation of each reverse-keyed item with the rest (the plain items' sum).
    const std::size_t k = out.reverse_items.size();
    std::vector<double> sx(k), sxx(k), sxy(k);
    double sy = 0, syy = 0;
    std::vector<double> row(cols.size());
    for (std::size_t r = 0; r < view.rows(); ++r) {
        bool usable = true;
        for (std::size_t j = 0; j < cols.size() && usable; ++j) {
            row[j] = read_cell(view, cols[j].index, r);
            usable = std::isfinite(row[j]) && row[j] >= cols[j].lo && row[j] <= cols[j].hi;
        }
        if (!usable) {
            continue;
        }
        ++out.rows_used;
        double rest = 0;
        for (std::size_t j = 0; j < cols.size(); ++j) {
            rest += cols[j].reverse ? 0.0 : row[j];
        }
        sy += rest;
        syy += rest * rest;
        std::size_t m = 0;
        for (std::size_t j = 0; j < cols.size(); ++j) {
            if (!cols[j].reverse) {
                continue;
            }
            const double x =
                out.assumed == answer_coding::positions ? cols[j].lo + cols[j].hi - row[j] : row[j];
            sx[m] += x;
            sxx[m] += x * x;
            sxy[m] += x * rest;
            ++m;
        }
    }
    const auto n = static_cast<double>(out.rows_used);
    double total = 0;
    std::size_t counted = 0;
    for (std::size_t m = 0; m < k; ++m) {
        const double cov = n * sxy[m] - sx[m] * sy;
        const double vx = n * sxx[m] - sx[m] * sx[m];
        const double vy = n * syy - sy * sy;
        if (vx > 0 && vy > 0) {
            total += cov / std::sqrt(vx * vy);
            ++counted;
        }
    }
    out.agreement =
        counted ? total / static_cast<double>(counted) : std::numeric_limits<double>::quiet_NaN();
    const std::string coding(to_string(out.assumed));
    const auto other =
        out.assumed == answer_coding::positions ? answer_coding::scores : answer_coding::positions;
    char r_text[32];
    std::snprintf(r_text, sizeof r_text, "%.2f", out.agreement);
    const std::string used = std::to_string(out.rows_used) + " complete rows";
    if (out.rows_used < coding_check_min_rows || !counted) {
        out.message = "only " + used + " of " + name + " " + out.scale + " (at least " +
                      std::to_string(coding_check_min_rows) +
                      " needed, with varied answers): the coding cannot be checked";
    } else if (out.agreement <= coding_check_threshold) {
        out.mismatch = other;
        out.message = "read as " + coding + ", the reverse-keyed items of " + name + " " +
                      out.scale + " run against the other items (mean r = " + r_text + " over " +
                      used + "): the answers look like " + std::string(to_string(other)) +
                      "; score them with coding " + std::string(to_string(other));
    } else {
        out.message = "read as " + coding + ", the reverse-keyed items of " + name + " " +
                      out.scale + " agree with the other items (mean r = " + r_text + " over " +
                      used + ")";
    }
    return out;
}

}  // namespace instruments
THERACORE_NAMESPACE_END

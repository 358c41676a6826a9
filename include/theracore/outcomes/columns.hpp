// SPDX-License-Identifier: Apache-2.0
/// @file
/// Change statistics over columns of scores (numpy arrays, data-frame columns, a study's
/// export): the Jacobson–Truax reliable change and categories of reliable_change.hpp and
/// clinical_significance.hpp applied to n pairs in one call, with nothing allocated per row, and
/// a one-pass baseline-versus-latest reduction of a long table of (client, time, score) rows.
///
/// Missing values are data here, not errors: a NaN score gives a NaN RCI and the code
/// `missing_code` in the category columns, so a cohort with drop-outs can be analysed in one
/// call. Infinite scores and scores outside the parameters' range are errors, as they are for
/// one pair.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/detail/checks.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// The value of an `std::int8_t` category column for a row without a result (a missing score,
/// or a reliable improvement whose recovery cannot be judged because the cut-off is unusable).
inline constexpr std::int8_t missing_code = -1;

namespace detail {

/// At most this many bad rows are named in one `validation_error` (a column of a million
/// infinities needs one example, not a million).
inline constexpr std::size_t max_reported_rows = 10;

inline void check_column(problem_list& p, std::size_t& bad, const char* name, const double* v,
                         std::size_t n, const std::optional<score_range>& range) {
    const bool check_range = range && validate(*range).empty();
    for (std::size_t i = 0; i < n; ++i) {
        const double x = v[i];
        if (std::isnan(x)) {
            continue;
        }
        std::string why;
        if (!std::isfinite(x)) {
            why = "must be a finite number or NaN (missing), got " + number(x);
        } else if (check_range && !contains(*range, x)) {
            why = number(x) + " lies outside the score range " + number(range->min) + "–" +
                  number(range->max);
        } else {
            continue;
        }
        if (++bad <= max_reported_rows) {
            p.push_back({std::string(name) + "[" + std::to_string(i) + "]", why});
        }
    }
}

inline void check_pair_columns(const change_parameters& params, const double* pre,
                               const double* post, std::size_t n) {
    problem_list p;
    std::size_t bad = 0;
    check_column(p, bad, "pre", pre, n, params.range);
    check_column(p, bad, "post", post, n, params.range);
    if (bad > max_reported_rows) {
        p.push_back({"", "… and " + std::to_string(bad - max_reported_rows) + " more"});
    }
    throw_if_invalid(p, "invalid scores");
}

}  // namespace detail

/// Reliable change for each pair (`pre[i]`, `post[i]`), i < n: `rci[i]` = (post − pre) / S_diff
/// and `kind[i]` = the `change_kind` as an integer, or NaN and `missing_code` when either score
/// is NaN. Identical to `jacobson_truax_rci` pair by pair. Thread-safe (reads `t` only).
/// @throws validation_error before writing anything: naming `pre[i]`/`post[i]` (at most ten)
/// for an infinite score or one outside `t.parameters.range`.
inline void reliable_change_columns(const reliable_change_threshold& t, const double* pre,
                                    const double* post, std::size_t n, double* rci,
                                    std::int8_t* kind) {
    detail::check_pair_columns(t.parameters, pre, post, n);
    const double z = t.parameters.z;
    const auto d = t.parameters.direction;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(pre[i]) || std::isnan(post[i])) {
            rci[i] = std::numeric_limits<double>::quiet_NaN();
            kind[i] = missing_code;
            continue;
        }
        rci[i] = (post[i] - pre[i]) / t.s_diff;
        kind[i] = static_cast<std::int8_t>(detail::classify(rci[i], z, d));
    }
}

/// Reliable change and the Jacobson–Truax category of each pair against `cutoff` (from
/// `clinical_cutoffs` or a published cut-off): `category[i]` is the `jacobson_truax_category` as
/// an integer, or `missing_code` for a missing score or when a reliable improvement cannot be
/// called recovered or improved because `cutoff` is unusable. Identical to `jacobson_truax` pair
/// by pair. Thread-safe.
/// @throws validation_error as `reliable_change_columns`.
inline void jacobson_truax_columns(const reliable_change_threshold& t,
                                   const cutoff_estimate& cutoff, const double* pre,
                                   const double* post, std::size_t n, double* rci,
                                   std::int8_t* kind, std::int8_t* category) {
    reliable_change_columns(t, pre, post, n, rci, kind);
    const auto d = t.parameters.direction;
    const bool usable = cutoff.usable && cutoff.value.has_value();
    const clinical_cutoff c{usable ? *cutoff.value : 0.0, cutoff.at_value, {}};
    for (std::size_t i = 0; i < n; ++i) {
        if (kind[i] == missing_code) {
            category[i] = missing_code;
            continue;
        }
        std::optional<bool> pre_clinical;
        std::optional<bool> post_clinical;
        if (usable) {
            pre_clinical = is_clinical(pre[i], c, d);
            post_clinical = is_clinical(post[i], c, d);
        }
        const auto cat =
            detail::category_of(static_cast<change_kind>(kind[i]), pre_clinical, post_clinical);
        category[i] = cat ? static_cast<std::int8_t>(*cat) : missing_code;
    }
}

/// Criteria a, b and c from functional (M0, s0) and dysfunctional (M1, s1) norms alone, for a
/// caller who has no reliability or SD at hand (the cut-offs do not use them).
/// @throws validation_error naming `functional.…` or `dysfunctional.…` (a non-finite mean, a
/// non-positive SD) or `range.…`.
[[nodiscard]] inline jacobson_truax_cutoffs clinical_cutoffs(
    const population_norm& functional, const population_norm& dysfunctional, score_direction d,
    const std::optional<score_range>& range = std::nullopt) {
    problem_list p;
    theracore::detail::append_prefixed(p, "functional", validate(functional));
    theracore::detail::append_prefixed(p, "dysfunctional", validate(dysfunctional));
    if (range) {
        theracore::detail::append_prefixed(p, "range", validate(*range));
    }
    throw_if_invalid(p, "invalid norms");
    change_parameters params;
    params.direction = d;
    params.functional = functional;
    params.dysfunctional = dysfunctional;
    params.range = range;
    return detail::cutoffs_unchecked(params);
}

/// Each client's first and last scored row of a long table: what a baseline-versus-latest
/// reliable change needs. Clients appear in the order of their first row.
struct baseline_latest_columns {
    std::vector<std::int64_t> client;
    std::vector<std::int64_t> count;  ///< rows used (score and time present)
    std::vector<std::int64_t> baseline_time;
    std::vector<double> baseline;
    std::vector<std::int64_t> latest_time;
    std::vector<double> latest;
};

namespace detail {

struct client_slot {
    std::int64_t count = 0;
    std::int64_t first_time = 0;
    double first = 0;
    std::int64_t last_time = 0;
    double last = 0;
};

inline void add_row(client_slot& s, std::int64_t t, double v) {
    if (s.count == 0 || t < s.first_time) {
        s.first_time = t;
        s.first = v;
    }
    if (s.count == 0 || t >= s.last_time) {
        s.last_time = t;
        s.last = v;
    }
    ++s.count;
}

}  // namespace detail

/// One pass over n rows (`client[i]`, `time[i]`, `score[i]`) in any order: for each client the
/// number of usable rows, the earliest row (baseline) and the latest row. Rows whose score is
/// NaN or whose time equals `missing_time` (pandas' NaT is the smallest int64) are skipped; a
/// client with no usable row is left out. Among rows with the same time, the baseline is the
/// first of them in the table and the latest the last, as a stable sort followed by
/// first/last would choose. Times are any integer clock (days, nanoseconds since 1970). Client
/// codes that are small and non-negative (from `pandas.factorize`) are counted in a flat
/// array; any others in a hash map. Thread-safe; allocates per client, not per row.
[[nodiscard]] inline baseline_latest_columns baseline_latest(
    const std::int64_t* client, const std::int64_t* time, const double* score, std::size_t n,
    std::optional<std::int64_t> missing_time = std::numeric_limits<std::int64_t>::min()) {
    baseline_latest_columns out;
    auto usable = [&](std::size_t i) {
        return !std::isnan(score[i]) && !(missing_time && time[i] == *missing_time);
    };
    std::int64_t lo = 0;
    std::int64_t hi = -1;
    for (std::size_t i = 0; i < n; ++i) {
        lo = i == 0 ? client[i] : std::min(lo, client[i]);
        hi = i == 0 ? client[i] : std::max(hi, client[i]);
    }
    // Slots in order of first appearance; `index` maps a client code to its slot.
    constexpr std::uint32_t no_slot = std::numeric_limits<std::uint32_t>::max();
    std::vector<detail::client_slot> slots;
    auto visit = [&](std::size_t i, std::uint32_t& slot_of) {
        if (slot_of == no_slot) {
            slot_of = static_cast<std::uint32_t>(slots.size());
            slots.emplace_back();
            out.client.push_back(client[i]);
        }
        detail::add_row(slots[slot_of], time[i], score[i]);
    };
    const bool dense = n > 0 && lo >= 0 && static_cast<std::uint64_t>(hi) < 2 * n + 1024;
    if (dense) {
        std::vector<std::uint32_t> index(static_cast<std::size_t>(hi) + 1, no_slot);
        for (std::size_t i = 0; i < n; ++i) {
            if (usable(i)) {
                visit(i, index[static_cast<std::size_t>(client[i])]);
            }
        }
    } else {
        std::unordered_map<std::int64_t, std::uint32_t> index;
        for (std::size_t i = 0; i < n; ++i) {
            if (usable(i)) {
                visit(i, index.try_emplace(client[i], no_slot).first->second);
            }
        }
    }
    const std::size_t k = slots.size();
    out.count.resize(k);
    out.baseline_time.resize(k);
    out.baseline.resize(k);
    out.latest_time.resize(k);
    out.latest.resize(k);
    for (std::size_t j = 0; j < k; ++j) {
        out.count[j] = slots[j].count;
        out.baseline_time[j] = slots[j].first_time;
        out.baseline[j] = slots[j].first;
        out.latest_time[j] = slots[j].last_time;
        out.latest[j] = slots[j].last;
    }
    return out;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END

// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/columns.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace detail {

void check_column(problem_list& p, std::size_t& bad, const char* name, const double* v,
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

void check_pair_columns(const change_parameters& params, const double* pre, const double* post,
                        std::size_t n) {
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

void reliable_change_columns(const reliable_change_threshold& t, const double* pre,
                             const double* post, std::size_t n, double* rci, std::int8_t* kind) {
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

void jacobson_truax_columns(const reliable_change_threshold& t, const cutoff_estimate& cutoff,
                            const double* pre, const double* post, std::size_t n, double* rci,
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

jacobson_truax_cutoffs clinical_cutoffs(const population_norm& functional,
                                        const population_norm& dysfunctional, score_direction d,
                                        const std::optional<score_range>& range) {
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

namespace detail {

void add_row(client_slot& s, std::int64_t t, double v) {
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

void clinical_cutoff_columns(const double* mean_clinical, const double* sd_clinical,
                             const double* mean_functional, const double* sd_functional,
                             std::size_t n, score_direction d, double* a, double* b, double* c) {
    for (std::size_t i = 0; i < n; ++i) {
        try {
            const auto r = clinical_cutoffs({mean_functional[i], sd_functional[i], {}, {}},
                                            {mean_clinical[i], sd_clinical[i], {}, {}}, d);
            a[i] = *r.a.value;
            b[i] = *r.b.value;
            c[i] = *r.c.value;
        } catch (const validation_error& e) {
            problem_list p;
            theracore::detail::append_prefixed(p, "[" + std::to_string(i) + "]", e.problems());
            throw validation_error(e.what(), std::move(p));
        }
    }
}

baseline_latest_columns baseline_latest(const std::int64_t* client, const std::int64_t* time,
                                        const double* score, std::size_t n,
                                        std::optional<std::int64_t> missing_time) {
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

// SPDX-License-Identifier: Apache-2.0
/// @file
/// The helpers behind the outcome functions: argument checks, number formatting for messages,
/// the unchecked computations the public functions run after validating, and the row builders.
/// Private to src/outcomes/ (the report component uses the formatting and the cut-off choice).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <theracore/adapters/from_instrument.hpp>
#include <theracore/adapters/from_plan.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/outcomes.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace detail {

/// `v` with up to six significant digits ("6.74935", "10", "-0.5"), for messages and labels.
/// Independent of the global locale's decimal separator only as far as `snprintf` is; TheraCore
/// never calls `setlocale`.
THERACORE_API std::string number(double v);

/// `v` with exactly `decimals` decimals ("6.75"), for reports.
THERACORE_API std::string fixed(double v, int decimals);

/// `items` separated by ", ".
THERACORE_API std::string join(const std::vector<std::string>& items);

void require_finite(problem_list& out, const std::string& path, double v);

/// Throws `validation_error(what)` listing `problems` with each path prefixed by the argument
/// name `arg`, so the message names the argument (`parameters.reliability.value: …`).
void throw_if_invalid_argument(const std::string& arg, const problem_list& problems,
                               const std::string& what);

// reliable_change.cpp

/// Problems of a pre/post pair against `p` (paths `parameters.…`, `pre.…`, `post.…`).
problem_list check_pair(const instrument_score& pre, const instrument_score& post,
                        const change_parameters& p);

reliable_change_threshold threshold_unchecked(const change_parameters& p);

change_kind classify(double rci, double z, score_direction d) noexcept;

reliable_change rci_unchecked(double pre, double post, const reliable_change_threshold& t);

// clinical_significance.cpp

/// The operator in the formula of a (`for_a`) or b: a = M1 − 2·s1 when lower is better.
std::string sign_word(double sign, bool for_a);

inline std::string range_text(const score_range& r) {
    return number(r.min) + "–" + number(r.max);
}

/// Marks `e` usable unless its value lies outside `range`.
void check_usable(cutoff_estimate& e, const std::optional<score_range>& range,
                  const std::string& name);

jacobson_truax_cutoffs cutoffs_unchecked(const change_parameters& p);

THERACORE_API cutoff_estimate select_cutoff(const change_parameters& p, cutoff_criterion criterion,
                                            const std::optional<clinical_cutoff>& published);

/// The Jacobson–Truax category of a change with the given sides of the cut-off (absent when the
/// cut-off is unusable). Shared by `classify_outcome` and the column functions (columns.hpp).
std::optional<jacobson_truax_category> category_of(change_kind kind,
                                                   std::optional<bool> pre_clinical,
                                                   std::optional<bool> post_clinical);

jacobson_truax_outcome classify_outcome(const reliable_change& rc, const cutoff_estimate& cutoff);

void check_published(problem_list& p, cutoff_criterion criterion,
                     const std::optional<clinical_cutoff>& published);

// columns.cpp

/// At most this many bad rows are named in one `validation_error` (a column of a million
/// infinities needs one example, not a million).
inline constexpr std::size_t max_reported_rows = 10;

void check_column(problem_list& p, std::size_t& bad, const char* name, const double* v,
                  std::size_t n, const std::optional<score_range>& range);

void check_pair_columns(const change_parameters& params, const double* pre, const double* post,
                        std::size_t n);

struct client_slot {
    std::int64_t count = 0;
    std::int64_t first_time = 0;
    double first = 0;
    std::int64_t last_time = 0;
    double last = 0;
};

void add_row(client_slot& s, std::int64_t t, double v);

// cohort.cpp

category_count make_row(std::string name, std::size_t count, std::size_t denominator);

inline std::string outcome_path(std::size_t i) {
    return "outcomes[" + std::to_string(i) + "]";
}

/// The four Jacobson–Truax categories and "unclassified", each over all `n`.
template <class Outcomes, class Category>
std::vector<category_count> category_rows(const Outcomes& outcomes, Category category_of) {
    std::size_t counts[4] = {0, 0, 0, 0};
    std::size_t unclassified = 0;
    for (const auto& o : outcomes) {
        const auto c = category_of(o);
        if (c) {
            ++counts[static_cast<std::size_t>(*c)];
        } else {
            ++unclassified;
        }
    }
    std::vector<category_count> rows;
    for (auto c : {jacobson_truax_category::recovered, jacobson_truax_category::improved,
                   jacobson_truax_category::unchanged, jacobson_truax_category::deteriorated}) {
        rows.push_back(make_row(std::string(to_string(c)), counts[static_cast<std::size_t>(c)],
                                outcomes.size()));
    }
    rows.push_back(make_row("unclassified", unclassified, outcomes.size()));
    return rows;
}

// trajectory.cpp

/// Problems of a series used with `p` (paths `series.…`, `parameters.…`).
problem_list check_series(const score_series& series, const change_parameters& p,
                          bool require_points = true);

// schedule.cpp

void raise_due(measure_due& out, date since, date on, int grace, std::string reason);

void propose_next(measure_due& out, date next);

measure_due evaluate_rule(const measure_rule& m, const episode_timeline& t, date on);

// alert_rules.cpp

alert_evidence evidence_of(const score_series& s, std::size_t i, evidence_role role);

inline std::string direction_word(double from, double to) {
    return to > from ? "rose" : (to < from ? "fell" : "stayed");
}

class alert_builder {
  public:
    alert_builder(const score_series& s, const alert_context& c) : s_(s), c_(c) {}

    /// An alert triggered at `points[trigger]`.
    void add(alert_kind kind, alert_severity severity, std::size_t trigger,
             std::vector<alert_evidence> evidence, std::string summary, std::string rule) {
        add(kind, severity, s_.points[trigger].when, std::move(evidence), std::move(summary),
            std::move(rule));
    }
    /// An alert triggered by the administration at `at` (scored or not).
    void add(alert_kind kind, alert_severity severity, const observation_time& at,
             std::vector<alert_evidence> evidence, std::string summary, std::string rule);

    std::vector<alert> take() { return std::move(out_); }

  private:
    const score_series& s_;
    const alert_context& c_;
    std::vector<alert> out_;
};

// from_instrument.cpp

std::string norm_population_text(const instruments::norm_group& n);

const instruments::norm_group* pick_norm(
    const instruments::scale_psychometrics& ps, const std::optional<std::string>& id,
    std::optional<instruments::norm_population> default_population, const std::string& path,
    std::optional<instruments::norm_population> required_population, problem_list& p);

void add_source(std::vector<std::string>& sources, const std::string& s);

std::string scale_label(const instruments::instrument& inst, const instruments::scale& s);

}  // namespace detail
}  // namespace outcomes
THERACORE_NAMESPACE_END

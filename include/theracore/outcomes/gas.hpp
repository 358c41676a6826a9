// SPDX-License-Identifier: Apache-2.0
/// @file
/// Goal Attainment Scaling (Kiresuk & Sherman 1968). Each goal is rated on five levels, −2
/// (much less than expected) … 0 (expected outcome) … +2 (much more than expected), with an
/// optional weight; the summary T-score is
///
/// ```
/// T = 50 + 10 · Σ(w_i·x_i) / √((1 − ρ)·Σw_i² + ρ·(Σw_i)²)
/// ```
///
/// with ρ the assumed correlation between goals (0.3 by convention). All goals at 0 give T = 50;
/// one unweighted goal gives T = 50 + 10·x. Worked example (gasr `calc_tscore` documentation):
/// levels (−2, 0, −1, 2, 0, 1) with weights (3, 5, 1, 4, 2, 6) give Σwx = 7, denominator 14,
/// T = 55.
///
/// Like gasr's `calc_tscore(na.rm = TRUE)`, goals without a level yet are skipped and counted in
/// `goals_skipped`; with no rated goal at all the T-score is undefined and a `validation_error`
/// says so. Also like gasr, when every weight is 0 the goals are weighted equally
/// (`weights_reset` records it).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/model/id.hpp>
#include <theracore/outcomes/detail/checks.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// The conventional inter-goal correlation of Kiresuk & Sherman (1968).
inline constexpr double gas_default_rho = 0.3;

/// One goal's attainment.
struct gas_goal {
    goal_id id;
    std::string description;
    /// −2 … +2, or empty while the goal has not been rated.
    std::optional<int> level;
    double weight = 1;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("description", s.description),
                               field("level", s.level), field("weight", s.weight));
    }
};

[[nodiscard]] inline problem_list validate(const gas_goal& g) {
    problem_list p;
    if (g.level && (*g.level < -2 || *g.level > 2)) {
        p.push_back(
            {"level", "a GAS level must be −2, −1, 0, +1 or +2, got " + std::to_string(*g.level)});
    }
    if (!std::isfinite(g.weight) || g.weight < 0) {
        p.push_back(
            {"weight", "a weight must be zero or positive, got " + detail::number(g.weight)});
    }
    return p;
}

/// A GAS T-score and how it was obtained.
struct gas_result {
    double t_score = 50;
    double rho = gas_default_rho;
    std::size_t goals_used = 0;
    /// Goals without a level, skipped.
    std::size_t goals_skipped = 0;
    double weighted_sum = 0;  ///< Σ w_i·x_i
    double denominator = 0;   ///< √((1 − ρ)·Σw_i² + ρ·(Σw_i)²)
    /// Every weight was 0, so all were taken as 1 (as gasr does).
    bool weights_reset = false;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("t_score", s.t_score), field("rho", s.rho), field("goals_used", s.goals_used),
            field("goals_skipped", s.goals_skipped), field("weighted_sum", s.weighted_sum),
            field("denominator", s.denominator), field("weights_reset", s.weights_reset));
    }
};

/// The Kiresuk–Sherman T-score of `goals`.
/// @throws validation_error naming the argument: `goals` empty ("no goals") or with no rated
/// goal, a level outside −2…+2 (`goals[i].level`), a negative or non-finite weight
/// (`goals[i].weight`), or `rho` outside [0, 1].
[[nodiscard]] inline gas_result gas_t_score(const std::vector<gas_goal>& goals,
                                            double rho = gas_default_rho) {
    problem_list p;
    if (goals.empty()) {
        p.push_back({"goals", "no goals: a GAS T-score needs at least one rated goal"});
    }
    theracore::detail::validate_each(p, "goals", goals);
    if (!std::isfinite(rho) || rho < 0 || rho > 1) {
        p.push_back(
            {"rho", "the inter-goal correlation must lie in [0, 1], got " + detail::number(rho)});
    }
    std::size_t rated = 0;
    for (const auto& g : goals) {
        rated += g.level ? 1u : 0u;
    }
    if (!goals.empty() && rated == 0) {
        p.push_back({"goals", "no goal has a level yet: a GAS T-score needs at least one"});
    }
    throw_if_invalid(p, "cannot compute a GAS T-score");

    gas_result r;
    r.rho = rho;
    bool all_zero = true;
    for (const auto& g : goals) {
        if (g.level && g.weight != 0) {
            all_zero = false;
        }
    }
    r.weights_reset = all_zero;
    double sum_w = 0, sum_w2 = 0;
    for (const auto& g : goals) {
        if (!g.level) {
            ++r.goals_skipped;
            continue;
        }
        ++r.goals_used;
        const double w = all_zero ? 1.0 : g.weight;
        r.weighted_sum += w * *g.level;
        sum_w += w;
        sum_w2 += w * w;
    }
    r.denominator = std::sqrt((1 - rho) * sum_w2 + rho * sum_w * sum_w);
    r.t_score = 50 + 10 * r.weighted_sum / r.denominator;
    return r;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END

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
#include <theracore/id.hpp>

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

[[nodiscard]] THERACORE_API problem_list validate(const gas_goal& g);

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
[[nodiscard]] THERACORE_API gas_result gas_t_score(const std::vector<gas_goal>& goals,
                                                   double rho = gas_default_rho);

}  // namespace outcomes
THERACORE_NAMESPACE_END

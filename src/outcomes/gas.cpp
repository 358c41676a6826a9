// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/gas.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

problem_list validate(const gas_goal& g) {
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

gas_result gas_t_score(const std::vector<gas_goal>& goals, double rho) {
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

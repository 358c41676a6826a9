// SPDX-License-Identifier: Apache-2.0
/// @file
/// Goal Attainment Scaling of a treatment plan: the plan's goals carry GAS scales and dated
/// ratings (care records); the Kiresuk–Sherman T-score is the outcome analytics'
/// (`gas_t_score(goals)`). This adapter turns a plan version on a date into `gas_goal`s.
#pragma once

#include <vector>

#include <theracore/error.hpp>
#include <theracore/model/time.hpp>
#include <theracore/model/treatment_plan.hpp>
#include <theracore/outcomes/gas.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// The status of goal `g` at the end of day `on`, replayed from its history (`proposed` before
/// any change).
[[nodiscard]] inline goal_status goal_status_on(const plan_goal& g, date on) {
    auto s = goal_status::proposed;
    for (const auto& h : g.history) {
        if (!h.on.is_special() && h.on <= on) {
            s = h.to;
        }
    }
    return s;
}

/// The GAS goals of plan version `v` on `on`: every goal with a GAS scale that is `active` or
/// `achieved` on `on` (a proposed goal has not been agreed; a revised goal is counted through
/// the goal that replaces it, which keeps its ratings; a discontinued goal is no longer
/// pursued), with its latest rating on or before `on` (none yet: unrated, which the T-score
/// skips and counts) and its weight (1 when the scale has none). In goal order.
/// @throws validation_error at `on` when it is not a date.
[[nodiscard]] inline std::vector<gas_goal> gas_goals(const plan_version& v, date on) {
    if (on.is_special()) {
        throw validation_error("cannot read GAS ratings", {{"on", "not a calendar date"}});
    }
    std::vector<gas_goal> out;
    for (const auto& g : v.goals) {
        const auto status = goal_status_on(g, on);
        if (!g.gas || (status != goal_status::active && status != goal_status::achieved)) {
            continue;
        }
        gas_goal gg;
        gg.id = g.id;
        gg.description = g.statement;
        if (const auto r = gas_rating_on(*g.gas, on)) {
            gg.level = r->level;
        }
        gg.weight = g.gas->weight.value_or(1.0);
        out.push_back(std::move(gg));
    }
    return out;
}

/// The Kiresuk–Sherman T-score of plan version `v` on `on` (`gas_t_score(gas_goals(v, on),
/// rho)`).
/// @throws validation_error at `on` when it is not a date, and as `gas_t_score` (`goals`: no
/// GAS goal in play on `on`, or none rated yet).
[[nodiscard]] inline gas_result gas_t_score(const plan_version& v, date on,
                                            double rho = gas_default_rho) {
    return gas_t_score(gas_goals(v, on), rho);
}

/// The T-score of `plan` on `on`, from the version in effect that day (the latest whose
/// `effective` date is on or before `on`).
/// @throws validation_error at `on` when it is not a date or precedes the first version, and
/// as `gas_t_score`.
[[nodiscard]] inline gas_result gas_t_score(const treatment_plan& plan, date on,
                                            double rho = gas_default_rho) {
    const plan_version* in_effect = nullptr;
    for (const auto& v : plan.versions()) {
        if (!on.is_special() && v.effective <= on) {
            in_effect = &v;
        }
    }
    if (!in_effect) {
        throw validation_error("cannot compute a GAS T-score",
                               {{"on", on.is_special() ? "not a calendar date"
                                                       : "before the plan's first version (" +
                                                             plan.id().str() + ")"}});
    }
    return gas_t_score(*in_effect, on, rho);
}

}  // namespace outcomes
THERACORE_NAMESPACE_END

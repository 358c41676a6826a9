// SPDX-License-Identifier: Apache-2.0
#include <theracore/adapters/from_plan.hpp>

#include "../outcomes/detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

goal_status goal_status_on(const plan_goal& g, date on) {
    auto s = goal_status::proposed;
    for (const auto& h : g.history) {
        if (!h.on.is_special() && h.on <= on) {
            s = h.to;
        }
    }
    return s;
}

std::vector<outcomes::gas_goal> gas_goals(const plan_version& v, date on) {
    if (on.is_special()) {
        throw validation_error("cannot read GAS ratings", {{"on", "not a calendar date"}});
    }
    std::vector<outcomes::gas_goal> out;
    for (const auto& g : v.goals) {
        const auto status = goal_status_on(g, on);
        if (!g.gas || (status != goal_status::active && status != goal_status::achieved)) {
            continue;
        }
        outcomes::gas_goal gg;
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

outcomes::gas_result gas_t_score(const treatment_plan& plan, date on, double rho) {
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

}  // namespace adapters
THERACORE_NAMESPACE_END

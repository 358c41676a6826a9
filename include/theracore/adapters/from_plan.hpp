// SPDX-License-Identifier: Apache-2.0
/// @file
/// Goal Attainment Scaling of a treatment plan: the plan's goals carry GAS scales and dated
/// ratings (care records); the Kiresuk–Sherman T-score is the outcome analytics'
/// (`gas_t_score(goals)`). This adapter turns a plan version on a date into `gas_goal`s.
#pragma once

#include <vector>

#include <theracore/care/treatment_plan.hpp>
#include <theracore/error.hpp>
#include <theracore/outcomes/gas.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// The status of goal `g` at the end of day `on`, replayed from its history (`proposed` before
/// any change).
[[nodiscard]] THERACORE_API goal_status goal_status_on(const plan_goal& g, date on);

/// The GAS goals of plan version `v` on `on`: every goal with a GAS scale that is `active` or
/// `achieved` on `on` (a proposed goal has not been agreed; a revised goal is counted through
/// the goal that replaces it, which keeps its ratings; a discontinued goal is no longer
/// pursued), with its latest rating on or before `on` (none yet: unrated, which the T-score
/// skips and counts) and its weight (1 when the scale has none). In goal order.
/// @throws validation_error at `on` when it is not a date.
[[nodiscard]] THERACORE_API std::vector<outcomes::gas_goal> gas_goals(const plan_version& v,
                                                                      date on);

/// The Kiresuk–Sherman T-score of plan version `v` on `on` (`gas_t_score(gas_goals(v, on),
/// rho)`).
/// @throws validation_error at `on` when it is not a date, and as `gas_t_score` (`goals`: no
/// GAS goal in play on `on`, or none rated yet).
[[nodiscard]] inline outcomes::gas_result gas_t_score(const plan_version& v, date on,
                                                      double rho = outcomes::gas_default_rho) {
    return outcomes::gas_t_score(gas_goals(v, on), rho);
}

/// The T-score of `plan` on `on`, from the version in effect that day (the latest whose
/// `effective` date is on or before `on`).
/// @throws validation_error at `on` when it is not a date or precedes the first version, and
/// as `gas_t_score`.
[[nodiscard]] THERACORE_API outcomes::gas_result gas_t_score(
    const treatment_plan& plan, date on, double rho = outcomes::gas_default_rho);

}  // namespace adapters
THERACORE_NAMESPACE_END

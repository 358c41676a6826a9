// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the outcome analytics (`theracore::outcomes`). An `observation_time` is
/// its ISO-8601 text: `"2026-01-05"` for a date, `"2026-01-05T09:30:00Z"` for an instant.
#pragma once

#include <optional>
#include <string>

#include <theracore/io/json_core.hpp>
#include <theracore/outcomes.hpp>
#include <theracore/outcomes/report.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

inline void to_json(nlohmann::json& j, const observation_time& t) {
    if (t.is_set()) {
        j = t.iso8601();
    } else {
        j = nullptr;  // validate() reports it; reading null back fails loudly
    }
}

inline void from_json(const nlohmann::json& j, observation_time& t) {
    const auto v = j.is_string() ? observation_time::parse(j.get<std::string>()) : std::nullopt;
    if (!v) {
        throw parse_error("", "expected YYYY-MM-DD or an ISO-8601 date-time with a zone, got " +
                                  io::detail::kind_of(j));
    }
    t = *v;
}

THERACORE_JSON_ADL(standard_deviation)
THERACORE_JSON_ADL(reliability_coefficient)
THERACORE_JSON_ADL(population_norm)
THERACORE_JSON_ADL(score_range)
THERACORE_JSON_ADL(parameter_provenance)
THERACORE_JSON_ADL(change_parameters)
THERACORE_JSON_ADL(score_point)
THERACORE_JSON_ADL(severity_band)
THERACORE_JSON_ADL(clinical_cutoff)
THERACORE_JSON_ADL(score_series)
THERACORE_JSON_ADL(instrument_score)
THERACORE_JSON_ADL(reliable_change_threshold)
THERACORE_JSON_ADL(reliable_change)
THERACORE_JSON_ADL(cutoff_estimate)
THERACORE_JSON_ADL(jacobson_truax_cutoffs)
THERACORE_JSON_ADL(jacobson_truax_outcome)
THERACORE_JSON_ADL(group_statistics)
THERACORE_JSON_ADL(hageman_arrindell_outcome)
THERACORE_JSON_ADL(talking_therapies_rule_set)
THERACORE_JSON_ADL(talking_therapies_outcome)
THERACORE_JSON_ADL(category_count)
THERACORE_JSON_ADL(cohort_summary)
THERACORE_JSON_ADL(gas_goal)
THERACORE_JSON_ADL(gas_result)
THERACORE_JSON_ADL(trajectory_point)
THERACORE_JSON_ADL(trajectory)
THERACORE_JSON_ADL(measure_rule)
THERACORE_JSON_ADL(measurement_schedule)
THERACORE_JSON_ADL(held_session)
THERACORE_JSON_ADL(administration_done)
THERACORE_JSON_ADL(episode_timeline)
THERACORE_JSON_ADL(measure_due)
THERACORE_JSON_ADL(alert_evidence)
THERACORE_JSON_ADL(alert)
THERACORE_JSON_ADL(alert_rule_parameters)
THERACORE_JSON_ADL(alert_context)
THERACORE_JSON_ADL(chart_event)
THERACORE_JSON_ADL(chart_options)
THERACORE_JSON_ADL(report_instrument)
THERACORE_JSON_ADL(progress_report_data)

}  // namespace outcomes
THERACORE_NAMESPACE_END

// SPDX-License-Identifier: Apache-2.0
/// @file
/// Boost.Serialization support for the outcome analytics (`theracore::outcomes`). An
/// `observation_time` is archived as its ISO-8601 text (empty when not set); loading an
/// `alert` re-checks its invariants.
#pragma once

#include <string>

#include <theracore/io/boost_core.hpp>
#include <theracore/outcomes.hpp>
#include <theracore/outcomes/report.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

template <class Archive>
void serialize(Archive& ar, observation_time& t, const unsigned int /*version*/) {
    if constexpr (Archive::is_saving::value) {
        std::string text = t.is_set() ? t.iso8601() : std::string();
        ar& boost::serialization::make_nvp("iso8601", text);
    } else {
        std::string text;
        ar& boost::serialization::make_nvp("iso8601", text);
        if (text.empty()) {
            t = observation_time();
            return;
        }
        const auto v = observation_time::parse(text);
        if (!v) {
            throw parse_error("iso8601", "not a date or an instant: \"" + text + "\"");
        }
        t = *v;
    }
}

THERACORE_BOOST_SERIALIZE(standard_deviation)
THERACORE_BOOST_SERIALIZE(reliability_coefficient)
THERACORE_BOOST_SERIALIZE(population_norm)
THERACORE_BOOST_SERIALIZE(score_range)
THERACORE_BOOST_SERIALIZE(parameter_provenance)
THERACORE_BOOST_SERIALIZE(change_parameters)
THERACORE_BOOST_SERIALIZE(score_point)
THERACORE_BOOST_SERIALIZE(severity_band)
THERACORE_BOOST_SERIALIZE(clinical_cutoff)
THERACORE_BOOST_SERIALIZE(score_series)
THERACORE_BOOST_SERIALIZE(instrument_score)
THERACORE_BOOST_SERIALIZE(reliable_change_threshold)
THERACORE_BOOST_SERIALIZE(reliable_change)
THERACORE_BOOST_SERIALIZE(cutoff_estimate)
THERACORE_BOOST_SERIALIZE(jacobson_truax_cutoffs)
THERACORE_BOOST_SERIALIZE(jacobson_truax_outcome)
THERACORE_BOOST_SERIALIZE(group_statistics)
THERACORE_BOOST_SERIALIZE(hageman_arrindell_outcome)
THERACORE_BOOST_SERIALIZE(talking_therapies_rule_set)
THERACORE_BOOST_SERIALIZE(talking_therapies_outcome)
THERACORE_BOOST_SERIALIZE(category_count)
THERACORE_BOOST_SERIALIZE(cohort_summary)
THERACORE_BOOST_SERIALIZE(gas_goal)
THERACORE_BOOST_SERIALIZE(gas_result)
THERACORE_BOOST_SERIALIZE(trajectory_point)
THERACORE_BOOST_SERIALIZE(trajectory)
THERACORE_BOOST_SERIALIZE(measure_rule)
THERACORE_BOOST_SERIALIZE(measurement_schedule)
THERACORE_BOOST_SERIALIZE(held_session)
THERACORE_BOOST_SERIALIZE(administration_done)
THERACORE_BOOST_SERIALIZE(episode_timeline)
THERACORE_BOOST_SERIALIZE(measure_due)
THERACORE_BOOST_SERIALIZE(alert_evidence)
THERACORE_BOOST_SERIALIZE(alert_rule_parameters)
THERACORE_BOOST_SERIALIZE(alert_context)
THERACORE_BOOST_SERIALIZE(chart_event)
THERACORE_BOOST_SERIALIZE(chart_options)
THERACORE_BOOST_SERIALIZE(report_instrument)
THERACORE_BOOST_SERIALIZE(progress_report_data)
THERACORE_BOOST_SERIALIZE_VALIDATED(alert)

}  // namespace outcomes
THERACORE_NAMESPACE_END

// Versions: records use their JSON schema_version; other value types start at 1.
BOOST_CLASS_VERSION(theracore::outcomes::observation_time, 1)
BOOST_CLASS_VERSION(theracore::outcomes::standard_deviation, 1)
BOOST_CLASS_VERSION(theracore::outcomes::reliability_coefficient, 1)
BOOST_CLASS_VERSION(theracore::outcomes::population_norm, 1)
BOOST_CLASS_VERSION(theracore::outcomes::score_range, 1)
BOOST_CLASS_VERSION(theracore::outcomes::parameter_provenance, 1)
BOOST_CLASS_VERSION(theracore::outcomes::change_parameters, 1)
BOOST_CLASS_VERSION(theracore::outcomes::score_point, 1)
BOOST_CLASS_VERSION(theracore::outcomes::severity_band, 1)
BOOST_CLASS_VERSION(theracore::outcomes::clinical_cutoff, 1)
BOOST_CLASS_VERSION(theracore::outcomes::score_series, 1)
BOOST_CLASS_VERSION(theracore::outcomes::instrument_score, 1)
BOOST_CLASS_VERSION(theracore::outcomes::reliable_change_threshold, 1)
BOOST_CLASS_VERSION(theracore::outcomes::reliable_change, 1)
BOOST_CLASS_VERSION(theracore::outcomes::cutoff_estimate, 1)
BOOST_CLASS_VERSION(theracore::outcomes::jacobson_truax_cutoffs, 1)
BOOST_CLASS_VERSION(theracore::outcomes::jacobson_truax_outcome, 1)
BOOST_CLASS_VERSION(theracore::outcomes::group_statistics, 1)
BOOST_CLASS_VERSION(theracore::outcomes::hageman_arrindell_outcome, 1)
BOOST_CLASS_VERSION(theracore::outcomes::talking_therapies_rule_set, 1)
BOOST_CLASS_VERSION(theracore::outcomes::talking_therapies_outcome, 1)
BOOST_CLASS_VERSION(theracore::outcomes::category_count, 1)
BOOST_CLASS_VERSION(theracore::outcomes::cohort_summary, 1)
BOOST_CLASS_VERSION(theracore::outcomes::gas_goal, 1)
BOOST_CLASS_VERSION(theracore::outcomes::gas_result, 1)
BOOST_CLASS_VERSION(theracore::outcomes::trajectory_point, 1)
BOOST_CLASS_VERSION(theracore::outcomes::trajectory, 1)
BOOST_CLASS_VERSION(theracore::outcomes::measure_rule, 1)
BOOST_CLASS_VERSION(theracore::outcomes::measurement_schedule,
                    theracore::outcomes::measurement_schedule::schema_version)
BOOST_CLASS_VERSION(theracore::outcomes::held_session, 1)
BOOST_CLASS_VERSION(theracore::outcomes::administration_done, 1)
BOOST_CLASS_VERSION(theracore::outcomes::episode_timeline, 1)
BOOST_CLASS_VERSION(theracore::outcomes::measure_due, 1)
BOOST_CLASS_VERSION(theracore::outcomes::alert_evidence, 1)
BOOST_CLASS_VERSION(theracore::outcomes::alert_rule_parameters, 1)
BOOST_CLASS_VERSION(theracore::outcomes::alert_context, 1)
BOOST_CLASS_VERSION(theracore::outcomes::chart_event, 1)
BOOST_CLASS_VERSION(theracore::outcomes::chart_options, 1)
BOOST_CLASS_VERSION(theracore::outcomes::report_instrument, 1)
BOOST_CLASS_VERSION(theracore::outcomes::progress_report_data, 1)
BOOST_CLASS_VERSION(theracore::outcomes::alert, theracore::outcomes::alert::schema_version)
BOOST_CLASS_VERSION(theracore::outcomes::alert::fields, 1)

// SPDX-License-Identifier: Apache-2.0
/// @file
/// The registration lists: every value type with a JSON form, and every storable record type,
/// named once per area. Each list is an X-macro, `LIST(X)` expanding to `X(type)` for each of
/// its types; the JSON adapters (`theracore/io/json/<area>.hpp` and src/io/json/), the storage
/// codecs (src/storage/records/) and the C++ type lists (`io::people_types`,
/// `storage::people_records`, …) are all derived from these lists, so a type added here is
/// declared, compiled, stored and tested everywhere at once.
///
/// The JSON lists name types as seen from their area's namespace: `theracore` for people, care
/// and safety (whose namespaces are inline in `theracore`, with the base vocabulary),
/// `theracore::instruments` and `theracore::outcomes` for those areas. The record lists name
/// types as seen from `theracore` (`outcomes::alert`).
#pragma once

#include <cstddef>

#include <theracore/config.hpp>

// clang-format off

/// `theracore`: the core model (theracore/people.hpp).
#define THERACORE_PEOPLE_TYPES(X) \
    X(coded_concept) \
    X(human_name) \
    X(contact_point) \
    X(address) \
    X(emergency_contact) \
    X(cultural_profile) \
    X(client) \
    X(licence) \
    X(clinician) \
    X(participant) \
    X(presenting_problem) \
    X(status_change) \
    X(care_episode) \
    X(intake)

/// `theracore`: the care records (theracore/care.hpp).
#define THERACORE_CARE_TYPES(X) \
    X(measure_observation) \
    X(intervention_modality) \
    X(intervention_catalog) \
    X(measure_target) \
    X(gas_rating) \
    X(gas_scale) \
    X(objective) \
    X(planned_intervention) \
    X(goal_status_change) \
    X(plan_goal) \
    X(plan_problem) \
    X(client_agreement) \
    X(plan_version) \
    X(measure_evaluation) \
    X(treatment_plan) \
    X(session_attendee) \
    X(session) \
    X(soap_note) \
    X(dap_note) \
    X(birp_note) \
    X(note_signature) \
    X(note_addendum) \
    X(progress_note) \
    X(psychotherapy_note) \
    X(completion_entry) \
    X(adherence_summary) \
    X(homework_assignment) \
    X(behaviour_target) \
    X(diary_entry) \
    X(weekly_summary) \
    X(behaviour_trend) \
    X(behaviour_diary) \
    X(participant_scores_row) \
    X(participant_score_table) \
    X(dyadic_row) \
    X(dyadic_summary) \
    X(export_request) \
    X(care_record_export)

/// `theracore`: risk, safety, referral, consent, culture, continuing education
/// (theracore/safety.hpp).
#define THERACORE_SAFETY_TYPES(X) \
    X(cssrs_screener_answers) \
    X(cssrs_screener_result) \
    X(risk_factor) \
    X(risk_action) \
    X(risk_assessment) \
    X(instrument_item_source) \
    X(cssrs_triage_source) \
    X(clinician_raised_source) \
    X(flag_status_change) \
    X(flag_rerating) \
    X(risk_flag) \
    X(safety_contact) \
    X(support_service) \
    X(means_safety_step) \
    X(safety_plan) \
    X(referral_party) \
    X(referral_attachment) \
    X(referral_status_change) \
    X(referral) \
    X(observed_score) \
    X(total_at_least) \
    X(level_in) \
    X(referral_trigger) \
    X(referral_trigger_set) \
    X(suggested_referral) \
    X(consenting_party) \
    X(disclosure_party) \
    X(release_terms) \
    X(expiry_event) \
    X(consent_revocation) \
    X(consent) \
    X(disclosure_request) \
    X(category_grant) \
    X(disclosure_denial) \
    X(disclosure_decision) \
    X(disclosure_record) \
    X(risk_gate_finding) \
    X(risk_gate_decision) \
    X(cfi_problem_definition) \
    X(cfi_cause_context_support) \
    X(cfi_coping_and_past_help) \
    X(cfi_current_help_seeking) \
    X(cultural_formulation) \
    X(ce_activity) \
    X(ce_category_minimum) \
    X(ce_requirement) \
    X(ce_rule_set) \
    X(ce_category_status) \
    X(ce_compliance)

/// `theracore::instruments`: the parts of an instrument definition, down to the `instrument`
/// itself. Boost.Serialization archives them; JSON reads definitions with every problem reported
/// at once (`instruments::load_instrument`), so it is written by hand beside this list.
#define THERACORE_INSTRUMENT_DEFINITION_TYPES(X) \
    X(response_option) \
    X(numeric_range) \
    X(response_scale) \
    X(item) \
    X(condition) \
    X(skip_rule) \
    X(missing_rule) \
    X(band) \
    X(band_set) \
    X(cut_off) \
    X(reliability_estimate) \
    X(norm_group) \
    X(change_criterion) \
    X(scale_psychometrics) \
    X(scale) \
    X(flag_rule) \
    X(count_term) \
    X(count_criterion) \
    X(criteria_rule) \
    X(triage_trigger) \
    X(triage_rule) \
    X(derived_rule) \
    X(option_label) \
    X(instrument_locale) \
    X(instrument)

/// `theracore::instruments`: responses and score results (theracore/instruments.hpp).
#define THERACORE_INSTRUMENTS_TYPES(X) \
    X(responses) \
    X(score_options) \
    X(score_provenance) \
    X(scale_score) \
    X(fired_flag) \
    X(derived_result) \
    X(score_result) \
    X(administration)

/// `theracore::outcomes`: the outcome analytics (theracore/outcomes.hpp,
/// theracore/outcomes/report.hpp).
#define THERACORE_OUTCOMES_TYPES(X) \
    X(standard_deviation) \
    X(reliability_coefficient) \
    X(population_norm) \
    X(score_range) \
    X(parameter_provenance) \
    X(change_parameters) \
    X(score_point) \
    X(unscored_point) \
    X(severity_band) \
    X(clinical_cutoff) \
    X(score_series) \
    X(instrument_score) \
    X(reliable_change_threshold) \
    X(reliable_change) \
    X(cutoff_estimate) \
    X(jacobson_truax_cutoffs) \
    X(jacobson_truax_outcome) \
    X(group_statistics) \
    X(hageman_arrindell_outcome) \
    X(talking_therapies_rule_set) \
    X(talking_therapies_outcome) \
    X(category_count) \
    X(cohort_summary) \
    X(gas_goal) \
    X(gas_result) \
    X(trajectory_point) \
    X(trajectory) \
    X(measure_rule) \
    X(measurement_schedule) \
    X(held_session) \
    X(administration_done) \
    X(episode_timeline) \
    X(measure_due) \
    X(alert_evidence) \
    X(alert) \
    X(alert_rule_parameters) \
    X(alert_context) \
    X(chart_event) \
    X(chart_options) \
    X(report_instrument) \
    X(progress_report_data)

/// Storable record types (`storage::record_traits`), by area.
#define THERACORE_PEOPLE_RECORDS(X) \
    X(client) \
    X(clinician) \
    X(care_episode) \
    X(intake)

#define THERACORE_CARE_RECORDS(X) \
    X(treatment_plan) \
    X(session) \
    X(progress_note) \
    X(psychotherapy_note) \
    X(homework_assignment) \
    X(behaviour_diary) \
    X(intervention_catalog)

#define THERACORE_SAFETY_RECORDS(X) \
    X(risk_assessment) \
    X(safety_plan) \
    X(risk_flag) \
    X(referral) \
    X(consent) \
    X(disclosure_record) \
    X(cultural_formulation) \
    X(ce_activity) \
    X(ce_rule_set) \
    X(referral_trigger_set)

#define THERACORE_INSTRUMENTS_RECORDS(X) \
    X(instruments::administration) \
    X(instruments::instrument)

#define THERACORE_OUTCOMES_RECORDS(X) \
    X(outcomes::alert) \
    X(outcomes::measurement_schedule)

// clang-format on

THERACORE_NAMESPACE_BEGIN
namespace io {

/// A list of types, for code that visits every registered type (tests, bindings, backends):
/// `for_each_type(io::people_types{}, [](auto tag) { using T = typename decltype(tag)::type; })`.
template <class... Ts>
struct type_list {
    static constexpr std::size_t size = sizeof...(Ts);
};

/// Carries a type to a generic lambda.
template <class T>
struct type_identity {
    using type = T;
};

/// Calls `f(type_identity<T>{})` for each `T` of the list, in order.
template <class... Ts, class F>
void for_each_type(type_list<Ts...>, F&& f) {
    (f(type_identity<Ts>{}), ...);
}

namespace detail {
template <class... Lists>
struct concat_lists;
template <class... Ts>
struct concat_lists<type_list<Ts...>> {
    using type = type_list<Ts...>;
};
template <class... As, class... Bs, class... Rest>
struct concat_lists<type_list<As...>, type_list<Bs...>, Rest...>
    : concat_lists<type_list<As..., Bs...>, Rest...> {};

template <class Ignored, class... Ts>
struct list_tail {
    using type = type_list<Ts...>;
};
}  // namespace detail

/// The lists one after the other.
template <class... Lists>
using concat_t = typename detail::concat_lists<Lists...>::type;

}  // namespace io
THERACORE_NAMESPACE_END

/// `io::type_list<…>` of the types of an X-macro list, each written by `item`:
/// `THERACORE_TYPE_LIST(THERACORE_OUTCOMES_TYPES, THERACORE_TYPE_LIST_ITEM_OUTCOMES)`.
#define THERACORE_TYPE_LIST(list, item) \
    typename ::theracore::io::detail::list_tail<void list(item)>::type
#define THERACORE_TYPE_LIST_ITEM(T) , T
#define THERACORE_TYPE_LIST_ITEM_INSTRUMENTS(T) , instruments::T
#define THERACORE_TYPE_LIST_ITEM_OUTCOMES(T) , outcomes::T

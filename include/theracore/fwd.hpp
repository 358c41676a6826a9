// SPDX-License-Identifier: Apache-2.0
/// @file
/// Forward declarations of TheraCore's value types, for headers that only pass them around.
#pragma once

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN

template <class Tag>
class basic_id;

struct coded_concept;

inline namespace people {
struct human_name;
struct contact_point;
struct address;
struct emergency_contact;
struct cultural_profile;
struct client;
class licence;
struct clinician;
struct participant;
struct presenting_problem;
class care_episode;
struct intake;
}  // namespace people

inline namespace safety {
struct risk_assessment;
struct safety_plan;
class risk_flag;
class referral;
struct referral_trigger_set;
class consent;
struct disclosure_record;
struct cultural_formulation;
struct ce_activity;
struct ce_rule_set;
}  // namespace safety

inline namespace adapters {
struct unscored_administration;
struct critical_item_findings;
struct administration_series;
}  // namespace adapters

namespace instruments {
struct administration;
struct instrument_definition;
class instrument;
class scoring_plan;
struct score_options;
class answer;
struct responses;
struct score_result;
class batch_view;
struct batch_result;
class catalog;
}  // namespace instruments

inline namespace care {
struct measure_observation;
struct intervention_modality;
class intervention_catalog;
struct plan_goal;
struct plan_version;
class treatment_plan;
class session;
class progress_note;
struct psychotherapy_note;
class homework_assignment;
class behaviour_diary;
struct dyadic_summary;
struct care_record_export;
}  // namespace care

class error;
class validation_error;
class parse_error;
class not_found;
class conflict;
class access_denied;
class storage_error;

namespace outcomes {
struct change_parameters;
class observation_time;
struct score_series;
struct reliable_change;
struct jacobson_truax_outcome;
struct hageman_arrindell_outcome;
struct talking_therapies_rule_set;
struct cohort_summary;
struct gas_goal;
struct gas_result;
struct trajectory;
struct measurement_schedule;
class alert;
}  // namespace outcomes
namespace storage {
struct actor;
class store;
class transaction;
template <class T>
struct record_traits;
}  // namespace storage

THERACORE_NAMESPACE_END

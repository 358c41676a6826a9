// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the care records (plans, interventions, sessions, notes, homework,
/// behaviour diaries, couples and family summaries, exports).
#pragma once

#include <theracore/care_records.hpp>
#include <theracore/io/json_core.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_JSON_ADL(measure_observation)
THERACORE_JSON_ADL(intervention_modality)
THERACORE_JSON_ADL(intervention_catalog)
THERACORE_JSON_ADL(measure_target)
THERACORE_JSON_ADL(gas_rating)
THERACORE_JSON_ADL(gas_scale)
THERACORE_JSON_ADL(objective)
THERACORE_JSON_ADL(planned_intervention)
THERACORE_JSON_ADL(goal_status_change)
THERACORE_JSON_ADL(plan_goal)
THERACORE_JSON_ADL(plan_problem)
THERACORE_JSON_ADL(client_agreement)
THERACORE_JSON_ADL(plan_version)
THERACORE_JSON_ADL(measure_evaluation)
THERACORE_JSON_ADL(treatment_plan)
THERACORE_JSON_ADL(session_attendee)
THERACORE_JSON_ADL(session)
THERACORE_JSON_ADL(soap_note)
THERACORE_JSON_ADL(dap_note)
THERACORE_JSON_ADL(birp_note)
THERACORE_JSON_ADL(note_signature)
THERACORE_JSON_ADL(note_addendum)
THERACORE_JSON_ADL(progress_note)
THERACORE_JSON_ADL(psychotherapy_note)
THERACORE_JSON_ADL(completion_entry)
THERACORE_JSON_ADL(adherence_summary)
THERACORE_JSON_ADL(homework_assignment)
THERACORE_JSON_ADL(behaviour_target)
THERACORE_JSON_ADL(diary_entry)
THERACORE_JSON_ADL(weekly_summary)
THERACORE_JSON_ADL(behaviour_trend)
THERACORE_JSON_ADL(behaviour_diary)
THERACORE_JSON_ADL(participant_scores_row)
THERACORE_JSON_ADL(participant_score_table)
THERACORE_JSON_ADL(dyadic_row)
THERACORE_JSON_ADL(dyadic_summary)
THERACORE_JSON_ADL(export_request)
THERACORE_JSON_ADL(care_record_export)

THERACORE_NAMESPACE_END

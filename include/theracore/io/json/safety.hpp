// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the risk, safety, referral, consent, culture and continuing-education
/// records (theracore/safety.hpp).
#pragma once

#include <theracore/io/json_core.hpp>
#include <theracore/safety.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_JSON_ADL(cssrs_screener_answers)
THERACORE_JSON_ADL(cssrs_screener_result)
THERACORE_JSON_ADL(risk_factor)
THERACORE_JSON_ADL(risk_action)
THERACORE_JSON_ADL(risk_assessment)
THERACORE_JSON_ADL(instrument_item_source)
THERACORE_JSON_ADL(cssrs_triage_source)
THERACORE_JSON_ADL(clinician_raised_source)
THERACORE_JSON_ADL(flag_status_change)
THERACORE_JSON_ADL(risk_flag)
THERACORE_JSON_ADL(safety_contact)
THERACORE_JSON_ADL(support_service)
THERACORE_JSON_ADL(means_safety_step)
THERACORE_JSON_ADL(safety_plan)
THERACORE_JSON_ADL(referral_party)
THERACORE_JSON_ADL(referral_attachment)
THERACORE_JSON_ADL(referral_status_change)
THERACORE_JSON_ADL(referral)
THERACORE_JSON_ADL(observed_score)
THERACORE_JSON_ADL(total_at_least)
THERACORE_JSON_ADL(level_in)
THERACORE_JSON_ADL(referral_trigger)
THERACORE_JSON_ADL(referral_trigger_set)
THERACORE_JSON_ADL(suggested_referral)
THERACORE_JSON_ADL(consenting_party)
THERACORE_JSON_ADL(disclosure_party)
THERACORE_JSON_ADL(release_terms)
THERACORE_JSON_ADL(expiry_event)
THERACORE_JSON_ADL(consent_revocation)
THERACORE_JSON_ADL(consent)
THERACORE_JSON_ADL(disclosure_request)
THERACORE_JSON_ADL(category_grant)
THERACORE_JSON_ADL(disclosure_denial)
THERACORE_JSON_ADL(disclosure_decision)
THERACORE_JSON_ADL(disclosure_record)
THERACORE_JSON_ADL(risk_gate_finding)
THERACORE_JSON_ADL(risk_gate_decision)
THERACORE_JSON_ADL(cfi_problem_definition)
THERACORE_JSON_ADL(cfi_cause_context_support)
THERACORE_JSON_ADL(cfi_coping_and_past_help)
THERACORE_JSON_ADL(cfi_current_help_seeking)
THERACORE_JSON_ADL(cultural_formulation)
THERACORE_JSON_ADL(ce_activity)
THERACORE_JSON_ADL(ce_category_minimum)
THERACORE_JSON_ADL(ce_requirement)
THERACORE_JSON_ADL(ce_rule_set)
THERACORE_JSON_ADL(ce_category_status)
THERACORE_JSON_ADL(ce_compliance)

THERACORE_NAMESPACE_END

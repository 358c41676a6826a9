// SPDX-License-Identifier: Apache-2.0
/// @file
/// Forward declarations of TheraCore's value types, for headers that only pass them around.
#pragma once

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN

template <class Tag>
class basic_id;

struct coded_concept;
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

// Care records (theracore/care_records.hpp).
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

class error;
class validation_error;
class parse_error;
class not_found;
class conflict;
class access_denied;
class storage_error;

THERACORE_NAMESPACE_END

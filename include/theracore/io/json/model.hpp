// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the core model (clients, clinicians, episodes, intakes).
#pragma once

#include <theracore/io/json_core.hpp>
#include <theracore/model.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_JSON_ADL(coded_concept)
THERACORE_JSON_ADL(human_name)
THERACORE_JSON_ADL(contact_point)
THERACORE_JSON_ADL(address)
THERACORE_JSON_ADL(emergency_contact)
THERACORE_JSON_ADL(cultural_profile)
THERACORE_JSON_ADL(client)
THERACORE_JSON_ADL(licence)
THERACORE_JSON_ADL(clinician)
THERACORE_JSON_ADL(participant)
THERACORE_JSON_ADL(presenting_problem)
THERACORE_JSON_ADL(status_change)
THERACORE_JSON_ADL(care_episode)
THERACORE_JSON_ADL(intake)

THERACORE_NAMESPACE_END

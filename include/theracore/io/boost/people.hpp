// SPDX-License-Identifier: Apache-2.0
/// @file
/// Boost.Serialization support for the core model (clients, clinicians, episodes, intakes).
#pragma once

#include <theracore/io/boost_core.hpp>
#include <theracore/people.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_BOOST_SERIALIZE(coded_concept)
THERACORE_BOOST_SERIALIZE(human_name)
THERACORE_BOOST_SERIALIZE(contact_point)
THERACORE_BOOST_SERIALIZE(address)
THERACORE_BOOST_SERIALIZE(emergency_contact)
THERACORE_BOOST_SERIALIZE(cultural_profile)
THERACORE_BOOST_SERIALIZE(client)
THERACORE_BOOST_SERIALIZE_VALIDATED(licence)
THERACORE_BOOST_SERIALIZE(clinician)
THERACORE_BOOST_SERIALIZE(participant)
THERACORE_BOOST_SERIALIZE(presenting_problem)
THERACORE_BOOST_SERIALIZE(status_change)
THERACORE_BOOST_SERIALIZE_VALIDATED(care_episode)
THERACORE_BOOST_SERIALIZE(intake)

THERACORE_NAMESPACE_END

// Versions: records use their JSON schema_version; other value types start at 1.
BOOST_CLASS_VERSION(theracore::coded_concept, 1)
BOOST_CLASS_VERSION(theracore::human_name, 1)
BOOST_CLASS_VERSION(theracore::contact_point, 1)
BOOST_CLASS_VERSION(theracore::address, 1)
BOOST_CLASS_VERSION(theracore::emergency_contact, 1)
BOOST_CLASS_VERSION(theracore::cultural_profile, 1)
BOOST_CLASS_VERSION(theracore::client, theracore::client::schema_version)
BOOST_CLASS_VERSION(theracore::licence, 1)
BOOST_CLASS_VERSION(theracore::licence::fields, 1)
BOOST_CLASS_VERSION(theracore::clinician, theracore::clinician::schema_version)
BOOST_CLASS_VERSION(theracore::participant, 1)
BOOST_CLASS_VERSION(theracore::presenting_problem, 1)
BOOST_CLASS_VERSION(theracore::status_change, 1)
BOOST_CLASS_VERSION(theracore::care_episode, theracore::care_episode::schema_version)
BOOST_CLASS_VERSION(theracore::care_episode::fields, 1)
BOOST_CLASS_VERSION(theracore::intake, theracore::intake::schema_version)

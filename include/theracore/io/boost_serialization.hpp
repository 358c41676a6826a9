// SPDX-License-Identifier: Apache-2.0
/// @file
/// Opt-in Boost.Serialization support for the core model; link `theracore::serialization`.
/// Text, XML and binary archives all work (XML tags are the JSON key names).
///
/// ```
/// boost::archive::text_oarchive oa(stream);
/// oa << boost::serialization::make_nvp("client", client);
/// ```
///
/// Loading a validated class (`care_episode`, `licence`) re-checks its invariants and throws
/// `validation_error` for an archive that breaks them.
#pragma once

// One header per area; each declares serialize overloads and BOOST_CLASS_VERSIONs.
#include <theracore/io/boost/care.hpp>
#include <theracore/io/boost/instruments.hpp>
#include <theracore/io/boost/outcomes.hpp>
#include <theracore/io/boost/people.hpp>
#include <theracore/io/boost/safety.hpp>

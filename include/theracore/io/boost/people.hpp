// SPDX-License-Identifier: Apache-2.0
/// @file
/// Boost.Serialization support for the people area (clients, clinicians, episodes, intakes).
/// Declarations only: the definitions and their instantiations for the text, XML and binary
/// archives are compiled into `theracore::serialization` (src/io/boost/people.cpp), one for each
/// type of `THERACORE_PEOPLE_TYPES` (theracore/io/types.hpp).
#pragma once

#include <theracore/io/boost_core.hpp>
#include <theracore/io/types.hpp>
#include <theracore/people.hpp>

THERACORE_NAMESPACE_BEGIN
THERACORE_PEOPLE_TYPES(THERACORE_BOOST_DECLARE)
THERACORE_NAMESPACE_END

// Class versions: records use their JSON schema_version; other value types the highest
// version their fields name (`detail::field<N>`), else 1.
THERACORE_PEOPLE_TYPES(THERACORE_BOOST_VERSION)

// SPDX-License-Identifier: Apache-2.0
/// @file
/// Boost.Serialization support for the risk, safety, referral, consent, culture and
/// continuing-education records (theracore/safety.hpp).
/// Declarations only: the definitions and their instantiations for the text, XML and binary
/// archives are compiled into `theracore::serialization` (src/io/boost/safety.cpp), one for each
/// type of `THERACORE_SAFETY_TYPES` (theracore/io/types.hpp).
#pragma once

#include <theracore/io/boost_core.hpp>
#include <theracore/io/types.hpp>
#include <theracore/safety.hpp>

THERACORE_NAMESPACE_BEGIN
THERACORE_SAFETY_TYPES(THERACORE_BOOST_DECLARE)
THERACORE_NAMESPACE_END

// Class versions: records use their JSON schema_version; other value types the highest
// version their fields name (`detail::field<N>`), else 1.
THERACORE_SAFETY_TYPES(THERACORE_BOOST_VERSION)

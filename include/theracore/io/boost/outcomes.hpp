// SPDX-License-Identifier: Apache-2.0
/// @file
/// Boost.Serialization support for the outcome analytics (`theracore::outcomes`). An
/// `observation_time` is archived as its ISO-8601 text (empty when not set); loading an
/// `alert` re-checks its invariants.
/// Declarations only: the definitions and their instantiations for the text, XML and binary
/// archives are compiled into `theracore::serialization` (src/io/boost/outcomes.cpp), one for each
/// type of `THERACORE_OUTCOMES_TYPES`, and for
/// `observation_time` (theracore/io/types.hpp).
#pragma once

#include <theracore/io/boost_core.hpp>
#include <theracore/io/types.hpp>
#include <theracore/outcomes.hpp>
#include <theracore/outcomes/report.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

THERACORE_OUTCOMES_TYPES(THERACORE_BOOST_DECLARE)
THERACORE_BOOST_DECLARE_ONE(observation_time)

}  // namespace outcomes
THERACORE_NAMESPACE_END

// Class versions: records use their JSON schema_version; other value types the highest
// version their fields name (`detail::field<N>`), else 1.
THERACORE_OUTCOMES_TYPES(THERACORE_BOOST_VERSION_OUTCOMES)
THERACORE_BOOST_VERSION_OUTCOMES(observation_time)

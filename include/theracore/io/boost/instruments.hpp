// SPDX-License-Identifier: Apache-2.0
/// @file
/// Boost.Serialization support for the instrument engine: definitions, answers, responses,
/// score results and administrations. An answer is archived as its kind, number and text.
/// Declarations only: the definitions and their instantiations for the text, XML and binary
/// archives are compiled into `theracore::serialization` (src/io/boost/instruments.cpp), one for
/// each type of `THERACORE_INSTRUMENT_DEFINITION_TYPES` and `THERACORE_INSTRUMENTS_TYPES`, and for
/// `answer` (theracore/io/types.hpp).
#pragma once

#include <theracore/instruments.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/io/boost_core.hpp>
#include <theracore/io/types.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

THERACORE_INSTRUMENT_DEFINITION_TYPES(THERACORE_BOOST_DECLARE)
THERACORE_INSTRUMENTS_TYPES(THERACORE_BOOST_DECLARE)
THERACORE_BOOST_DECLARE_ONE(answer)

}  // namespace instruments
THERACORE_NAMESPACE_END

// Class versions: records use their JSON schema_version; other value types the highest
// version their fields name (`detail::field<N>`), else 1.
THERACORE_INSTRUMENT_DEFINITION_TYPES(THERACORE_BOOST_VERSION_INSTRUMENTS)
THERACORE_INSTRUMENTS_TYPES(THERACORE_BOOST_VERSION_INSTRUMENTS)
THERACORE_BOOST_VERSION_INSTRUMENTS(answer)

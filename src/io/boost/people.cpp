// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled Boost.Serialization of the types of `THERACORE_PEOPLE_TYPES`.
#include "instantiate.hpp"

#include <theracore/io/boost/people.hpp>

THERACORE_NAMESPACE_BEGIN
THERACORE_PEOPLE_TYPES(THERACORE_BOOST_COMPILE)
THERACORE_NAMESPACE_END

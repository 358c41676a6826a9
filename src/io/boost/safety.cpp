// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled Boost.Serialization of the types of `THERACORE_SAFETY_TYPES`.
#include "instantiate.hpp"

#include <theracore/io/boost/safety.hpp>

THERACORE_NAMESPACE_BEGIN
THERACORE_SAFETY_TYPES(THERACORE_BOOST_COMPILE)
THERACORE_NAMESPACE_END

// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled JSON adapters of `THERACORE_SAFETY_TYPES`.

#include <theracore/io/json/safety.hpp>
#include <theracore/io/json_core.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_SAFETY_TYPES(THERACORE_JSON_DEFINE)

THERACORE_NAMESPACE_END

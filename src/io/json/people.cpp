// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled JSON adapters of `THERACORE_PEOPLE_TYPES`.

#include <theracore/io/json/people.hpp>
#include <theracore/io/json_core.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_PEOPLE_TYPES(THERACORE_JSON_DEFINE)

THERACORE_NAMESPACE_END
